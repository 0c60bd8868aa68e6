import Foundation
import Testing

/// The HTML report as a person would see it: the built `rapport` writes the shipped corpus's report,
/// headless Chromium renders it, and the screenshot and the DOM must show the charts and the
/// highlighted transcripts.
@Suite("HTML report in a browser", .serialized)
struct HTMLReportBrowserTests {
    @Test("rapport report Corpus --format html renders in Chromium with charts and highlights")
    func rendersInChromium() throws {
        let chromium = try #require(Binary.chromium(), Chromium.missingMessage)
        let rapport = try #require(RapportRun.rapport(), RapportRun.missingMessage)
        let folder = try ScratchFolder.folder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let report = folder.appendingPathComponent("report.html")
        let run = try RapportRun.run(rapport, ["report", RapportRun.repository.appendingPathComponent("Corpus").path,
                                           "--format", "html", "-o", report.path])
        #expect(run.status == 0, "rapport failed: \(run.stderr)")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))

        // Screenshot the report and an empty page the same way: the report must not look blank.
        let empty = folder.appendingPathComponent("empty.html")
        try Data("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>empty</title></head><body></body></html>".utf8).write(to: empty)
        let shot = try Chromium.screenshot(chromium, page: report, in: folder, name: "shot.png")
        let blank = try Chromium.screenshot(chromium, page: empty, in: folder, name: "blank.png")
        let size = try PNGHeader.size(of: shot)
        #expect(size.width == 1280 && size.height == 2400, "screenshot is \(size.width)×\(size.height)")
        #expect(shot.count > 5 * blank.count, "report screenshot \(shot.count) bytes vs blank page \(blank.count) bytes: looks blank")
        #expect(shot.count > 60_000, "report screenshot only \(shot.count) bytes")

        // The DOM after the browser parsed the page: charts, heat map, highlights, sections.
        let dom = try Chromium.dumpDOM(chromium, page: report, in: folder)
        #expect(dom.contains("<svg class=\"chart bars\""), "no bar chart in the DOM")
        #expect(dom.contains("<svg class=\"chart timeline\""), "no time-line chart in the DOM")
        #expect(dom.contains("<svg class=\"chart heatmap\""), "no heat map in the DOM")
        #expect(dom.components(separatedBy: "<mark class=\"hl ").count > 50, "too few highlighted passages in the DOM")
        #expect(dom.contains("class=\"hl c-hostility m-hostility m-power\""), "no passage highlighted with two codes")
        for id in ["summary", "frequencies", "timelines", "cooccurrence", "codebook", "transcripts"] {
            #expect(dom.contains("<section id=\"\(id)\""), "no section \(id)")
        }
        #expect(dom.contains("C3-E05"))
        #expect(dom.contains("Zoë"), "accented names must survive the round trip")
    }

    @Test("-o FILE.html picks the HTML format; --agreement adds the agreement table")
    func defaultFormatAndAgreement() throws {
        let rapport = try #require(RapportRun.rapport(), RapportRun.missingMessage)
        let folder = try ScratchFolder.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let agreement = folder.appendingPathComponent("agreement.json")
        try Data(#"{"coders":["a","b"],"codes":[{"code":"power","units":10,"percent_agreement":0.9,"fleiss_kappa":0.8,"alpha":0.81,"alpha_ci95":[0.82,0.95],"verdict":"reliable","cohen_kappa":[{"first":"a","second":"b","kappa":0.8}],"disagreeing_units":1}]}"#.utf8).write(to: agreement)
        let report = folder.appendingPathComponent("report.html")
        let corpus = RapportRun.repository.appendingPathComponent("Corpus/case-a-marsh").path
        let run = try RapportRun.run(rapport, ["report", corpus, "--agreement", agreement.path, "-o", report.path])
        #expect(run.status == 0, "rapport failed: \(run.stderr)")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<section id=\"agreement\""))
        #expect(html.contains("✓ reliable"))
    }

    @Test("a broken --agreement file is an error naming the file")
    func badAgreement() throws {
        let rapport = try #require(RapportRun.rapport(), RapportRun.missingMessage)
        let folder = try ScratchFolder.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let agreement = folder.appendingPathComponent("agreement.json")
        try Data("{\"codes\": []}".utf8).write(to: agreement)
        let corpus = RapportRun.repository.appendingPathComponent("Corpus/case-a-marsh").path
        let run = try RapportRun.run(rapport, ["report", corpus, "--format", "html", "--agreement", agreement.path,
                                           "-o", folder.appendingPathComponent("r.html").path])
        #expect(run.status == 1)
        #expect(run.stderr == "\(agreement.path): error: missing \"coders\"; expected the output of 'rapport agree --format json'\n", "stderr: \(run.stderr)")
    }

    @Test("no progress bar when stderr is not a terminal; --quiet leaves stderr empty")
    func progressStaysOffPipes() throws {
        let rapport = try #require(RapportRun.rapport(), RapportRun.missingMessage)
        let corpus = RapportRun.repository.appendingPathComponent("Corpus").path  // 14 files: above the threshold
        let run = try RapportRun.run(rapport, ["report", corpus, "--format", "csv"])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("MB/s") && !run.stderr.contains("\r"), "stderr: \(run.stderr)")
        let quiet = try RapportRun.run(rapport, ["report", corpus, "--format", "csv", "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "stderr: \(quiet.stderr)")
    }
}

/// The built `rapport` executable and a way to run it.
private enum RapportRun {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let missingMessage: Comment = "cannot find the built 'rapport' next to the test bundle; run 'swift build' first or set RAPPORT_BINARY"

    /// `RAPPORT_BINARY`, else `rapport` in the folder of the running test bundle (on Linux the
    /// bundle is an executable, `…/debug/RapportPackageTests.xctest`; on macOS a folder inside it).
    static func rapport() -> URL? {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["RAPPORT_BINARY"] { candidates.append(URL(fileURLWithPath: path)) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent("rapport"))
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("rapport"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("rapport"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("rapport"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable` with `arguments`, stdout and stderr captured through pipes; kills it after `timeout` seconds.
    static func run(_ executable: URL, _ arguments: [String], timeout: TimeInterval = 120) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repository
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        // Drain both pipes while the process runs, so a full pipe cannot block it.
        let group = DispatchGroup()
        nonisolated(unsafe) var stdout = Data(), stderr = Data()
        DispatchQueue.global().async(group: group) { stdout = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
        process.waitUntilExit()
        group.wait()
        watchdog.cancel()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Headless Chromium, run with its own throw-away profile so parallel runs do not collide.
private enum Chromium {
    static let missingMessage: Comment = """
        Chromium is not installed, so the HTML report cannot be checked in a browser. Install it \
        (Debian/Ubuntu: 'apt-get update && apt-get install -y chromium'; .ci/run does this) and run the tests again.
        """

    static func arguments(in folder: URL) -> [String] {
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
         "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
         "--user-data-dir=" + folder.appendingPathComponent("profile-\(UUID().uuidString)").path]
    }

    /// The PNG bytes of `page` rendered in a 1280×2400 window.
    static func screenshot(_ chromium: URL, page: URL, in folder: URL, name: String) throws -> Data {
        let png = folder.appendingPathComponent(name)
        let run = try RapportRun.run(chromium, arguments(in: folder) + ["--screenshot=" + png.path, "--window-size=1280,2400",
                                                                     page.absoluteString])
        guard let data = try? Data(contentsOf: png) else {
            throw BrowserTestFailure("chromium wrote no screenshot (exit \(run.status)): \(run.stderr.suffix(2000))")
        }
        return data
    }

    /// The DOM of `page` after Chromium has parsed it.
    static func dumpDOM(_ chromium: URL, page: URL, in folder: URL) throws -> String {
        let run = try RapportRun.run(chromium, arguments(in: folder) + ["--dump-dom", page.absoluteString])
        guard run.status == 0, !run.stdout.isEmpty else {
            throw BrowserTestFailure("chromium --dump-dom failed (exit \(run.status)): \(run.stderr.suffix(2000))")
        }
        return run.stdout
    }
}

/// Just enough of PNG to check a screenshot: the signature and the IHDR chunk's size.
private enum PNGHeader {
    static func size(of data: Data) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { throw BrowserTestFailure("not a PNG file") }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }
}

/// A fresh temporary folder per test.
private enum ScratchFolder {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

private struct BrowserTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
