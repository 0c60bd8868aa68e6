import Coding
import Foundation
@testable import Learning
import Testing
import Transcripts

/// The static embedding as a design per code: chosen on folds when words cannot generalise.
@Suite struct EmbeddingDesignTests {
    /// A codebook without cues, so only the model can give the code.
    static let bare: Codebook = {
        do {
            return try Codebook.load(yaml: "name: bare\ncodes:\n  - {id: hostility, name: Hostility}\n", source: "bare.yaml")
        } catch { fatalError("\(error)") }
    }()

    /// Each hostile passage uses a different anger word and each neutral one a different
    /// household word, so no word is in two passages: word features cannot learn, meaning can.
    static let coding: [TrainingPassage] = {
        let angry = ["furious", "livid", "enraged", "hateful", "vicious", "aggressive", "violent", "abusive", "hostile",
                     "threatening", "menacing", "cruel", "spiteful", "vindictive", "savage", "brutal", "irate", "wrathful",
                     "raging", "fuming", "incensed", "seething", "infuriated", "outraged", "belligerent", "combative",
                     "venomous", "malicious", "antagonistic", "bitter"]
        let calm = ["teapot", "curtain", "spoon", "cupboard", "carpet", "window", "kettle", "blanket", "pillow", "saucer",
                    "drawer", "shelf", "doormat", "lampshade", "toaster", "bathtub", "mattress", "sideboard", "armchair",
                    "wardrobe", "sofa", "table", "napkin", "tablecloth", "fridge", "freezer", "oven", "sink", "radiator", "chimney"]
        return angry.indices.flatMap { n in
            [TrainingPassage(text: "Client: \(angry[n])", codes: ["hostility"], id: "a\(n)", source: "synthetic", coder: "ann"),
             TrainingPassage(text: "Client: \(calm[n])", codes: [], id: "c\(n)", source: "synthetic", coder: "ann")]
        }
    }()

    @Test func theEmbeddingDesignWinsWhereWordsCannotAndIsRecorded() throws {
        var options = LearnedModel.TrainingOptions()
        options.embeddings = minilm
        let model = LearnedModel.train(Self.coding, codebook: Self.bare, options: options)
        let hostility = try #require(model.codeModels.first)
        #expect(hostility.embedding)
        #expect(model.embeddingChecksum == minilm.checksum)
        #expect(model.fileText.contains("\nembeddings\tminilm-l6-v2\t\(minilm.checksum)\n"))
        #expect(model.fileText.contains("\tembedding\n"))
        let read = try LearnedModel(fileBytes: Array(model.fileText.utf8), path: "m.model")
        #expect(read.embeddingChecksum == minilm.checksum)
        #expect(read.codeModels == model.codeModels)

        // Words the training never saw: the hybrid gives hostility to the angry one only.
        let hybrid = HybridCoder(codebook: Self.bare, model: read)
        let coded = hybrid.code(row: "Client: ferocious")
        #expect(coded.map(\.code) == ["hostility"])
        #expect(coded.first?.evidence?.matched.contains("(embedding)") == true)
        #expect(hybrid.code(row: "Client: dishwasher").isEmpty)
    }

    @Test func withoutATableNoCodeReadsEmbeddings() {
        var options = LearnedModel.TrainingOptions()
        options.embeddings = nil
        let model = LearnedModel.train(Self.coding, codebook: Self.bare, options: options)
        #expect(model.codeModels.allSatisfy { !$0.embedding })
        #expect(model.embeddingChecksum == nil)
        #expect(!model.fileText.contains("embeddings"))
    }

    @Test func aModelForAnotherTableIsRefused() throws {
        var options = LearnedModel.TrainingOptions()
        options.embeddings = minilm
        let text = LearnedModel.train(Self.coding, codebook: Self.bare, options: options).fileText
            .replacingOccurrences(of: minilm.checksum, with: String(repeating: "a", count: 64))
        #expect(throws: Diagnostic.self) { try LearnedModel(fileBytes: Array(text.utf8), path: "other.model") }
        do {
            _ = try LearnedModel(fileBytes: Array(text.utf8), path: "other.model")
        } catch {
            #expect(error.line == 4)
            #expect(error.message.contains("trained with another minilm-l6-v2 table"))
        }
    }
}
