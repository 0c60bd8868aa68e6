import Testing
@testable import Transcripts

@Suite("Bracketed notes and word counts")
struct NoteAndWordTests {
    @Test func notesKeepKindTextAndRange() {
        let t = parsePlain("SW: Well [laughs] I (pause) think ((door slams)) so [inaudible 00:12:03] yes [crosstalk].")
        let s = t.encounters[0].segments[0]
        #expect(s.notes.map(\.kind) == [.vocal, .pause, .incident, .inaudible, .inaudible])
        #expect(s.notes.map(\.text) == ["laughs", "pause", "door slams", "inaudible 00:12:03", "crosstalk"])
        for n in s.notes {
            let raw = slice(t.text, n.start, n.end)
            #expect(raw.hasPrefix("[") || raw.hasPrefix("("))
            #expect(raw.contains(n.text))
        }
        #expect(s.words == 5)  // Well, I, think, so, yes: the trailing "." has no letter
    }

    @Test func parentheticalProseIsNotANote() {
        let t = parsePlain("Mum holds Kayden (the youngest) on her knee (2.0) and sighs.")
        let s = t.encounters[0].segments[0]
        #expect(s.notes.map(\.text) == ["2.0"])
        #expect(s.notes.first?.kind == .pause)
        #expect(s.words == 10)
    }

    @Test func wordCountSkipsTimestampsAndPunctuation() {
        let t = parsePlain("The worker – at 10:30 – writes \"Concern\" & leaves … 3 times.")
        // The, worker, at, writes, "Concern", leaves, 3, times (dashes, & and … have no letters; 10:30 is a time).
        #expect(t.encounters[0].segments[0].words == 8)
    }

    @Test func nonASCIIWordsCount() {
        let t = parsePlain("Zoë et José répondent « oui » 👍.")
        #expect(t.encounters[0].segments[0].words == 5)
    }
}
