import Testing
@testable import Transcripts

/// Properties every parse must have, over many generated transcripts: ranges inside the text,
/// in order, not overlapping, text equal to its range; and re-parsing the normalised text gives
/// the same segments.
@Suite("Segment properties")
struct SegmentPropertyTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "SW: ", "Mum: ", "Dr Khan: ", "[00:01:02] SW: ", "Note: ", "10:30 ", "Encounter: E9\n", "Case: C1\n",
        "hello ", "there ", "Zoë ", "👋🏽 ", "[laughs] ", "(pause) ", "((door slams)) ", "(the eldest) ", "\n", "\n\n",
        "\r\n", "\t", "\u{00A0}", "---\n", ": ", "e\u{0301} ", "\u{200B}", "word. ", "«quoted» ",
    ]

    static func randomTranscript(_ rng: inout Generator) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...80, using: &rng) { s += pieces.randomElement(using: &rng)! }
        return s
    }

    @Test func rangesAreConsistentAndReparsingIsStable() throws {
        var rng = Generator(state: 20_241_122)
        for _ in 0..<400 {
            let raw = Self.randomTranscript(&rng)
            let t = try PlainTextParser().parse(bytes: Array(raw.utf8), path: "p.txt")
            let scalars = Array(t.text.unicodeScalars)
            for e in t.encounters {
                var previousEnd = 0
                for s in e.segments {
                    #expect(s.start >= previousEnd && s.start <= s.end && s.end <= scalars.count, "\(raw.debugDescription)")
                    #expect(String(String.UnicodeScalarView(scalars[s.start..<s.end])) == s.text)
                    for n in s.notes { #expect(n.start >= s.start && n.end <= s.end) }
                    previousEnd = s.end
                }
            }
            let again = PlainTextParser().parse(text: t.text, path: "p.txt")
            #expect(again.encounters == t.encounters, "\(raw.debugDescription)")
            #expect(!t.text.contains("\r"))
        }
    }
}
