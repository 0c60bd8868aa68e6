import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The review page in a real browser: `rapport serve` on a corpus transcript, headless Chromium
/// driven over the DevTools pipe accepts one suggestion with the keyboard, rejects another with
/// the mouse and hand-codes a selection; the project's .qdpx export must then hold exactly those
/// decisions under the coder's name.
@Suite("Review page in a browser", .serialized)
struct ReviewPageBrowserTests {
    static let chromiumMissing: Comment = """
        Chromium is not installed, so the review page cannot be checked in a browser. Install it \
        (Debian/Ubuntu: 'apt-get install -y chromium'; .ci/run does this) and run the tests again.
        """

    @Test("accept with a key, reject with the mouse, hand-code a selection, and find all three in the export")
    func reviewInChromium() throws {
        let chromium = try #require(Binary.chromium(), Self.chromiumMissing)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = Binary.repository.appendingPathComponent("Corpus/case-a-marsh/2024-03-05-home-visit.txt").path
        let project = folder.appendingPathComponent("study.rapport").path

        let server = Process()
        server.executableURL = Binary.executable
        server.arguments = ["serve", project, "--add", transcript, "--port", "0", "--quiet"]
        let out = Pipe()
        server.standardOutput = out
        server.standardError = FileHandle.nullDevice
        server.standardInput = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        var printed = Data()
        while !String(decoding: printed, as: UTF8.self).contains("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += chunk
        }
        let line = String(decoding: printed, as: UTF8.self)
        let address = try #require(line.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) },
                                   "rapport serve printed: \(line)")
        #expect(address.hasPrefix("http://127.0.0.1:") && address.contains("/?token="))
        let base = String(address.prefix { $0 != "?" }.dropLast())
        let token = String(address.split(separator: "=").last ?? "")

        let browser = try DevToolsPipe(chromium: chromium, profile: folder.appendingPathComponent("profile"), width: 1280, height: 900)
        try browser.open(address, width: 1280, height: 900)
        try browser.wait(for: "document.getElementById('project') && document.getElementById('project').textContent.length > 0")
        #expect(try browser.evaluate("location.search") as? String == "", "the token leaves the address bar")
        _ = try browser.evaluate("document.getElementById('coder').value = 'ana'")
        try browser.click("#coder-form button")
        try browser.wait(for: "document.querySelector('#encounter-list button')")
        try browser.click("#encounter-list button")
        try browser.wait(for: "document.querySelectorAll('.chip.pending').length >= 2")

        // Keyboard: j selects the first suggestion, a accepts it.
        try browser.press("j")
        try browser.wait(for: "document.querySelector('.chip[aria-pressed=\"true\"]')")
        let accepted = try #require(try browser.evaluate("Number(document.querySelector('.chip[aria-pressed=\"true\"]').dataset.id)") as? Int)
        try browser.press("a")
        try browser.wait(for: "document.querySelector('.chip.accept')")

        // Mouse: click another pending suggestion's chip, then Reject.
        let rejected = try #require(try browser.evaluate("Number(document.querySelector('.chip.pending').dataset.id)") as? Int)
        try browser.click(".chip.pending")
        try browser.click("#reject")
        try browser.wait(for: "document.querySelector('.chip.reject')")

        // Select 20 characters of uncoded text in a turn and code them as hostility.mistrust.
        let start = try #require(try browser.evaluate("""
            (() => { const span = [...document.querySelectorAll('.body > span[data-start]')].find((s) => s.textContent.length > 40);
              const node = span.firstChild, range = document.createRange(); range.setStart(node, 5); range.setEnd(node, 25);
              const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
              document.getElementById('text').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
              return Number(span.dataset.start) + Array.from(node.data.slice(0, 5)).length; })()
            """) as? Int)
        try browser.wait(for: "!document.getElementById('apply-code').disabled")
        _ = try browser.evaluate("document.getElementById('hand-code').value = 'hostility.mistrust'")
        try browser.click("#apply-code")
        try browser.wait(for: "[...document.querySelectorAll('.chip.own')].some((c) => c.textContent.startsWith('hostility.mistrust'))")

        let shot = try browser.screenshot()
        if let keep = ProcessInfo.processInfo.environment["RAPPORT_REVIEW_SCREENSHOT"] {
            try shot.write(to: URL(fileURLWithPath: keep))
        }
        #expect(shot.count > 40_000, "screenshot only \(shot.count) bytes: the page looks empty")

        // The export, fetched as a script would, read back with 'rapport import'.
        func get(_ path: String) throws -> Data {
            var request = URLRequest(url: URL(string: base + path)!)
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
            let semaphore = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var body = Data()
            URLSession.shared.dataTask(with: request) { data, _, _ in body = data ?? Data(); semaphore.signal() }.resume()
            semaphore.wait()
            return body
        }
        let view = try JSONSerialization.jsonObject(with: get("/api/sources/1/encounters/0?coder=ana")) as? [String: Any]
        let codings = view?["codings"] as? [[String: Any]] ?? []
        let acceptedCoding = try #require(codings.first { $0["id"] as? Int == accepted })
        let rejectedCoding = try #require(codings.first { $0["id"] as? Int == rejected })
        #expect(acceptedCoding["status"] as? String == "accept")
        #expect(rejectedCoding["status"] as? String == "reject")

        let qdpx = folder.appendingPathComponent("export.qdpx")
        try get("/api/export.qdpx").write(to: qdpx)
        let imported = try Binary.run(["import", qdpx.path, "--format", "jsonl"])
        #expect(imported.status == 0, "rapport import: \(imported.stderr)")
        var ana: [(code: String, start: Int, end: Int)] = []
        var machine = 0
        for line in imported.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            for a in object?["annotations"] as? [[String: Any]] ?? [] {
                if a["coder"] as? String == "ana" { ana.append((a["code"] as! String, a["start"] as! Int, a["end"] as! Int)) }
                if a["coder"] as? String == "rapport" { machine += 1 }
            }
        }
        #expect(machine >= 2, "the machine's suggestions are exported as the user 'rapport'")
        #expect(ana.count == 2, "ana: \(ana)")
        #expect(ana.contains { $0.code == acceptedCoding["code"] as? String && $0.start == acceptedCoding["start"] as? Int && $0.end == acceptedCoding["end"] as? Int })
        #expect(ana.contains { $0.code == "hostility.mistrust" && $0.start == start && $0.end == start + 20 })
        #expect(!ana.contains { $0.code == rejectedCoding["code"] as? String && $0.start == rejectedCoding["start"] as? Int })
    }
}
