#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing

/// `rapport serve` as a user runs it: killed with -9 mid-session it loses nothing it acknowledged;
/// `--add` applies case sheets as reading a folder does; Ctrl-C during `--add` leaves whole sources.
@Suite("rapport serve: durability, case sheets, Ctrl-C", .serialized)
struct ServeReliabilityTests {
    struct Acknowledged: Hashable { var coder: String; var suggestion: Int; var accept: Bool; var code: String; var start: Int; var end: Int }

    @Test("kill -9 during a review session loses no acknowledged decision, and the export carries each by coder")
    func killNineLosesNothingAcknowledged() throws {
        let folder = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("study.rapport").path
        let server = try ServedProject(project: project, arguments: ["--add", "Corpus/case-a-marsh"])
        var suggestions: [[String: Any]] = []
        for e in try server.array("/api/encounters?coder=ana") {
            let view = try server.object("GET", "/api/sources/\(e["source"] as! Int)/encounters/\(e["encounter"] as! Int)?coder=ana")
            suggestions += (view["codings"] as? [[String: Any]] ?? []).filter { $0["coder"] as? String == "rapport" }
        }
        #expect(suggestions.count >= 20, "too few suggestions to review: \(suggestions.count)")

        // Two coders decide at once, as fast as the server answers; the server is killed after 20
        // acknowledgements while requests are still in flight.
        let items = suggestions.map { (id: $0["id"] as! Int, code: $0["code"] as! String, start: $0["start"] as! Int, end: $0["end"] as! Int) }
        let acknowledged = Mutex<[Acknowledged]>([])
        let enough = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for coder in ["ana", "ben"] {
            DispatchQueue.global().async(group: group) {
                for (i, s) in items.enumerated() {
                    let accept = (i + (coder == "ben" ? 1 : 0)) % 2 == 0
                    let answer = server.send("POST", "/api/decisions", json: ["suggestion": s.id, "coder": coder, "action": accept ? "accept" : "reject"])
                    guard answer.status == 201 else { return }
                    let count = acknowledged.withLock {
                        $0.append(Acknowledged(coder: coder, suggestion: s.id, accept: accept, code: s.code, start: s.start, end: s.end))
                        return $0.count
                    }
                    if count == 20 { enough.signal() }
                }
            }
        }
        #expect(enough.wait(timeout: .now() + 120) == .success, "the server did not acknowledge 20 decisions")
        kill(server.process.processIdentifier, SIGKILL)
        server.process.waitUntilExit()
        group.wait()
        #expect(server.process.terminationReason == .uncaughtSignal)
        let decided = acknowledged.withLock { $0 }
        #expect(decided.count >= 20 && decided.count < 2 * suggestions.count, "\(decided.count) acknowledged: the kill came too late to test anything")

        // Reopened: every acknowledged decision is in the log, by its coder.
        let reopened = try ServedProject(project: project)
        defer { reopened.stop() }
        for coder in ["ana", "ben"] {
            let log = Set(try reopened.array("/api/decisions?coder=\(coder)").map { "\($0["suggestion"] as! Int):\($0["action"] as! String)" })
            for d in decided where d.coder == coder {
                #expect(log.contains("\(d.suggestion):\(d.accept ? "accept" : "reject")"), "\(coder)'s acknowledged decision on \(d.suggestion) is lost")
            }
        }
        reopened.stop()

        // The export (from the command line, reading the project) has each accepted coding under
        // its coder and none of the rejected ones.
        let qdpx = folder.appendingPathComponent("after-kill.qdpx").path
        let export = try Binary.run(["export", project, "--qdpx", qdpx])
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try Binary.run(["import", qdpx, "--format", "jsonl"])
        #expect(imported.status == 0, "\(imported.stderr)")
        var exported: Set<String> = []
        for line in imported.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            for a in object?["annotations"] as? [[String: Any]] ?? [] {
                exported.insert("\(a["coder"] as! String) \(a["code"] as! String) \(a["start"] as! Int) \(a["end"] as! Int)")
            }
        }
        for d in decided {
            let key = "\(d.coder) \(d.code) \(d.start) \(d.end)"
            if d.accept { #expect(exported.contains(key), "accepted \(key) is missing from the export") }
        }
        // A rejection leaves no coding of that coder there, unless another suggestion with the same code and span was accepted.
        let acceptedKeys = Set(decided.filter(\.accept).map { "\($0.coder) \($0.code) \($0.start) \($0.end)" })
        for d in decided where !d.accept && !acceptedKeys.contains("\(d.coder) \(d.code) \(d.start) \(d.end)") {
            #expect(!exported.contains("\(d.coder) \(d.code) \(d.start) \(d.end)"), "rejected suggestion \(d.suggestion) exported for \(d.coder)")
        }
    }

    @Test("serve --add applies the case sheet beside the transcripts, as reading the folder does")
    func addAppliesCaseSheet() throws {
        let folder = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcripts = folder.appendingPathComponent("visits")
        try FileManager.default.createDirectory(at: transcripts, withIntermediateDirectories: true)
        try Data("""
            SW: How have things been since last week?

            Mum: Better. The kids are sleeping.

            """.utf8).write(to: transcripts.appendingPathComponent("visit-3.txt"))
        try Data("""
            file,encounter,case,date,setting,kind,participants
            visit-3.txt,F9-E03,F9,2024-06-02,car,car interview,SW = worker (Dee); Mum = client

            """.utf8).write(to: transcripts.appendingPathComponent("attributes.csv"))
        let project = folder.appendingPathComponent("p.rapport").path
        let server = try ServedProject(project: project, arguments: ["--add", transcripts.path])
        defer { server.stop() }
        let encounters = try server.array("/api/encounters?coder=ana")
        #expect(encounters.count == 1)
        let e = try #require(encounters.first)
        #expect(e["name"] as? String == "F9-E03")
        #expect(e["caseID"] as? String == "F9")
        #expect(e["date"] as? String == "2024-06-02")
        #expect(e["setting"] as? String == "car")
        #expect(e["kind"] as? String == "car interview")
        let view = try server.object("GET", "/api/sources/\(e["source"] as! Int)/encounters/0?coder=ana")
        let roles = (view["segments"] as? [[String: Any]] ?? []).compactMap { $0["role"] as? String }
        #expect(roles == ["worker", "client"], "\(roles)")
    }

    @Test("Ctrl-C during serve --add stops between sources: exit 130, and the project opens with whole sources")
    func ctrlCDuringAdd() throws {
        let folder = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("p.rapport").path
        // Many copies of the corpus, so adding is still going when the signal comes.
        let corpus = folder.appendingPathComponent("corpus")
        for n in 0..<40 {
            try FileManager.default.copyItem(at: Binary.repository.appendingPathComponent("Corpus/case-a-marsh"),
                                             to: corpus.appendingPathComponent("copy-\(n)"))
        }
        let process = Process()
        process.executableURL = Binary.executable
        process.arguments = ["serve", project, "--add", corpus.path, "--port", "0"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        process.interrupt()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(message)")
        #expect(message.contains("rapport: error: interrupted: "), "\(message)")
        #expect(!message.contains("Rapport review of"), "it must not start serving")

        // The project opens; every source in it is whole (all its encounters, each coded or not).
        let export = try Binary.run(["export", project, "--csv", folder.appendingPathComponent("out.csv").path])
        #expect(export.status == 0, "\(export.stderr)")
        let server = try ServedProject(project: project)
        defer { server.stop() }
        let encounters = try server.array("/api/encounters?coder=ana")
        if message.contains("inputs added") {
            #expect(encounters.count < 7 * 40, "all \(encounters.count) encounters were added, yet it says it stopped adding")
        }
        // Each copy of the corpus folder holds 5 files with 7 encounters; a source is never half there.
        var perSource: [Int: Int] = [:]
        for e in encounters { perSource[e["source"] as! Int, default: 0] += 1 }
        #expect(perSource.values.allSatisfy { $0 == 1 || $0 == 3 }, "\(perSource)")
    }
}
