import Coding
import Foundation
@testable import Learning
import Testing

/// Training reads a passage through `PassageView.features` and applying through
/// `AppliedModel.features` (one byte pass, flat table): if the two ever disagree, the model scores
/// features it was not trained on, and nothing else would notice.
@Suite("Training and applying read the same features")
struct FeatureParityTests {
    static let texts = [
        "SW: I can hear you're really angry, and that's okay.",
        "Mum: Get out of my house, I'm not signing your bloody agreement!",
        "The worker sits on the floor with Reece and they build a tower together; Dad watches from the doorway.",
        "SW: If you don't let me see the children today, I'll have to speak to my manager about court.",
        "Dad: Zoë’s fine — she’s upstairs. ÉLISE is with her, well-behaved, as ever; co-operative.",
        "SW: ok",
    ]

    @Test func bothBuildersGiveTheSameProbabilities() throws {
        let model = try LearnedModel(contentsOf: repositoryRoot.appendingPathComponent("Sources/Learning/Resources/relationship.model").path)
        let applied = AppliedModel(model, codebook: relationship)
        let coder = Coder(codebook: relationship)
        var compared = 0
        for text in Self.texts {
            let view = PassageView(row: text, coder: coder)
            let applying = applied.features(view)
            for rules in [true, false] {
                let training = view.features(lookup: { applied.table[$0] }, rules: rules)
                // A top-level code reads the rules' output; a sub-code reads words, roles and kind only.
                let columns = rules ? Array(model.codeModels.indices.filter { model.codeModels[$0].trained })
                    : model.subcodeModels.indices.filter { model.subcodeModels[$0].trained }.map { model.codes.count + $0 }
                for c in columns {
                    let bias = c < model.codes.count ? model.codeModels[c].bias : model.subcodeModels[c - model.codes.count].bias
                    var z = bias
                    for f in training { z += Double(f.value) * applied.weight(f.index, code: c) }
                    let p = applied.probability(applying, column: c, bias: bias, rules: rules)
                    #expect(abs(LogisticRegression.sigmoid(z) - p) < 1e-6, "\(text): column \(c), rules \(rules)")
                    compared += 1
                }
                if text.count > 10 { #expect(training.count > 2, "\(text): \(training.count) features") }
            }
        }
        #expect(compared > Self.texts.count * 4)
    }
}
