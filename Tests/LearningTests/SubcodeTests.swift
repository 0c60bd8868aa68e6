import Coding
import Foundation
@testable import Learning
import Testing
import Transcripts

/// Sub-codes are learned from the passages the team sub-coded, and given under a top-level code
/// the hybrid applies, with the evidence saying so.
@Suite struct SubcodeTests {
    /// Empathy coded at sub-code level: "zorblax" turns as warmth, "glimmix" turns as perspective
    /// taking; and 20 turns coded empathy alone, which say nothing about the sub-code.
    static let coding: [TrainingPassage] = (0..<20).flatMap { n in
        [passage("SW: I can see the zorblax in what you said about week \(n).", ["empathy.warmth"], id: "w\(n)"),
         passage("SW: I can see the glimmix in what you said about week \(n).", ["empathy.perspective-taking"], id: "g\(n)"),
         passage("SW: I can see the snorkel in what you said about week \(n).", ["empathy"], id: "e\(n)"),
         passage("SW: I can see the timetable in what you said about week \(n).", [], id: "p\(n)")]
    }
    static let model = LearnedModel.train(coding, codebook: relationship)

    @Test func subcodesLearnOnlyFromSubcodedPassages() throws {
        let warmth = try #require(Self.model.subcodeModels.first { $0.code == "empathy.warmth" })
        #expect(warmth.trained && warmth.positives == 20 && warmth.subcoded == 40)
        let reflecting = try #require(Self.model.subcodeModels.first { $0.code == "empathy.reflecting-feelings" })
        #expect(!reflecting.trained && reflecting.positives == 0)
        #expect(Self.model.subcodeModels.filter { $0.parent == "power" }.allSatisfy { !$0.trained })
        #expect(LearnSummary.text(Self.model).contains("sub-codes learned (passages with it / sub-coded under its code): empathy.perspective-taking 20/40, empathy.warmth 20/40"))
    }

    @Test func aLearnedCodeCarriesTheLearnedSubcodeAndSaysWhy() throws {
        let hybrid = HybridCoder(codebook: relationship, model: Self.model)
        let warm = try #require(hybrid.code(row: "SW: I can see the zorblax in what you said on Friday.").first)
        #expect(warm.code == "empathy.warmth")
        #expect(warm.evidence?.rule == "model")
        #expect(warm.evidence?.cue.contains("; sub-code empathy.warmth: learned p 0.") == true)
        #expect(warm.evidence?.cue.contains("among empathy.perspective-taking, empathy.warmth") == true)
        let taking = try #require(hybrid.code(row: "SW: I can see the glimmix in what you said on Friday.").first)
        #expect(taking.code == "empathy.perspective-taking")
    }

    @Test func aRuleSubcodeIsLeftAsTheRulesGaveIt() throws {
        let hybrid = HybridCoder(codebook: relationship, model: Self.model)
        let rules = HybridCoder(codebook: relationship, model: nil)
        let text = "SW: That sounds really frightening for you."
        let ruled = rules.code(row: text)
        #expect(ruled.map(\.code) == ["empathy.reflecting-feelings"])
        #expect(hybrid.code(row: text).map(\.code) == ["empathy.reflecting-feelings"])
    }

    @Test func aModelWithSubcodesReadsBackTheSameAndAVersionOneFileStillReads() throws {
        let text = Self.model.fileText
        #expect(text.hasPrefix("rapport-model\t2\n"))
        #expect(text.contains("\nsubcodes\t16\nsubcode\thostility.verbal-aggression\thostility\t0\t0\tuntrained\t0\n"))
        let read = try LearnedModel(fileBytes: Array(text.utf8), path: "m.model")
        #expect(read.fileText == text)
        let old = "rapport-model\t1\ncodebook\tx\ncodes\tempathy\ncode\tempathy\t3\ttrained\t0.6\t0\t-1\t-\t-\twords\n"
            + "features\t1\n00000000000000ff\t0.5\npassages\t0\n"
        let v1 = try LearnedModel(fileBytes: Array(old.utf8), path: "old.model")
        #expect(v1.subcodeModels.isEmpty && v1.codes == ["empathy"] && v1.weights == [0.5])
        #expect(v1.fileText.hasPrefix("rapport-model\t2\n"))
    }
}
