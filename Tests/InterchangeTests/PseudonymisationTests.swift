import Coding
import Foundation
import Testing
import Transcripts
@testable import Interchange

@Suite("Pseudonymisation")
struct PseudonymisationTests {
    @Test func pseudonymsAreRoleBasedInOrderOfFirstAppearance() {
        let key = PseudonymKey(transcripts: corpus)
        #expect(key.pseudonym(for: "Hannah") == "Worker 1")
        #expect(key.pseudonym(for: "Kerry") == "Parent 1")
        #expect(key.pseudonym(for: "Jo") == "Researcher 1")
        #expect(key.pseudonym(for: "Dean") == "Parent 2")
        #expect(key.pseudonym(for: "Sam") == "Worker 2")
        #expect(key.pseudonym(for: "Ruth") == "Worker 3")
        #expect(key.pseudonym(for: "Zoë") == "Parent 6")
        #expect(key.pseudonym(for: "Mum") == nil)   // a role label, not a name
        #expect(key.csv.hasPrefix("name,pseudonym\r\nHannah,Worker 1\r\nKerry,Parent 1\r\n"))
    }

    /// Names go everywhere (text, labels, participants, metadata); the rebuilt transcript is
    /// exactly what parsing the pseudonymised text gives: same segments, ranges, notes, words.
    @Test func pseudonymisedTranscriptMatchesAReparse() {
        let pseudonymiser = Pseudonymiser(transcripts: corpus + [plain(nonASCIIText)])
        for original in corpus.filter({ $0.path.hasSuffix(".txt") }) + [plain(nonASCIIText)] {
            let result = pseudonymiser.apply(original)
            let reparsed = PlainTextParser().parse(text: result.text, path: original.path)
            #expect(result.encounters.count == reparsed.encounters.count)
            for (a, b) in zip(result.encounters, reparsed.encounters) {
                #expect(a.participants == b.participants, "\(original.path) \(a.id)")
                #expect(a.segments.count == b.segments.count)
                for (s, t) in zip(a.segments, b.segments) {
                    #expect(s.text == t.text && s.start == t.start && s.end == t.end && s.speaker == t.speaker,
                            "\(original.path) \(a.id) #\(s.index)")
                    #expect(s.words == t.words, "\(original.path) \(a.id) #\(s.index): \(s.text)")
                    #expect(s.notes == t.notes, "\(original.path) \(a.id) #\(s.index)")
                }
            }
        }
    }

    @Test func wholeWordsOnlyWithAccentsAndPossessives() {
        let transcript = plain("""
            Encounter: W1
            Participants: SW = worker (Jo); Tomás = child (Tomás); Mum = client (Inês Duarte)

            SW: Joanne and Jo's jog with Tomás. JO! Inês said Duarte knows. Tomásito stays.
            """)
        let result = Pseudonymiser(transcripts: [transcript]).apply(transcript)
        let turn = result.encounters[0].segments[0]
        #expect(turn.text == "Joanne and Worker 1's jog with Child 1. Worker 1! Parent 1 said Parent 1 knows. Tomásito stays.")
        #expect(turn.speaker == "SW")
        #expect(result.encounters[0].participants.map(\.label) == ["SW", "Child 1", "Mum"])
        #expect(result.encounters[0].participants.map(\.name) == ["Worker 1", "Child 1", "Parent 1"])
        #expect(result.encounters[0].metadata["participants"]?.contains("Tomás") == false)
        #expect(slice(result.text, turn.start, turn.end) == turn.text)
    }

    /// No participant name is left in any export of the pseudonymised corpus, searched with a
    /// case- and accent-insensitive regular expression for the whole word (not the pseudonymiser's
    /// matcher; whole words, since "Ruth" is inside "truth"). The plain substring search is in
    /// rapportTests' PseudonymisationTrapTests, on a corpus without such collisions.
    @Test func exportsCarryNoNames() throws {
        let pseudonymiser = Pseudonymiser(transcripts: corpus)
        let coded = corpus.enumerated().map { defaultCoder.code(Pseudonymiser.renamingSource(pseudonymiser.apply($1), number: $0 + 1)) }
        func folded(_ text: String) -> String { text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
        let names = Set(pseudonymiser.key.entries.map(\.name).map(folded))
        #expect(names.count >= 10)
        var outputs: [String] = []
        for c in coded { outputs.append(String(decoding: try TEIExport.document(c, codebook: relationship), as: UTF8.self)) }
        outputs.append(String(decoding: try REFIQDAExport.projectXML(coded, codebook: relationship), as: UTF8.self))
        outputs += coded.map(\.transcript.text)
        var csv = CSVWriter(header: CodingOutput.csvHeader)
        for c in coded { CodingOutput.csvRows(c, into: &csv) }
        outputs.append(csv.text)
        for output in outputs.map(folded) {
            for name in names {
                let word = try NSRegularExpression(pattern: "\\b" + NSRegularExpression.escapedPattern(for: name) + "\\b")
                let hit = word.firstMatch(in: output, range: NSRange(output.startIndex..., in: output))
                #expect(hit == nil, "\(name) left")
            }
        }
        #expect(outputs[0].contains("<persName>Worker 1</persName>"))
    }

    @Test func accentCaseAndEverydayWords() {
        let transcript = plain("""
            Encounter: W2
            Participants: SW = worker (Will Grant); Child = child (Zoë)

            SW: Zoe and ZOE and zoë will see Will. Grant's here.
            """)
        let result = Pseudonymiser(transcripts: [transcript]).apply(transcript)
        #expect(result.encounters[0].segments[0].text == "Child 1 and Child 1 and Child 1 will see Worker 1. Worker 1's here.")
    }

    @Test func displayNamesOfVideoCalls() {
        let found = DisplayName.found(in: "Jo Bennett - Health Visitor: Morning.\nWorker 1 Hussain (she/her): Yes.\nNote: later.\nSW: Hi.")
        #expect(found == [.init(name: "Jo Bennett", role: .professional), .init(name: "Hussain", role: .worker)])
    }
}
