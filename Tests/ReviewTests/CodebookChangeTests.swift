import Coding
import Foundation
import Project
import Testing
import Transcripts
@testable import Review

/// `serve --codebook NEW` re-codes every source with the new version: what still stands keeps
/// its decisions, new suggestions appear, and vanished ones stay only when someone decided on them.
@Suite("Re-coding after a codebook change")
struct CodebookChangeTests {
    static func book(_ cues: [String: [String]]) throws -> (Codebook, String) {
        var yaml = "name: Test book\ncodes:\n"
        for id in ["hostility", "empathy"] {
            yaml += "  - id: \(id)\n    name: \(id.capitalized)\n    definition: d\n    cues: [\(cues[id, default: []].map { "\"\($0)\"" }.joined(separator: ", "))]\n"
        }
        return (try Codebook.load(yaml: yaml, source: "book.yaml"), yaml)
    }

    @Test("a real re-coding keeps the decided suggestion the new codebook drops, and says so in numbers")
    func recodeWithANewVersion() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recode-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("visit.txt")
        try Data(LiveServer.transcript.utf8).write(to: file)
        let store = try ProjectStore.open(path: folder.appendingPathComponent("study.rapport").path)
        let (old, oldYAML) = try Self.book(["hostility": ["get out", "nothing to say"], "empathy": ["sounds like"]])
        let v1 = try store.addCodebook(name: old.name, yaml: oldYAML)
        #expect(ProjectImport.add(paths: [file.path], to: store, codebook: old).added == 1)
        #expect(try ProjectImport.codeNewSources(in: store, codebook: old, codebookID: v1) == 1)
        let before = try store.codings(coders: ["rapport"])
        let text = Array(try #require(try store.transcript(1)).text.unicodeScalars)
        func words(_ c: StoredCoding) -> String { String(String.UnicodeScalarView(text[c.annotation.start..<c.annotation.end])) }
        #expect(before.count == 3, "\(before.map(words))")
        let youLot = try #require(before.first { words($0).contains("nothing to say") })
        _ = try store.decide(.accept, on: youLot.id, by: "ana")

        // Version 2 drops "nothing to say" (ana accepted its suggestion) and adds "come in" to empathy.
        let (new, newYAML) = try Self.book(["hostility": ["get out"], "empathy": ["sounds like", "come in"]])
        let v2 = try store.addCodebook(name: new.name, yaml: newYAML)
        let summary = try ProjectImport.recode(in: store, codebook: new, codebookID: v2)
        #expect(summary.sources == 1 && summary.kept == 2 && summary.added == 1 && summary.dropped == 0 && summary.keptDecided == 1)
        #expect(summary.message(codebookVersion: v2) == "codebook version \(v2): re-coded 1 source: 2 suggestions still stand, 1 new, "
            + "0 dropped (nobody had decided on them), 1 kept from an older version because someone decided on them")
        let after = try store.codings(coders: ["rapport"])
        #expect(after.count == 4)
        #expect(after.first { $0.id == youLot.id }?.codebookID == v1, "kept with the version it came from")
        #expect(after.filter { $0.id != youLot.id }.allSatisfy { $0.codebookID == v2 })
        #expect(after.contains { words($0).contains("Come in") && $0.annotation.code == "empathy" })
        #expect(try store.codings(coders: ["ana"]).map(\.suggestionID) == [youLot.id])

        // Back to version 1's cues: the undecided "come in" suggestion goes; the decided one stands again.
        let v3 = try store.addCodebook(name: old.name, yaml: oldYAML + "# again\n")
        let back = try ProjectImport.recode(in: store, codebook: old, codebookID: v3)
        #expect(back.kept == 3 && back.added == 0 && back.dropped == 1 && back.keptDecided == 0)
        let last = try store.codings(coders: ["rapport"])
        #expect(last.count == 3 && last.allSatisfy { $0.codebookID == v3 } && last.contains { $0.id == youLot.id })
    }
}
