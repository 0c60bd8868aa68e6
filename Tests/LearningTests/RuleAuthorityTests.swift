import Coding
@testable import Learning
import Testing
import Transcripts

/// Where the rules decide (negation, questions, roles, reported speech), the model does not
/// overturn them: it never adds a code whose cue the rules cancelled in that passage.
@Suite struct RuleAuthorityTests {
    /// Team coding in which "angry" marks hostility in words no cue covers ("angry about", not
    /// "angry with you"): 30 mothers' turns coded hostility, 30 alike but for one word not.
    static let angerCoding: [TrainingPassage] = (0..<30).flatMap { n in
        [passage("Mum: I'm angry about the report from week \(n).", ["hostility"], id: "a\(n)"),
         passage("Mum: I'm happy about the report from week \(n).", [], id: "h\(n)")]
    }
    static let hybrid = HybridCoder(codebook: relationship, model: LearnedModel.train(angerCoding, codebook: relationship))

    @Test func theModelLearnsTheTeamsWordWhereTheRulesAreSilent() {
        #expect(HybridCoder(codebook: relationship, model: nil).code(row: "Mum: I'm angry about the letter.").isEmpty)
        #expect(Self.hybrid.code(row: "Mum: I'm angry about the letter.").map(\.topLevelCode) == ["hostility"])
    }

    @Test func aNegatedCueStaysCancelled() {
        // The rules matched "angry with you" and cancelled it for the "not": no hostility.
        // The model alone would add it: its probability clears the threshold at which it adds.
        let threshold = Self.hybrid.model!.codeModels.first { $0.code == "hostility" }!.addThreshold
        #expect(Self.hybrid.probabilities(row: "Mum: I'm not angry with you.")!["hostility"]! >= threshold)
        #expect(Self.hybrid.code(row: "Mum: I'm not angry with you.").isEmpty)
    }

    @Test func aQuestionStaysCancelled() {
        #expect(Self.hybrid.code(row: "Mum: Are you angry with me?").isEmpty)
    }

    @Test func aTranscriptSegmentFollowsTheSameAuthority() {
        let t = PlainTextParser().parse(text: "Mum: I'm not angry with you.\nMum: I'm angry about the report.\n", path: "t.txt")
        let coded = Self.hybrid.code(t)
        #expect(coded.annotations[0][0].isEmpty)
        #expect(coded.annotations[0][1].map(\.code) == ["hostility"])
    }
}
