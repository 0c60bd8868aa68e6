import Foundation
import Testing

/// Swift seeds its hashing per process, so a dictionary's order differs from one run to the next:
/// only two separate runs of the binary show whether output depends on it.
@Suite("Same input, same bytes, in two processes")
struct DeterminismAcrossProcessesTests {
    /// Every file below `folder`, by path relative to it, with its bytes.
    func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let relative = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return files
    }

    /// Every export and report of the corpus, written by one process into a fresh folder.
    func run() throws -> [String: Data] {
        let dir = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let export = try Binary.run(["export", "Corpus", "--tei", dir.appendingPathComponent("tei").path,
                                     "--qdpx", dir.appendingPathComponent("p.qdpx").path,
                                     "--qdc", dir.appendingPathComponent("c.qdc").path,
                                     "--csv", dir.appendingPathComponent("a.csv").path])
        #expect(export.status == 0, "\(export.stderr)")
        let pseudonymised = try Binary.run(["export", "Corpus", "--pseudonymise", "--qdpx", dir.appendingPathComponent("pseudo.qdpx").path,
                                            "--pseudonym-key", dir.appendingPathComponent("key.csv").path])
        #expect(pseudonymised.status == 0, "\(pseudonymised.stderr)")
        for (format, file) in [("html", "r.html"), ("json", "r.json"), ("csv", "r.csv")] {
            let report = try Binary.run(["report", "Corpus", "--subcodes", "--format", format, "-o", dir.appendingPathComponent(file).path])
            #expect(report.status == 0, "\(report.stderr)")
        }
        let code = try Binary.run(["code", "Corpus"])
        try code.stdout.write(to: dir.appendingPathComponent("code.jsonl"), atomically: true, encoding: .utf8)
        return try contents(of: dir)
    }

    @Test func twoRunsWriteIdenticalFiles() throws {
        let first = try run()
        let second = try run()
        #expect(first.count == 23, "expected every export: \(first.keys.sorted())")
        #expect(first.keys.sorted() == second.keys.sorted())
        for (name, bytes) in first {
            #expect(second[name] == bytes, "\(name) differs between two runs")
        }
    }
}
