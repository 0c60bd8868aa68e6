import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `rapport serve` running on a project in a scratch folder, and a blocking JSON client
/// for its API (bearer token, CSRF header on changes), as another tool would drive it.
final class ServedProject: @unchecked Sendable {
    let process = Process()
    let base: String
    let token: String
    private(set) var csrf = ""

    /// Starts `rapport serve PROJECT --port 0 --quiet` plus `arguments` and waits for its address.
    init(project: String, arguments: [String] = []) throws {
        process.executableURL = Binary.executable
        process.arguments = ["serve", project, "--port", "0", "--quiet"] + arguments
        process.currentDirectoryURL = Binary.repository
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var printed = Data()
        while !printed.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += chunk
        }
        let line = String(decoding: printed, as: UTF8.self)
        guard let address = line.split(separator: " ").last?.trimmingCharacters(in: .whitespacesAndNewlines),
              let query = address.range(of: "/?token=") else {
            process.terminate()
            throw ServeFailure("rapport serve printed no address: '\(line)'")
        }
        base = String(address[..<query.lowerBound])
        token = String(address[query.upperBound...])
        csrf = try object("GET", "/api/session")["csrf"] as? String ?? ""
    }

    struct ServeFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// Sends one request and waits for the answer: status and body (status 0 when the connection failed).
    func send(_ method: String, _ path: String, json: Any? = nil) -> (status: Int, body: Data) {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = method
        request.timeoutInterval = 30
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        if method != "GET" { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        if let json {
            request.httpBody = try? JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, Data) = (0, Data())
        URLSession.shared.dataTask(with: request) { data, response, _ in
            result = ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data())
            done.signal()
        }.resume()
        done.wait()
        return result
    }

    func object(_ method: String, _ path: String, json: Any? = nil) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: send(method, path, json: json).body) as? [String: Any] ?? [:]
    }

    func array(_ path: String) throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: send("GET", path).body) as? [[String: Any]] ?? []
    }

    /// Stops the server as Ctrl-C would.
    func stop() {
        if process.isRunning { process.interrupt(); process.waitUntilExit() }
    }

    deinit { if process.isRunning { process.terminate(); process.waitUntilExit() } }
}
