import Testing
@testable import Coding

@Suite("Negation and hedging")
struct NegationTests {
    @Test func negationCancelsBehaviourThatDidNotHappen() {
        #expect(codes("Dad does not raise his voice once.") == [])
        #expect(codes("Nobody shouts and nobody walks out.") == [])
        #expect(codes("The atmosphere is not tense at all today.") == [])
        #expect(codes("She never once shouts at the worker.") == [])
    }

    @Test func theSameCuesCountWithoutNegation() {
        #expect(codes("Dad raises his voice.").contains("hostility"))
        #expect(codes("The atmosphere is tense.").contains("hostility"))
    }

    @Test func aDenialFollowedByButStillPerformsTheAct() {
        #expect(codes("SW: I'm not threatening you, but if he misses school again this goes to conference.") == ["hostility", "power"])
        #expect(codes("Mum: I'm not being funny, but I don't trust any of you.").contains("hostility"))
    }

    @Test func cuesThatNeedNegation() {
        #expect(codes("Dad: I won't sign it.").contains("power"))
        #expect(codes("Dad: I'm not signing anything.").contains("power"))
        #expect(!codes("Dad: Where do I sign?").contains("power"))
        #expect(codes("SW: You're not a bad mum.") == ["acceptance"])
    }

    @Test func scopeEndsAtPunctuationAndQuotes() {
        // "not" belongs to the first clause; the second is still hostile.
        #expect(codes("Mum: I'm not angry with you, I'm just sick to death of you.").contains("hostility"))
        #expect(codes("Mum answers with 'no' and keeps her eyes fixed on the television.") == ["hostility"])
    }

    @Test func evidenceRecordsTheNegationDecision() {
        let a = annotations("SW: I'm not threatening you, but I will go to court.")
        let threat = a.first { $0.code == "hostility.threat" }
        #expect(threat?.evidence?.negation.contains("disclaimer") == true)
    }
}
