import Testing
@testable import Transcripts

@Suite("Subtitles (.vtt, .srt)")
struct SubtitleTests {
    func vtt(_ text: String, merge: Bool = true) throws -> Transcript {
        try SubtitleParser(mergeConsecutive: merge).parse(bytes: Array(text.utf8), path: "call.vtt")
    }

    func srt(_ text: String) throws -> Transcript {
        try SubtitleParser().parse(bytes: Array(text.utf8), path: "call.srt")
    }

    func error(_ body: () throws -> Transcript) -> String? {
        do {
            _ = try body()
            return nil
        } catch let failure as Diagnostic {
            return failure.description
        } catch {
            return "\(error)"
        }
    }

    static let teams = """
        WEBVTT
        Kind: captions

        STYLE
        ::cue { color: yellow }

        NOTE recorded on Teams
        a second comment line

        REGION
        id:left width:40%

        1
        00:00:01.000 --> 00:00:04.000 align:start position:10%
        <v Olivia Grant>Morning, Roberta. <i>Can</i> we come in?</v>

        2
        00:00:04.500 --> 00:00:06.000
        <v Olivia Grant>It won't take long.

        00:00:06.000 --> 00:00:08.250 line:0
        <v.loud Roberta>Go on <00:00:07.000>then &amp; shoes off.</v>
        """

    @Test func voiceTagsCuesAndMerging() throws {
        let t = try vtt(Self.teams)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["Olivia Grant", "Roberta"])
        #expect(s.map(\.timestamp) == ["00:00:01", "00:00:06"])
        #expect(s.map(\.text) == ["Morning, Roberta. Can we come in? It won't take long.", "Go on then & shoes off."])
        #expect(s.map(\.line) == [14, 21])
        #expect(t.text == """
            [00:00:01] Olivia Grant: Morning, Roberta. Can we come in? It won't take long.

            [00:00:06] Roberta: Go on then & shoes off.

            """)
        #expect(FormatFixtures.rangesAreExact(t))
    }

    @Test func mergingCanBeTurnedOff() throws {
        let t = try vtt(Self.teams, merge: false)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["Olivia Grant", "Olivia Grant", "Roberta"])
        #expect(s.map(\.timestamp) == ["00:00:01", "00:00:04.500", "00:00:06"])
    }

    @Test func zoomStyleLeadingNames() throws {
        let t = try vtt("""
            WEBVTT

            1
            00:00:00.500 --> 00:00:02.000
            SW: Hello, can you hear me?

            2
            00:00:02.000 --> 00:00:03.000
            Mum: Yes.
            SW: Good.
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum", "SW"])
        #expect(s.map(\.role) == [.worker, .client, .worker])
        #expect(s.map(\.timestamp) == ["00:00:00.500", "00:00:02", "00:00:02"])
    }

    @Test func subRipWithNamesTagsAndNoSpeakers() throws {
        let t = try srt("""
            1
            00:00:01,000 --> 00:00:03,000
            Interviewer: <i>Where</i> were you
            that night?

            2
            00:00:03,500 --> 00:00:05,000 X1:100 X2:200 Y1:10 Y2:20
            {\\an8}<font color="#ffffff">Interviewer:</font> Take your time.

            3
            00:00:05,000 --> 00:00:07,000
            At home.

            4
            00:00:07,000 --> 00:00:08,000
            With my mum.
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["Interviewer", "Speaker", "Speaker"])
        #expect(s[0].text == "Where were you that night? Take your time.")
        #expect(s.map(\.text).suffix(2) == ["At home.", "With my mum."])
        #expect(s.map(\.line) == [2, 11, 15])
    }

    @Test func missingBlankLinesAndBlankLinesInsideCues() throws {
        let t = try srt("""
            1
            00:00:01,000 --> 00:00:02,000
            SW: One.
            2
            00:00:02,000 --> 00:00:03,000
            Mum: Two.

            and more.
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum"])
        #expect(s.map(\.text) == ["One.", "Two. and more."])
        #expect(t.warnings.contains { $0.line == 8 && $0.severity == .warning })
    }

    @Test func speakerNamesBecomeLabels() throws {
        let t = try vtt("""
            WEBVTT

            00:01.000 --> 00:02.000
            <v olivia.grant@example.org (Host)>Hello.
            """)
        #expect(t.encounters[0].segments.map(\.speaker) == ["Olivia.grant Example.org Host"])
        #expect(t.warnings.contains { $0.message.contains("written as the label") })
    }

    @Test func malformedTimesAreLocatedErrors() {
        #expect(error { try vtt("WEBVTT\n\n00:61:00.000 --> 00:62:00.000\nHi.\n") }
            == "call.vtt:3:4: error: malformed time '00:61:00.000': minutes must be 00-59, not 61")
        #expect(error { try vtt("WEBVTT\n\n1\n00:00:01.000 00:00:02.000\nHi.\n") }
            == "call.vtt:4:13: error: expected '-->' between the cue's start and end times")
        #expect(error { try vtt("WEBVTT\n\n00:00:01.000 -->\nHi.\n") }
            == "call.vtt:3:17: error: expected an end time after '-->'")
        #expect(error { try srt("1\n00:00:01,000 --> 00:00:0x,000\nHi.\n") }
            == "call.srt:2:24: error: malformed time '00:00:0x,000': seconds must have two digits")
        #expect(error { try srt("1\nHello there\n") }
            == "call.srt:2:1: error: expected a timing line ('00:00:01,000 --> 00:00:04,000') after cue number 1")
        #expect(error { try srt("1\n00:00:01,0000 --> 00:00:02,000\nHi.\n") }
            == "call.srt:2:10: error: malformed time '00:00:01,0000': expected one to three digits of milliseconds")
    }

    @Test func timesAreParsed() throws {
        #expect(try SubtitleTime.milliseconds(Array("01:02.5".utf8)[...]) == 62_500)
        #expect(try SubtitleTime.milliseconds(Array("1:00:00,001".utf8)[...]) == 3_600_001)
        #expect(SubtitleTime.timestamp(62_500) == "00:01:02.500")
        #expect(SubtitleTime.timestamp(360_000_000) == nil)
    }

    @Test func missingHeaderAndCRLF() throws {
        let t = try vtt("00:00:01.000 --> 00:00:02.000\r\n<v SW>Hi.\r\n")
        #expect(t.encounters[0].segments.map(\.speaker) == ["SW"])
        #expect(t.warnings.first?.message == "no 'WEBVTT' line at the top; read as WebVTT anyway")
    }

    @Test func emptyFileHasNoSegments() throws {
        #expect(try vtt("WEBVTT\n").encounters.isEmpty)
    }

    @Test func loaderDispatchesSubtitles() throws {
        let t = try TranscriptLoader.parse(bytes: Array("1\n00:00:01,000 --> 00:00:02,000\nSW: Hi.\n".utf8), path: "a.srt")
        #expect(t.encounters[0].segments.map(\.speaker) == ["SW"])
    }
}
