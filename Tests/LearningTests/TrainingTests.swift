import Coding
import Foundation
@testable import Learning
import Testing
import Transcripts

@Suite struct TrainingTests {
    @Test func theSameCodingGivesTheSameModelBytes() throws {
        let rows = try goldPassages("Tests/Fixtures/gold/heldout-b.tsv")
        let first = LearnedModel.train(rows, codebook: relationship).fileText
        let second = LearnedModel.train(rows, codebook: relationship).fileText
        #expect(first == second)
        #expect(first.hasPrefix("rapport-model\t2\ncodebook\tRelationship dynamics in social-work practice\ncodes\thostility\tempathy\tacceptance\tpower\n"))
    }

    @Test func aCodeWithoutPositivePassagesIsNotLearnedAndTheSummarySaysSo() throws {
        let model = LearnedModel.train(zorblaxCoding, codebook: relationship)
        let power = try #require(model.codeModels.first { $0.code == "power" })
        #expect(!power.trained && power.positives == 0)
        #expect(LearnSummary.text(model).contains("power" + String(repeating: " ", count: 14) + "0  learned nothing: no passage has this code"))
        #expect(model.codeModels.first { $0.code == "empathy" }?.trained == true)
    }

    @Test func theModelAddsACodeTheRulesMissWithItsEvidence() throws {
        let model = LearnedModel.train(zorblaxCoding, codebook: relationship)
        let hybrid = HybridCoder(codebook: relationship, model: model)
        let rulesAlone = HybridCoder(codebook: relationship, model: nil)
        let text = "SW: I can see the zorblax in what you said on Friday."
        #expect(rulesAlone.code(row: text).isEmpty)
        let learned = try #require(hybrid.code(row: text).first)
        #expect(learned.code == "empathy")
        let evidence = try #require(learned.evidence)
        #expect(evidence.rule == "model")
        // The words that weighed most are the ones with "zorblax" in them, with their weights.
        #expect(evidence.matched.contains("zorblax +0."))
        #expect(evidence.matched.split(separator: ",").allSatisfy { $0.contains("zorblax") })
        #expect(evidence.cue.contains("(coder ann, source synthetic)"))
        #expect(evidence.actor == "speaker worker (worker)")
    }

    @Test func theModelNeverAddsACodeTheSpeakersRoleRulesOut() {
        let hybrid = HybridCoder(codebook: relationship, model: LearnedModel.train(zorblaxCoding, codebook: relationship))
        // Empathy is something a practitioner shows: a mother's zorblax is not empathy.
        #expect(hybrid.code(row: "Mum: I can see the zorblax in what you said on Friday.").isEmpty)
        #expect(hybrid.code(row: "SW: I can see the zorblax in what you said on Friday.").map(\.code) == ["empathy"])
    }

    @Test func transcriptSegmentsGetLearnedCodesWithTheirRange() throws {
        let hybrid = HybridCoder(codebook: relationship, model: LearnedModel.train(zorblaxCoding, codebook: relationship))
        let transcript = PlainTextParser().parse(text: "SW: Hello, Dawn.\nSW: I can see the zorblax in that.\n", path: "t.txt")
        let coded = hybrid.code(transcript)
        #expect(coded.annotations[0][0].isEmpty)
        let learned = try #require(coded.annotations[0][1].first)
        #expect(learned.code == "empathy" && learned.segment == 1)
        #expect(learned.start == 21 && learned.end == 51)
    }
}
