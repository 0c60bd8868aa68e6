import Testing
@testable import Coding
import Transcripts

// Every sentence in this file was written for these tests (training data for the engine's
// rules); none comes from the gold sets.

@Suite("Tokenizer")
struct TokenizerTests {
    @Test func wordsAreLowerCasedWithCodePointOffsets() {
        let tokens = Tokenizer.tokenize("Über Dad’s car, ok?")
        #expect(tokens.map(\.text) == ["über", "dad's", "car", ",", "ok", "?"])
        #expect(tokens.map(\.kind) == [.word, .word, .word, .comma, .word, .stop])
        #expect(tokens[0].start == 0 && tokens[0].end == 4 && tokens[0].capitalised)
        #expect(tokens[1].start == 5 && tokens[1].end == 10)
    }

    @Test func trailingApostropheIsAQuoteAndHyphenatedWordsStayWhole() {
        let tokens = Tokenizer.tokenize("the twins' stair-gate")
        #expect(tokens.map(\.text) == ["the", "twins", "'", "stair-gate"])
        #expect(tokens[2].kind == .quote)
    }
}

@Suite("Scopes over a segment")
struct ScopeTests {
    func index(_ text: String) -> SegmentIndex {
        SegmentIndex(tokens: Tokenizer.tokenize(text), actors: ActorResolver(encounter: nil, language: .english))
    }

    @Test func sentenceBoundsAreComputedOncePerToken() {
        let s = index("He left. She stayed and waited")
        #expect(s.sentenceFirst == [0, 0, 0, 3, 3, 3, 3])
        #expect(s.sentenceLast == [2, 2, 2, 6, 6, 6, 6])
    }

    @Test func aYesNoQuestionAboutAnEventIsAQuestionScope() {
        let s = index("Right, did the lodger kick the gate? He kicked it.")
        let kick = s.tokens.firstIndex { $0.text == "kick" }!
        let kicked = s.tokens.firstIndex { $0.text == "kicked" }!
        #expect(s.question[kick])
        #expect(!s.question[kicked])
        // A statement ending in a question mark is not enough.
        #expect(!index("He kicked the gate?").question.contains(true))
    }

    @Test func modalPerfectsAreCounterfactualButHaveAsAMainVerbIsNot() {
        let s = index("He'd have slammed the gate. We could have a chat about the gate.")
        #expect(s.hypothetical[s.tokens.firstIndex { $0.text == "slammed" }!])
        #expect(!s.hypothetical[s.tokens.firstIndex { $0.text == "chat" }!])
    }

    @Test func conditionsAboutSomeoneElseAreHypotheticalButTermsSetToTheListenerAreNot() {
        let third = index("If the lodger bangs on the door, phone me")
        #expect(third.condition[third.tokens.firstIndex { $0.text == "bangs" }!])
        #expect(!third.condition[third.tokens.firstIndex { $0.text == "phone" }!])
        let listener = index("If you miss the next one we will go to court")
        #expect(!listener.condition.contains(true))
        let asIf = index("She folds her arms as if he bores her")
        #expect(!asIf.condition.contains(true))
        let past = index("If she'd known the date she would have come")
        #expect(past.hypothetical[past.tokens.firstIndex { $0.text == "known" }!])
    }

    @Test func animalsAndInfantsAsSubjects() {
        let s = index("The puppy was growling at the postman and Lena snarled at him")
        #expect(s.nonHumanSubject(before: s.tokens.firstIndex { $0.text == "growling" }!))
        #expect(!s.nonHumanSubject(before: s.tokens.firstIndex { $0.text == "snarled" }!))
    }
}

@Suite("Actor resolution")
struct ActorResolutionTests {
    let encounter = Encounter(id: "E", participants: [Participant(label: "FSW", role: .worker, name: "Olu Bankole"),
                                                       Participant(label: "Nana", role: .client)])

    @Test func theLastPersonFollowedByAVerbActs() {
        let tokens = Tokenizer.tokenize("After tea Nana tells Olu that she will phone the police.")
        let resolver = ActorResolver(encounter: encounter, language: .english)
        let index = SegmentIndex(tokens: tokens, actors: resolver)
        let cue = tokens.firstIndex { $0.text == "phone" }!
        #expect(resolver.actor(index, cue: cue) == ActorResolver.Actor(words: "nana", role: .client))
    }

    @Test func reportedSpeechNamesTheReporter() {
        let tokens = Tokenizer.tokenize("My nan says the family worker was rude to her")
        let resolver = ActorResolver(encounter: encounter, language: .english)
        let index = SegmentIndex(tokens: tokens, actors: resolver)
        let cue = tokens.firstIndex { $0.text == "rude" }!
        #expect(resolver.reporter(index, cue: cue)?.role == .client)
        // Nobody reports in a plain sentence.
        let plain = Tokenizer.tokenize("The family worker was rude")
        #expect(resolver.reporter(SegmentIndex(tokens: plain, actors: resolver), cue: 4) == nil)
    }

    @Test func anActInsideAQuotationBelongsToWhoeverIsQuoted() {
        let tokens = Tokenizer.tokenize("Nana tells the student, \"Olu slammed it\"")
        let resolver = ActorResolver(encounter: encounter, language: .english)
        let index = SegmentIndex(tokens: tokens, actors: resolver)
        let cue = tokens.firstIndex { $0.text == "slammed" }!
        #expect(resolver.actor(index, cue: cue)?.words == "nana")
    }
}

@Suite("Inflection")
struct InflectionTests {
    @Test func functionWordsAreNotInflected() {
        #expect(Inflection.forms(of: "not") == ["not"])
        #expect(Inflection.forms(of: "the") == ["the"])
    }

    @Test func consonantDoubling() {
        #expect(Inflection.forms(of: "refer").isSuperset(of: ["referred", "referring", "refers"]))
        #expect(Inflection.forms(of: "control").isSuperset(of: ["controlled", "controlling"]))
        #expect(Inflection.forms(of: "strip").contains("stripped"))
        #expect(Inflection.forms(of: "travel").contains("travelled"))
        #expect(!Inflection.forms(of: "shout").contains("shoutted"))
        #expect(Inflection.forms(of: "cry").isSuperset(of: ["cries", "cried", "crying"]))
    }

    @Test func possessiveAndContractedForms() {
        #expect(Inflection.forms(of: "power").contains("power's"))
        #expect(Inflection.forms(of: "nurse").contains("nurse's"))
    }
}

@Suite("Linguistic checks in coding")
struct LinguisticCodingTests {
    @Test func questionsAndCounterfactualsAreNotTheAct() {
        #expect(!codes("SW: Did the neighbour shout at you again?").contains("hostility"))
        #expect(codes("Mum: The neighbour shouted at me again.").contains("hostility"))
        #expect(!codes("Mum: Honestly he could have sworn at the worker.").contains("hostility"))
    }

    @Test func aStatedSanctionStaysPower() {
        #expect(codes("SW: If you keep missing contact we will have to go back to court.").contains("power"))
    }

    @Test func denialIsNotADisclaimer() {
        #expect(!codes("Dad: I'm not cross with you, but I'm worn out.").contains("hostility"))
        #expect(codes("Dad: I'm not threatening you, but I will ring my solicitor.").contains("hostility"))
    }

    @Test func animalsAndInfantsAreNotHostile() {
        #expect(!codes("Next door's dog barks at the bins all night.").contains("hostility"))
    }

    @Test func scotsNegationIsNotAnyWordEndingInNae() {
        #expect(codes("Renae shouts at the worker.").contains("hostility"))
        #expect(!codes("Da: I didnae shout at the worker.").contains("hostility"))
    }
}
