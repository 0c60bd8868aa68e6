import Coding
import Foundation
import GRDB
import Testing
import Transcripts
@testable import Project

/// The project file on real transcripts: what goes in comes out, decisions are logged and
/// applied in one transaction, and files that are not projects are refused with a clear message.
@Suite("Project store")
struct ProjectStoreTests {
    static let text = """
        Encounter: T-E01
        Case: T
        Date: 2024-01-16
        Setting: family home
        Participants: SW = worker (Hannah); Mum = client (Kerry)

        SW: It sounds like you're exhausted, and I can see why you'd be angry with us.

        Mum: Get out of my house. I'm not talking to you lot.

        SW: We will have to go to court if you don't let me see the children.
        """

    static func transcript(path: String = "visit.txt") -> Transcript { PlainTextParser().parse(text: text, path: path) }

    static func scratch() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("project-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, folder.appendingPathComponent("study.rapport").path)
    }

    /// A store with the transcript and the machine's suggestions in it.
    static func coded(_ path: String) throws -> (store: ProjectStore, source: Int64, suggestions: [StoredCoding]) {
        let store = try ProjectStore.open(path: path)
        let transcript = transcript()
        let source = try store.add(transcript).id
        let coded = Coder(codebook: .relationship()).code(transcript)
        try store.replaceCodings(of: coded, coder: ProjectCoder(name: "rapport", kind: .machine), origin: .machine)
        return (store, source, try store.codings(source: source, coders: ["rapport"]))
    }

    @Test("a transcript comes back as it went in, after the file is closed and opened again")
    func roundTrip() throws {
        let (folder, path) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = Self.transcript()
        do {
            let store = try ProjectStore.open(path: path)
            let first = try store.add(original)
            #expect(first.added)
            let again = try store.add(original)
            #expect(again.id == first.id && !again.added)
        }
        let store = try ProjectStore.open(path: path, create: false)
        #expect(try store.schemaVersions() == ["v1"])
        let id = try #require(try store.sourceID(path: "visit.txt"))
        var expected = original
        expected.warnings = []
        #expect(try store.transcript(id) == expected)
        let encounters = try store.encounters()
        #expect(encounters.map(\.name) == ["T-E01"])
        #expect(encounters.first?.segments == 3)
        #expect(encounters.first?.caseID == "T")

        var changed = original
        changed.text += "\nMore."
        #expect(throws: ProjectError.self) { try store.add(changed) }
    }

    @Test("accept, reject and change make the coder's codings and every decision stays in the log")
    func decisions() throws {
        let (folder, path) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, source, suggestions) = try Self.coded(path)
        #expect(suggestions.count >= 3, "the coder found \(suggestions.map(\.annotation.code))")
        let a = suggestions[0], b = suggestions[1], c = suggestions[2]
        #expect(a.annotation.evidence != nil, "machine evidence is kept")

        _ = try store.decide(.accept, on: a.id, by: "ana")
        _ = try store.decide(.reject, on: b.id, by: "ana")
        _ = try store.decide(.change(code: "power.statutory", start: c.annotation.start, end: c.annotation.end - 1), on: c.id, by: "ana")
        // A second tab reverses the first decision: the log keeps both, the latest is in force.
        _ = try store.decide(.reject, on: a.id, by: "ana")

        let ana = try store.codings(source: source, coders: ["ana"])
        #expect(ana.count == 1)
        #expect(ana.first?.annotation.code == "power.statutory")
        #expect(ana.first?.annotation.end == c.annotation.end - 1)
        #expect(ana.first?.origin == .changed)
        #expect(ana.first?.suggestionID == c.id)

        let log = try store.decisions(coder: "ana")
        #expect(log.map(\.action) == [.accept, .reject, .change, .reject])
        let current = try store.currentDecisions(coder: "ana")
        #expect(current[a.id]?.action == .reject)
        #expect(current[c.id]?.action == .change)

        // The machine's suggestions themselves are untouched.
        #expect(try store.codings(source: source, coders: ["rapport"]) == suggestions)
        #expect(throws: ProjectError.self) { try store.decide(.accept, on: 999_999, by: "ana") }

        let progress = try #require(try store.progress(coder: "ana").first)
        #expect(progress.suggestions == suggestions.count)
        #expect(progress.decided == 3)
        #expect(progress.codings == 1)
        #expect(!progress.done)
        try store.setDone(true, source: source, encounter: 0, coder: "ana")
        #expect(try store.isDone(source: source, encounter: 0, coder: "ana"))
    }

    @Test("hand codings, memos and models are kept per coder")
    func handCodingMemosModels() throws {
        let (folder, path) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, source, _) = try Self.coded(path)
        let hand = try store.addCoding(source: source, encounter: 0, annotation: Annotation(
            code: "hostility.rejection", segment: 1, start: 10, end: 20, coder: "ben", context: .encounter))
        #expect(try store.codings(source: source, coders: ["ben"]).map(\.id) == [hand.id])
        #expect(try store.removeCoding(hand.id, by: "ana") == false, "only the coder removes their own coding")
        #expect(try store.removeCoding(hand.id, by: "ben"))
        #expect(try store.codings(source: source, coders: ["ben"]).isEmpty)

        let memo = try store.save(Memo(coder: "ben", target: .passage, sourceID: source, encounter: 0, start: 5, end: 9, text: "tone?"))
        var edited = memo
        edited.text = "tone shifts here"
        _ = try store.save(edited)
        #expect(try store.memos(source: source).map(\.text) == ["tone shifts here"])
        #expect(try store.deleteMemo(memo.id, by: "ben"))

        try store.saveModel(name: "default", metadata: "{}", data: [1, 2, 3])
        try store.saveModel(name: "default", metadata: "{\"n\":2}", data: [4, 5])
        #expect(try store.latestModel(name: "default")?.data == [4, 5])
        #expect(try store.coders().map(\.name) == ["ben", "rapport"])
        #expect(throws: ProjectError.self) { try store.addCoder(ProjectCoder(name: "<script>", kind: .person)) }
    }

    @Test("a text file, another program's database and a damaged project are refused with a message")
    func refusesForeignFiles() throws {
        let (folder, path) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }

        try Data("SW: hello\n".utf8).write(to: URL(fileURLWithPath: path))
        let text = #expect(throws: ProjectError.self) { try ProjectStore.open(path: path) }
        #expect(text?.message.contains("not a Rapport project") == true)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "SW: hello\n", "the file is left as it was")

        let other = folder.appendingPathComponent("other.sqlite").path
        do {
            let queue = try DatabaseQueue(path: other)
            try queue.write { try $0.execute(sql: "CREATE TABLE t (x INTEGER)") }
        }
        let foreign = #expect(throws: ProjectError.self) { try ProjectStore.open(path: other) }
        #expect(foreign?.message == "not a Rapport project (an SQLite database of another program)")

        let damaged = folder.appendingPathComponent("damaged.rapport").path
        _ = try Self.coded(damaged)
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: damaged)))
        for wal in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: damaged + wal) }
        for i in 4096..<min(bytes.count, 12_288) { bytes[i] = 0xA5 }
        try Data(bytes).write(to: URL(fileURLWithPath: damaged))
        let broken = #expect(throws: ProjectError.self) { try ProjectStore.open(path: damaged) }
        #expect(broken?.message.contains("damaged") == true, "\(String(describing: broken))")

        #expect(throws: ProjectError.self) { try ProjectStore.open(path: folder.appendingPathComponent("none").path, create: false) }
    }

    @Test("a project written by a newer schema is refused; the current schema opens")
    func newerSchema() throws {
        let (folder, path) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ProjectStore.open(path: path)
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        }
        let error = #expect(throws: ProjectError.self) { try ProjectStore.open(path: path) }
        #expect(error?.message.contains("newer Rapport") == true)
    }

    @Test("the file is in WAL mode and a committed decision is seen by a second connection at once")
    func walAndDurability() throws {
        let (folder, path) = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (store, _, suggestions) = try Self.coded(path)
        _ = try store.decide(.accept, on: suggestions[0].id, by: "ana")
        let mode = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        let second = try ProjectStore.open(path: path)
        #expect(try second.decisions(coder: "ana").count == 1)
    }
}
