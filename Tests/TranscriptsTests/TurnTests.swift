import Testing
@testable import Transcripts

@Suite("Speaker turns and observation paragraphs")
struct TurnTests {
    @Test func labelsTimestampsAndContinuations() {
        let t = parsePlain("""
            [00:14:32] SW: How have things been
            since the last visit?
            00:14:40 Mum: Fine.
            (14:45) Dr Khan: I'll add something.
            Interviewer: And then?

            SW: Later.
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum", "Dr Khan", "Interviewer", "SW"])
        #expect(s.map(\.timestamp) == ["00:14:32", "00:14:40", "14:45", nil, nil])
        #expect(s[0].text == "How have things been\nsince the last visit?")
        #expect(s[0].line == 1)
        #expect(s[4].line == 7)
    }

    @Test func observationParagraphsAreSegments() {
        let t = parsePlain("""
            The worker knocks twice.
            Mum opens the door a crack.

            They sit in the kitchen.
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.kind) == [.observation, .observation])
        #expect(s[0].text == "The worker knocks twice.\nMum opens the door a crack.")
        #expect(s.allSatisfy { $0.speaker == nil && $0.role == nil })
    }

    @Test func noteInsideObservationProseIsNotALabel() {
        let t = parsePlain("""
            The worker arrives at 10:30 and waits.
            Note: the curtains are still closed.

            Note: this paragraph is the researcher's aside.
            """)
        let s = t.encounters[0].segments
        #expect(s.count == 2)
        #expect(s.allSatisfy { $0.kind == .observation })
        #expect(s[0].text.hasSuffix("Note: the curtains are still closed."))
    }

    @Test func timesAndUrlsAreNotLabels() {
        let t = parsePlain("""
            10:30: the worker arrives.

            At 10:30 she leaves, see http://example.org for the form.
            """)
        #expect(t.encounters[0].segments.allSatisfy { $0.kind == .observation })
    }

    @Test func proseWithColonMidParagraphStaysProse() {
        let t = parsePlain("""
            The social worker explains the plan to Mum.
            She said: nothing would change.
            """)
        #expect(t.encounters[0].segments.count == 1)
    }

    @Test func knownLabelInsideProseParagraphStartsATurn() {
        let t = parsePlain("""
            The worker sits down.
            Mum: I don't want you here.
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.kind) == [.observation, .utterance])
        #expect(s[1].speaker == "Mum")
    }

    @Test func emptyTurnAndLabelAtLineEnd() {
        let t = parsePlain("SW:\nMum: [inaudible]\n")
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum"])
        #expect(s[0].text == "")
        #expect(s[0].words == 0)
        #expect(s[1].words == 0)
    }

    @Test func separatorLinesAreIgnored() {
        let t = parsePlain("SW: One.\n-----\nMum: Two.\n")
        #expect(t.encounters[0].segments.map(\.text) == ["One.", "Two."])
    }

    @Test func rangesAreCodePointsIntoTheText() {
        let text = "Encounter: É1\n\nSW: Zoë says “hello” 👋🏽 to José.\n\nLa mère répond.\n"
        let t = parsePlain(text)
        for s in t.encounters[0].segments {
            #expect(slice(t.text, s.start, s.end) == s.text)
        }
        #expect(t.encounters[0].segments[0].text == "Zoë says “hello” 👋🏽 to José.")
    }

    @Test func segmentsAreOrderedAndDoNotOverlap() {
        let t = parsePlain("SW: a\nb\n\nc\n\nMum: d [laughs]\n")
        let s = t.encounters[0].segments
        for (a, b) in zip(s, s.dropFirst()) { #expect(a.end <= b.start) }
        #expect(s.map(\.index) == Array(0..<s.count))
    }
}
