import Coding
import Foundation
import Testing
import Transcripts
@testable import Project

/// Re-running the automatic coder (a new codebook version, a new model) never orphans or changes
/// a decision: suggestions that still stand keep their id, vanished ones nobody decided on go,
/// vanished ones with a decision stay with the codebook version they came from.
@Suite("Re-coding a project")
struct RecodeTests {
    /// One machine run over the fixture, with the annotations given as (code, segment position, offset into it, length).
    static func run(_ transcript: Transcript, _ codes: [(String, Int, Int, Int?)]) -> CodedTranscript {
        let segments = transcript.encounters[0].segments
        var annotations = [segments.map { _ in [Annotation]() }]
        for (code, position, offset, length) in codes {
            let s = segments[position]
            let start = s.start + offset
            annotations[0][position].append(Annotation(
                code: code, segment: s.index, start: start, end: length.map { start + $0 } ?? s.end, coder: "rapport",
                context: .encounter, evidence: Evidence(matched: code, cue: code, rule: "cue", negation: "", actor: "")))
        }
        return CodedTranscript(transcript: transcript, annotations: annotations)
    }

    @Test("a new codebook version: standing suggestions keep their decisions, vanished decided ones stay marked older")
    func newCodebookVersion() throws {
        let (folder, path) = try ProjectStoreTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ProjectStore.open(path: path)
        let transcript = ProjectStoreTests.transcript()
        let source = try store.add(transcript).id
        #expect(transcript.encounters[0].segments.count == 3)
        let v1 = try store.addCodebook(name: "book", yaml: "name: book # 1")
        let first = try store.reconcileSuggestions(Self.run(transcript, [
            ("hostility", 1, 0, nil), ("empathy", 0, 0, nil), ("power", 2, 0, nil), ("acceptance", 0, 0, 10),
        ]), codebookID: v1)
        #expect(first.added == 4 && first.kept == 0 && first.dropped == 0)
        let old = Dictionary(uniqueKeysWithValues: try store.codings(source: source, coders: ["rapport"]).map { ($0.annotation.code, $0) })
        let hostility = try #require(old["hostility"]), power = try #require(old["power"])
        let accepted = try store.decide(.accept, on: hostility.id, by: "ana")
        _ = try store.decide(.reject, on: power.id, by: "ben")

        let v2 = try store.addCodebook(name: "book", yaml: "name: book # 2")
        #expect(v2 != v1)
        // hostility stands; empathy moves by one code point (a new suggestion; the old one had no
        // decision); power and acceptance vanish (power was rejected by ben, so it stays); a new sub-code appears.
        let second = Self.run(transcript, [("hostility", 1, 0, nil), ("empathy", 0, 1, nil), ("power.statutory", 2, 0, nil)])
        let summary = try store.reconcileSuggestions(second, codebookID: v2)
        #expect(summary.kept == 1)
        #expect(summary.added == 2)
        #expect(summary.dropped == 2)
        #expect(summary.keptDecided == 1)

        let now = try store.codings(source: source, coders: ["rapport"])
        #expect(Set(now.map(\.annotation.code)) == ["hostility", "empathy", "power", "power.statutory"])
        let keptHostility = try #require(now.first { $0.annotation.code == "hostility" })
        #expect(keptHostility.id == hostility.id && keptHostility.codebookID == v2)
        let keptPower = try #require(now.first { $0.annotation.code == "power" })
        #expect(keptPower.id == power.id && keptPower.codebookID == v1, "a decided suggestion that vanished keeps its older version")
        #expect(try #require(now.first { $0.annotation.code == "empathy" }).annotation.start == transcript.encounters[0].segments[0].start + 1)
        #expect(!now.contains { $0.annotation.code == "acceptance" })
        // Every decision and the coder's coding from it are untouched.
        let log = try store.decisions()
        #expect(log.count == 2 && Set(log.map(\.suggestionID)) == [hostility.id, power.id])
        let anas = try store.codings(source: source, coders: ["ana"])
        #expect(anas.count == 1 && anas.first?.id == accepted.resultID && anas.first?.suggestionID == hostility.id)

        // The same run again changes nothing.
        let again = try store.reconcileSuggestions(second, codebookID: v2)
        #expect(again.kept == 3 && again.added == 0 && again.dropped == 0 && again.keptDecided == 1)
        #expect(try store.codings(source: source, coders: ["rapport"]).map(\.id).sorted() == now.map(\.id).sorted())
    }

    @Test("a refresh of unreviewed encounters leaves an encounter someone worked on as it was")
    func unreviewedOnly() throws {
        let (folder, path) = try ProjectStoreTests.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ProjectStore.open(path: path)
        let transcript = ProjectStoreTests.transcript()
        let source = try store.add(transcript).id
        _ = try store.reconcileSuggestions(Self.run(transcript, [("hostility", 1, 0, nil)]), codebookID: nil)
        let fresh = try store.reconcileSuggestions(Self.run(transcript, [("empathy", 0, 0, nil)]), codebookID: nil, unreviewedOnly: true)
        #expect(fresh.skippedEncounters == 0 && fresh.added == 1 && fresh.dropped == 1, "nobody had worked on it yet")
        #expect(try store.reviewedEncounters().isEmpty)

        try store.setDone(true, source: source, encounter: 0, coder: "ana")
        #expect(try store.reviewedEncounters() == [ReviewedEncounter(sourceID: source, encounter: 0)])
        let before = try store.codings(source: source, coders: ["rapport"])
        let skipped = try store.reconcileSuggestions(Self.run(transcript, [("power", 2, 0, nil)]), codebookID: nil, unreviewedOnly: true)
        #expect(skipped.skippedEncounters == 1 && skipped.added == 0 && skipped.dropped == 0 && skipped.kept == 0)
        #expect(try store.codings(source: source, coders: ["rapport"]) == before)
    }
}
