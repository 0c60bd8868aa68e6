import Foundation
import Testing
@testable import Transcripts

/// The plain-text reader takes ASCII text on its bytes and other text through `String`; both
/// must read the same things. Each case states what a researcher expects, in ASCII and not.
@Suite("Reading on bytes")
struct ByteReadingTests {
    @Test("A participants header: labels, roles and names, ASCII or accented")
    func participants() {
        let ascii = ParticipantList.parse(" SW = worker (Ruth);; Mum = mother ( Aisha ) ; Kayden = child; Int ; Bob = plumber ;")
        #expect(ascii.map(\.participant.label) == ["SW", "Mum", "Kayden", "Int", "Bob"])
        #expect(ascii.map(\.participant.role) == [.worker, .client, .child, .researcher, .unknown])
        #expect(ascii.map(\.participant.name) == ["Ruth", "Aisha", nil, nil, nil])
        #expect(ascii.map(\.unknownRole) == [nil, nil, nil, nil, "plumber"])
        let accented = ParticipantList.parse("Zoë = mother (Zoë Brown); SW = social worker ()")
        #expect(accented.map(\.participant.label) == ["Zoë", "SW"])
        #expect(accented.map(\.participant.role) == [.client, .worker])
        #expect(accented.map(\.participant.name) == ["Zoë Brown", nil])
        #expect(ParticipantList.parse(" ; ;").isEmpty)
    }

    @Test("Speaker names: plain, with a role after a dash or comma, with a time; ASCII or not")
    func speakerNames() throws {
        #expect(SpeakerName.parse("  Amira Hussain ")?.label == "Amira Hussain")
        #expect(SpeakerName.parse("Amira Hussain")?.isPlain == true)
        let dashed = try #require(SpeakerName.parse("Jo Bennett - Health Visitor"))
        #expect(dashed.label == "Jo Bennett" && dashed.role == .professional && dashed.roleText == "Health Visitor")
        let comma = try #require(SpeakerName.parse("Jo Bennett, Teacher"))
        #expect(comma.label == "Jo Bennett" && comma.role == .professional)
        let enDash = try #require(SpeakerName.parse("Zoë – Mother"))
        #expect(enDash.label == "Zoë" && enDash.role == .client)
        #expect(SpeakerName.parse("Speaker 1 (00:00:02)")?.timestamp == "00:00:02")
        #expect(SpeakerName.parse("[Amira Hussain]")?.label == "Amira Hussain")
        #expect(SpeakerName.parse("what she said was this!") == nil)
        #expect(SpeakerName.parse(" - ") == nil)
    }

    @Test("ISO dates come back as written; other dates are read")
    func dates() {
        #expect(DateText.iso("2024-03-12") == "2024-03-12")
        #expect(DateText.iso("2024-02-31") == "2024-02-31")
        #expect(DateText.iso("2024-13-01") == nil)
        #expect(DateText.iso("1900-01-01") == nil)
        #expect(DateText.iso("12/03/2024") == "2024-03-12")
        #expect(DateText.iso("12 March 2024") == "2024-03-12")
    }

    @Test("Words skip timestamps and notes; note ranges are code points before and after accents")
    func wordsAndNotes() throws {
        let text = "Encounter: E1\n\nSW: at 10:30 we met 00:12:03 and [laughs] (2) then naïve café — ok\n"
        let segment = try #require(PlainTextParser().parse(text: text, path: "t.txt").encounters.first?.segments.first)
        #expect(segment.words == 8)
        for prefix in ["", "é "] {
            let turn = "SW: \(prefix)ok [laughs] yes (pause) no\n"
            let parsed = try #require(PlainTextParser().parse(text: turn, path: "t.txt").encounters.first?.segments.first)
            let scalars = Array(turn.unicodeScalars)
            #expect(parsed.notes.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == ["[laughs]", "(pause)"])
            #expect(parsed.words == (prefix.isEmpty ? 3 : 4))
        }
    }

    @Test("Speaker labels match participants whatever their case, accented or not")
    func participantLookup() {
        let encounter = Encounter(id: "E", participants: [Participant(label: "SW", role: .worker, name: "Ruth"),
                                                          Participant(label: "Zoë", role: .client)])
        #expect(encounter.participant(forLabel: "sw")?.role == .worker)
        #expect(encounter.participant(forLabel: "RUTH")?.label == "SW")
        #expect(encounter.participant(forLabel: "ZOË")?.role == .client)
        #expect(encounter.participant(forLabel: "S") == nil)
    }

    @Test("Files are read whole; a folder is reported as FileHandle words it")
    func reading() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.txt")
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 % 251 + 1) }
        try Data(bytes).write(to: big)
        #expect(try TranscriptLoader.readBytes(big.path) == bytes)
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        #expect(try TranscriptLoader.readBytes(empty.path) == [])
        #expect(throws: Diagnostic.self) { try TranscriptLoader.readBytes(folder.path) }
        #expect(throws: Diagnostic.self) { try TranscriptLoader.readBytes(folder.appendingPathComponent("none.txt").path) }
    }
}
