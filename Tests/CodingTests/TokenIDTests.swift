import Testing
@testable import Coding
import Transcripts

// Sentences written for these tests; none comes from the gold sets.

@Suite("Tokens as vocabulary ids")
struct TokenIDTests {
    func tokens(_ text: String, _ vocabulary: inout Vocabulary) -> [Token] {
        Tokenizer.tokenize(text, vocabulary: &vocabulary)
    }

    @Test func aWordHasOneIdWhateverItsCaseOrApostrophe() {
        var vocabulary = Vocabulary()
        let t = tokens("Don’t! DON'T, don't — Don‘t", &vocabulary).filter { $0.kind == .word }
        #expect(t.map(\.text) == ["don't", "don't", "don't", "don't"])
        #expect(Set(t.map(\.id)).count == 1)
        #expect(vocabulary.words[Int(t[0].id)] == "don't")
        #expect(t.map(\.capitalised) == [true, true, false, true])
    }

    @Test func accentedNamesAreLowerCasedToOneIdWithCodePointOffsets() {
        var vocabulary = Vocabulary()
        let t = tokens("ZOË told Zoë: Élodie’s café is naïve.", &vocabulary)
        #expect(t.map(\.text) == ["zoë", "told", "zoë", ":", "élodie's", "café", "is", "naïve", "."])
        #expect(t[0].id == t[2].id)
        #expect(t[0].id != t[5].id)
        // Offsets count code points, not bytes: "ZOË told " is 9 code points.
        #expect(t[2].start == 9 && t[2].end == 12)
        #expect(t[4].start == 14 && t[4].end == 22)
        #expect(t[4].capitalised && !t[5].capitalised)
    }

    @Test func otherScriptsEmojiAndSymbolsKeepOffsetsRight() {
        var vocabulary = Vocabulary()
        let t = tokens("Ольга 👍 paid £20 — 3½ hours", &vocabulary)
        #expect(t.map(\.text) == ["ольга", "paid", "20", "-", "3½", "hours"])
        #expect(t.map(\.kind) == [.word, .word, .word, .dash, .word, .word])
        // The emoji (one code point, four bytes) and "£" are dropped but counted.
        #expect(t[1].start == 8)
        #expect(t[2].start == 14 && t[2].end == 16)
        #expect(t[4].start == 19 && t[4].end == 21)
    }

    @Test func hyphensJoinWordsButADashStandsAlone() {
        var vocabulary = Vocabulary()
        let t = tokens("the co-op's stair-gate - well, 999-call", &vocabulary)
        #expect(t.map(\.text) == ["the", "co-op's", "stair-gate", "-", "well", ",", "999-call"])
        #expect(t[3].kind == .dash)
    }

    @Test func quotesAroundWordsAreMarksNotPartOfTheWord() {
        var vocabulary = Vocabulary()
        let t = tokens("She said ‘no’ and “never” to the mums' group", &vocabulary)
        #expect(t.map(\.text) == ["she", "said", "'", "no", "'", "and", "\"", "never", "\"", "to", "the", "mums", "'", "group"])
        #expect(t[2].kind == .quote && t[4].kind == .quote && t[12].kind == .quote)
    }

    @Test func unseenWordsGetNewIdsAndKnownWordsKeepTheirs() {
        var vocabulary = Vocabulary()
        let shout = vocabulary.id(of: "shout")
        let first = tokens("Kerry-Anne shout shouts", &vocabulary)
        #expect(first[1].id == shout)
        #expect(first[0].id != shout && first[2].id != shout && first[0].id != first[2].id)
        let count = vocabulary.count
        let again = tokens("SHOUT, Kerry-Anne!", &vocabulary)
        #expect(again[0].id == shout && again[2].id == first[0].id)
        #expect(vocabulary.count == count)
        #expect(vocabulary.existingID(of: "kerry-anne") == first[0].id)
        #expect(vocabulary.existingID(of: "whisper") == nil)
    }

    @Test func manyWordsSurviveTheTableGrowing() {
        var vocabulary = Vocabulary(capacity: 4)
        let words = (0..<5000).map { "w\($0)é" }
        let ids = words.map { vocabulary.id(of: $0) }
        #expect(Set(ids).count == 5000)
        #expect(words.indices.allSatisfy { vocabulary.existingID(of: words[$0]) == ids[$0] && vocabulary.words[Int(ids[$0])] == words[$0] })
    }
}

@Suite("Cue matching over ids")
struct IDMatchingTests {
    func matches(_ phrase: String, _ text: String) -> Bool {
        guard case .success(let pattern) = CuePattern.compile(phrase) else { return false }
        let tokens = Tokenizer.tokenize(text)
        return tokens.indices.contains { CueMatcher.match(pattern, tokens: tokens, start: $0) != nil }
    }

    @Test func curlyApostrophesAndCaseMatchStraightCues() {
        #expect(matches("don't trust", "I DON’T trust any of you"))
        #expect(matches("you're (really)? angry", "I can hear you’re really angry"))
        #expect(!matches("you're angry", "your angry neighbour"))
    }

    @Test func wildcardsAndInflectionsOverAccentedAndHyphenatedWords() {
        #expect(matches("threaten*", "Zoë’s threatening the worker"))
        #expect(matches("slam ... door", "Zoë slammed the back door"))
        #expect(!matches("slam ... door", "Zoë slammed it. The door"))
        #expect(matches("=stair-gate", "the stair-gate is broken"))
        #expect(!matches("gate", "the stair-gate is broken"))
    }

    @Test func theCoderGivesTheSameCodesWithCurlyOrStraightApostrophes() {
        let curly = codes("Mum: You lot are all the same and I don’t trust a single one of you")
        let straight = codes("Mum: You lot are all the same and I don't trust a single one of you")
        #expect(curly == straight)
        #expect(curly.contains("hostility"))
    }

    @Test func aCoderReusedAcrossTranscriptsCodesAsAFreshOne() {
        let reused = Coder(codebook: relationship)
        let first = "Worker: Ça va? Zoë, I can hear how exhausted you are.\nMum: Get out of my house, the lot of you."
        let second = "Dad: I’m not signing your bloody agreement.\nWorker: That must have been terrifying for you."
        _ = annotations(first, coder: reused)
        let fresh = Coder(codebook: relationship)
        #expect(annotations(second, coder: reused) == annotations(second, coder: fresh))
        #expect(!annotations(second, coder: fresh).isEmpty)
    }
}
