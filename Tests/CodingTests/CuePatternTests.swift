import Testing
@testable import Coding

@Suite("Cue phrase syntax")
struct CuePatternTests {
    func matches(_ phrase: String, _ text: String) -> Bool {
        guard case .success(let pattern) = CuePattern.compile(phrase) else { return false }
        let tokens = Tokenizer.tokenize(text)
        return tokens.indices.contains { CueMatcher.match(pattern, tokens: tokens, start: $0) != nil }
    }

    @Test func inflectionsOfAPlainWord() {
        #expect(matches("shout", "She shouts at him"))
        #expect(matches("shout", "he shouted"))
        #expect(matches("shout", "shouting"))
        #expect(matches("cry", "she cries"))
        #expect(matches("snap", "the worker snapped"))
        #expect(!matches("shout", "shoutbox"))
        #expect(!matches("=shout", "he shouted"))
    }

    @Test func wildcardPrefix() {
        #expect(matches("threaten*", "I'm threatening you"))
        #expect(matches("threaten*", "threatened"))
        #expect(!matches("threaten*", "threat"))
    }

    @Test func alternativesGroupsAndOptionalWords() {
        #expect(matches("swear|swore at", "he swore at her"))
        #expect(matches("(the worker|her) ... out", "showed the worker out"))
        #expect(matches("done (really)? well", "you've done well"))
        #expect(matches("done (really)? well", "you've done really well"))
        #expect(matches("it felt (like|as if)", "it felt as if nobody cared"))
        #expect(!matches("it felt (like|as if)", "it felt if"))
    }

    @Test func gapsStayInsideTheClause() {
        #expect(matches("go ... to court", "we will go straight to court"))
        #expect(matches("go ... to court", "we'll have to go back to court"))
        #expect(!matches("go ... to court", "we go. Then to court"))
        #expect(!matches("go ... to court", "go one two three four to court"))
    }

    @Test func apostrophesAreUnified() {
        #expect(matches("don't trust", "I don’t trust you"))
        #expect(matches("you're a good mum", "You‘re a good mum"))
    }

    @Test func phrasesThatCanNeverMatchAreRejected() {
        for bad in ["", "   ", "(maybe)?", "...", "a||b", "(open", "close)", "*", "=", "wild*card"] {
            guard case .failure = CuePattern.compile(bad) else {
                Issue.record("'\(bad)' should not compile")
                continue
            }
        }
    }
}
