import Coding
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Project
import Review
import Transcripts

/// A review server on a free loopback port over a scratch project with one coded transcript,
/// and a small HTTP client that sends exactly the headers a test gives (no cookie jar).
final class LiveServer: @unchecked Sendable {
    let folder: URL
    let store: ProjectStore
    let token = "test-token-0123456789abcdef"
    private(set) var port = 0
    private var task: Task<Void, any Error>?
    let session: URLSession

    static let transcript = """
        Encounter: T-E01
        Case: T
        Date: 2024-01-16
        Setting: family home
        Participants: SW = worker (Hannah); Mum = client (Kerry)

        Hannah knocks twice. Kerry opens the door a crack and says she has nothing to say to them.

        SW: It sounds like you're exhausted, and I can see why you'd be angry with us.

        Mum: Get out of my house. I'm not talking to you lot, you're all the same.

        SW: We will have to go to court if you don't let me see the children.

        Mum: Fine. Come in then.
        """

    /// `files`: transcripts by file name (the default: one visit); `blind`: the server runs
    /// blind for every request (`serve --blind`).
    init(files: [String: String] = ["visit.txt": LiveServer.transcript], blind: Bool = false) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var paths: [String] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let file = folder.appendingPathComponent(name)
            try Data(text.utf8).write(to: file)
            paths.append(file.path)
        }
        store = try ProjectStore.open(path: folder.appendingPathComponent("study.rapport").path)
        let codebook = Codebook.relationship()
        let version = try store.addCodebook(name: codebook.name, yaml: Codebook.relationshipYAML)
        let summary = ProjectImport.add(paths: paths, to: store, codebook: codebook)
        precondition(summary.added == files.count && summary.errors.isEmpty, "fixture did not load: \(summary.errors)")
        _ = try ProjectImport.codeNewSources(in: store, codebook: codebook, codebookID: version)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)

        let server = ReviewServer(store: store, codebook: codebook,
                                  configuration: ReviewServer.Configuration(port: 0, token: token, blind: blind))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        task = Task { try await server.run { port in continuation.yield(port) } }
        for await port in ports { self.port = port; break }
    }

    func stop() {
        task?.cancel()
        try? FileManager.default.removeItem(at: folder)
    }

    struct Answer {
        var status: Int
        var headers: [String: String]
        var body: Data
        var json: Any? { try? JSONSerialization.jsonObject(with: body) }
        var object: [String: Any] { (json as? [String: Any]) ?? [:] }
        var array: [[String: Any]] { (json as? [[String: Any]]) ?? [] }
        func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
    }

    /// Sends a request; `auth` adds the bearer token, `csrf` the CSRF header.
    func send(_ method: String, _ path: String, json: Any? = nil, body: Data? = nil, auth: Bool = true, csrf: String? = nil,
              headers: [String: String] = [:]) async throws -> Answer {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if auth { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let csrf { request.setValue(csrf, forHTTPHeaderField: "X-CSRF-Token") }
        for (k, v) in headers { request.setValue(v, forHTTPHeaderField: k) }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        } else if let body {
            request.httpBody = body
        }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (k, v) in http.allHeaderFields { fields["\(k)"] = "\(v)" }
        return Answer(status: http.statusCode, headers: fields, body: data)
    }

    /// The CSRF token the session hands out.
    func csrf() async throws -> String {
        try await send("GET", "/api/session").object["csrf"] as? String ?? ""
    }
}

/// Lets a test see a redirect instead of following it.
final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
