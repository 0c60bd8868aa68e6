import Foundation
import Testing
@testable import Transcripts

/// Transcripts as transcription services and video-call tools export them (fixtures written for
/// these tests in the styles of Rev, Otter, Teams, Zoom, Descript and Google Meet exports), read
/// into the right turns, speakers and roles, with a warning for every reading that drops or
/// merges anything.
@Suite("Transcription-service and video-call exports")
struct ServiceExportTests {
    static func parse(_ text: String, path: String = "call.txt") -> Transcript {
        PlainTextParser().parse(text: text, path: path)
    }

    static func turns(_ t: Transcript) -> [(speaker: String?, text: String, time: String?)] {
        t.encounters.flatMap { $0.segments.map { ($0.speaker, $0.text, $0.timestamp) } }
    }

    /// Rev / Descript: `Speaker 1 (00:00:02):` on its own line, the words below.
    @Test func speakerAndTimeOnTheirOwnLine() {
        let t = Self.parse("""
            Speaker 1 (00:00:02):
            Morning. Thanks for having me in.

            Speaker 2 (00:00:05):
            That's fine, come through.
            The kettle's on.

            Speaker 1 (00:00:11):
            How has the week been?
            """)
        let found = Self.turns(t)
        #expect(found.map(\.speaker) == ["Speaker 1", "Speaker 2", "Speaker 1"])
        #expect(found.map(\.text) == ["Morning. Thanks for having me in.", "That's fine, come through.\nThe kettle's on.",
                                      "How has the week been?"])
        #expect(found.map(\.time) == ["00:00:02", "00:00:05", "00:00:11"])
        #expect(t.encounters[0].segments.allSatisfy { $0.kind == .utterance })
        #expect(t.encounters[0].segments[0].words == 6)
    }

    /// Otter (`Speaker 1  0:02`), Teams (`Amira Hussain   0:03`) and Zoom (`[Amira Hussain] 10:02:15`):
    /// a name and a time alone on a line, with or without a blank line before the words.
    @Test(arguments: [("Speaker 1  0:02", "Speaker 2  0:07", "Speaker 1", "Speaker 2"),
                      ("Amira Hussain   0:03", "Jo Bennett   0:09", "Amira Hussain", "Jo Bennett"),
                      ("[Amira Hussain] 10:02:15", "[Jo Bennett] 10:02:19", "Amira Hussain", "Jo Bennett")])
    func nameAndTimeLines(first: String, second: String, a: String, b: String) {
        let t = Self.parse("""
            \(first)
            So what brings you here today?

            \(second)

            Honestly, the school rang me again.

            \(first)
            Right. Tell me what they said.
            """)
        let found = Self.turns(t)
        #expect(found.map(\.speaker) == [a, b, a])
        #expect(found.map(\.text) == ["So what brings you here today?", "Honestly, the school rang me again.",
                                      "Right. Tell me what they said."])
        #expect(found.allSatisfy { $0.time != nil })
    }

    /// Zoom and Teams display names: pronouns and roles are not part of the speaker; a role a
    /// name carries becomes the speaker's role; devices and lower-case names are speakers too.
    @Test func meetingDisplayNames() {
        let t = Self.parse("""
            Amira Hussain (she/her): Hi, can everyone hear me?

            Jo Bennett - Health Visitor: Yes, loud and clear.

            iPhone: Sorry, I'm on my phone in the car.

            amira hussain (she/her): No problem. Shall we start?

            sam: yeah go on

            sam: I'm ready
            """)
        let found = Self.turns(t)
        #expect(found.map(\.speaker) == ["Amira Hussain", "Jo Bennett", "iPhone", "amira hussain", "sam", "sam"])
        #expect(found[0].text == "Hi, can everyone hear me?")
        let encounter = t.encounters[0]
        #expect(encounter.participant(forLabel: "Jo Bennett")?.role == .professional)
        #expect(encounter.participant(forLabel: "amira hussain") == encounter.participant(forLabel: "Amira Hussain"))
        let messages = t.warnings.map(\.message)
        #expect(messages.contains { $0.contains("'Amira Hussain (she/her)' read as 'Amira Hussain'") })
        #expect(messages.contains { $0.contains("'Jo Bennett - Health Visitor' read as 'Jo Bennett' (role professional)") })
    }

    /// A title line above the header, with or without a blank line between: metadata, with a
    /// warning, not an encounter of its own and not a reason to ignore the header.
    @Test(arguments: ["\n", "\n\n"])
    func titleAboveTheHeader(gap: String) {
        let t = Self.parse("Home visit to the Carter family" + gap + """
            Encounter: C4-E02
            Case: C4
            Date: 2024-03-05
            Participants: SW = worker (Olivia); Mum = client (Roberta)

            SW: Morning, Roberta.

            Mum: Morning.
            """)
        #expect(t.encounters.count == 1)
        let encounter = t.encounters[0]
        #expect(encounter.id == "C4-E02" && encounter.caseID == "C4" && encounter.date == "2024-03-05")
        #expect(encounter.segments.map(\.speaker) == ["SW", "Mum"])
        #expect(encounter.metadata["title"] == "Home visit to the Carter family")
        #expect(t.warnings.contains { $0.line == 1 && $0.message.contains("read as the title above the header") })
    }

    /// `Kayden (7)` is an age; `(2)` after a word that is not a name is still a pause.
    @Test func ageIsNotAPause() {
        let t = Self.parse("Mum: Kayden (7) and Mia (4) are at school. I don't know (2) what to do. Yes (3) fine.\n")
        let segment = t.encounters[0].segments[0]
        #expect(segment.notes.map(\.text) == ["2", "3"])
        #expect(segment.notes.allSatisfy { $0.kind == .pause })
    }

    /// A Word table Time | Speaker | Text: a row with neither time nor speaker continues the turn.
    @Test func wordTableWithTimeColumnContinuesTurns() throws {
        func cell(_ text: String) -> String {
            "<w:tc><w:p><w:r><w:t xml:space=\"preserve\">\(FormatFixtures.escaped(text))</w:t></w:r></w:p></w:tc>"
        }
        let rows = [("Time", "Speaker", "Text"), ("00:00:02", "Interviewer", "How did the visit go?"),
                    ("00:00:06", "Mum", "It went fine, Kayden (7) was good."), ("", "", "Better than last time, anyway."),
                    ("00:00:15", "Interviewer", "Good.")]
        let body = "<w:tbl>" + rows.map { "<w:tr>\(cell($0.0))\(cell($0.1))\(cell($0.2))</w:tr>" }.joined() + "</w:tbl>"
        let t = try WordDocumentParser().parse(bytes: FormatFixtures.docx(body: body), path: "visit.docx")
        let segments = t.encounters.flatMap(\.segments)
        #expect(segments.map(\.speaker) == ["Interviewer", "Mum", "Interviewer"])
        #expect(segments.map(\.timestamp) == ["00:00:02", "00:00:06", "00:00:15"])
        #expect(segments[1].text == "It went fine, Kayden (7) was good.\nBetter than last time, anyway.")
        #expect(segments[1].notes.isEmpty)
    }

    /// WebVTT from a meeting tool with decorated names in the cue text.
    @Test func subtitlesWithDecoratedNames() throws {
        let vtt = """
            WEBVTT

            1
            00:00:02.000 --> 00:00:04.000
            Amira Hussain (she/her): Hello, can you hear me?

            2
            00:00:05.000 --> 00:00:07.000
            Jo Bennett - Health Visitor: Yes, I can.

            3
            00:00:08.000 --> 00:00:09.000
            Amira Hussain (she/her): Good.
            """
        let t = try SubtitleParser().parse(bytes: Array(vtt.utf8), path: "call.vtt")
        let speakers = t.encounters.flatMap(\.segments).map(\.speaker)
        #expect(speakers == ["Amira Hussain", "Jo Bennett", "Amira Hussain"])
        #expect(t.encounters[0].participant(forLabel: "Jo Bennett")?.role == .professional)
    }
}
