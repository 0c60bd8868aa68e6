import Testing
@testable import Transcripts

/// One interview saved as .txt, .docx (paragraphs with bold labels, and a table), .odt, .vtt and
/// .srt gives the same speakers, turns and words.
@Suite("The same interview in every format")
struct SameInterviewTests {
    /// (time, speaker, lines of the turn as typed).
    static let turns: [(time: String, speaker: String, lines: [String])] = [
        ("00:00:04", "SW", ["Morning, Roberta. Can we come in?"]),
        ("00:00:09", "Mum", ["Go on then. [laughs] Shoes off,", "the carpet's new."]),
        ("00:00:15", "SW", ["How have things been since the last visit?"]),
        ("00:00:21", "Mum", ["Fine. The school rang twice though,", "about Jordan (pause) and his temper."]),
        ("00:00:30", "SW", ["That's hard. What did they say?"]),
        ("00:00:36", "Mum", ["Zoë's teacher said he's “doing better” — I'm not sure."]),
    ]

    static var txt: String {
        "Encounter: N3-E01\nCase: N3\nParticipants: SW = social worker (Olivia); Mum = mother (Roberta)\n\n"
            + turns.map { "[\($0.time)] \($0.speaker): " + $0.lines.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    static var docxParagraphs: String {
        let header = FormatFixtures.wordParagraphs([
            "Encounter: N3-E01", "Case: N3", "Participants: SW = social worker (Olivia); Mum = mother (Roberta)",
        ])
        let body = turns.map { turn in
            let lines = turn.lines.map { "<w:t xml:space=\"preserve\">\(FormatFixtures.escaped($0))</w:t>" }
                .joined(separator: "<w:br/>")
            return "<w:p><w:r><w:t xml:space=\"preserve\">[\(turn.time)] </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>\(turn.speaker):</w:t></w:r>"
                + "<w:r><w:t xml:space=\"preserve\"> </w:t>\(lines)</w:r></w:p>"
        }.joined()
        return header + body
    }

    static var docxTable: String {
        func cell(_ paragraphs: [String]) -> String {
            "<w:tc>" + paragraphs.map { "<w:p><w:r><w:t>\(FormatFixtures.escaped($0))</w:t></w:r></w:p>" }.joined() + "</w:tc>"
        }
        return FormatFixtures.wordParagraphs(["Encounter: N3-E01", "Case: N3"]) + "<w:tbl>"
            + "<w:tr>\(cell(["Time"]))\(cell(["Speaker"]))\(cell(["Text"]))</w:tr>"
            + turns.map { "<w:tr>\(cell([$0.time]))\(cell([$0.speaker]))\(cell($0.lines))</w:tr>" }.joined()
            + "</w:tbl>"
    }

    static var odtBody: String {
        "<text:p>Encounter: N3-E01</text:p><text:p>Case: N3</text:p>" + turns.map { turn in
            "<text:p>[\(turn.time)] <text:span text:style-name=\"T1\">\(turn.speaker):</text:span> "
                + turn.lines.map(FormatFixtures.escaped).joined(separator: "<text:line-break/>") + "</text:p>"
        }.joined()
    }

    /// Each turn split into one cue per line, as automatic captions split long turns.
    static var vtt: String {
        var out = "WEBVTT\n\nNOTE the same interview, captioned\n\n"
        for (k, turn) in turns.enumerated() {
            for (n, line) in turn.lines.enumerated() {
                let start = turn.time + (n == 0 ? ".000" : ".500")
                out += "\(k + 1)-\(n)\n\(start) --> \(turn.time).900 line:90%\n<v \(turn.speaker)>\(line)</v>\n\n"
            }
        }
        return out
    }

    /// SubRip with Zoom-style `Name:` prefixes, one cue per turn, lines wrapped as typed.
    static var srt: String {
        turns.enumerated().map { k, turn in
            "\(k + 1)\n\(turn.time),000 --> \(turn.time),900\n\(turn.speaker): " + turn.lines.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    /// What must agree: speaker, role, timestamp, the words (whitespace-insensitive), word count, notes.
    struct Turn: Equatable {
        var speaker: String?
        var role: Role?
        var timestamp: String?
        var words: [Substring]
        var count: Int
        var notes: [String]
    }

    static func summary(_ transcript: Transcript) -> [Turn] {
        transcript.encounters.flatMap(\.segments).map {
            Turn(speaker: $0.speaker, role: $0.role, timestamp: $0.timestamp,
                 words: $0.text.split(whereSeparator: { $0 == " " || $0 == "\n" }), count: $0.words,
                 notes: $0.notes.map(\.text))
        }
    }

    @Test func sameSpeakersTurnsAndWords() throws {
        let txt = try TranscriptLoader.parse(bytes: Array(Self.txt.utf8), path: "N3/visit.txt")
        let docx = try TranscriptLoader.parse(bytes: FormatFixtures.docx(body: Self.docxParagraphs), path: "N3/visit.docx")
        let table = try TranscriptLoader.parse(bytes: FormatFixtures.docx(body: Self.docxTable), path: "N3/visit-table.docx")
        let styles = #"<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>"#
        let odt = try TranscriptLoader.parse(bytes: FormatFixtures.odt(body: Self.odtBody, styles: styles), path: "N3/visit.odt")
        let vtt = try TranscriptLoader.parse(bytes: Array(Self.vtt.utf8), path: "N3/visit.vtt")
        let srt = try TranscriptLoader.parse(bytes: Array(Self.srt.utf8), path: "N3/visit.srt")

        let expected = Self.summary(txt)
        #expect(expected.count == Self.turns.count)
        #expect(expected.map(\.speaker) == Self.turns.map(\.speaker))
        #expect(expected.map(\.count) == [6, 8, 8, 11, 6, 9])
        for (name, transcript) in [("docx", docx), ("docx table", table), ("odt", odt), ("vtt", vtt), ("srt", srt)] {
            #expect(Self.summary(transcript) == expected, "\(name)")
            #expect(FormatFixtures.rangesAreExact(transcript), "\(name)")
            #expect(transcript.encounters.count == 1, "\(name)")
        }
        // The word processors keep the header, and with it the encounter's id and case.
        for transcript in [txt, docx, table, odt] {
            #expect(transcript.encounters[0].id == "N3-E01")
            #expect(transcript.encounters[0].caseID == "N3")
        }
        // Ranges are exact in each extracted text, and the texts agree line for line where the
        // layout is the same.
        #expect(docx.text == txt.text, "\(Array(docx.text.unicodeScalars).map(\.value)) \(Array(txt.text.unicodeScalars).map(\.value))")
        #expect(odt.text.hasSuffix(txt.text.split(separator: "\n\n", maxSplits: 1)[1]))
    }
}
