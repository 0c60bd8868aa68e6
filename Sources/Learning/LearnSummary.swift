/// What `rapport learn` prints: per code, what there was to learn from and what the folds of the
/// training passages say about rules alone against rules plus model.
public enum LearnSummary {
    public static func text(_ model: LearnedModel) -> String {
        var out = "learned from \(model.passages.count) passages; \(model.featureKeys.count) features\n"
        out += "code        passages  fold kappa rules  fold kappa hybrid  adds at  vetoes below  model reads\n"
        for m in model.codeModels {
            let name = m.code.padding(toLength: 10, withPad: " ", startingAt: 0)
            guard m.trained else {
                out += "\(name)  \(pad(String(m.positives), 8))  learned nothing: \(m.positives == 0 ? "no passage has this code" : "every passage has this code")\n"
                continue
            }
            out += "\(name)  \(pad(String(m.positives), 8))  \(pad(fixed(m.foldKappaRules), 16))  \(pad(fixed(m.foldKappaHybrid), 17))"
            out += "  \(pad(m.addThreshold > 1 ? "never" : fixed(m.addThreshold), 7))  \(pad(m.vetoThreshold == 0 ? "never" : fixed(m.vetoThreshold), 12))  \(m.stacked ? "words+rules" : "words")\n"
        }
        out += "(fold kappas are out-of-fold figures on the training passages, used to choose the thresholds: not held-out)\n"
        let learned = model.subcodeModels.filter(\.trained)
        if model.subcodeModels.isEmpty {
            out += "sub-codes: none in the codebook\n"
        } else if learned.isEmpty {
            out += "sub-codes: learned none (no code has passages the team sub-coded two ways)\n"
        } else {
            out += "sub-codes learned (passages with it / sub-coded under its code): "
            out += learned.map { "\($0.code) \($0.positives)/\($0.subcoded)" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    static func fixed(_ x: Double?) -> String {
        guard let x else { return "-" }
        let scaled = Int((abs(x) * 1000).rounded())
        let digits = String(scaled % 1000)
        return (x < 0 && scaled > 0 ? "-" : "") + "\(scaled / 1000)." + String(repeating: "0", count: 3 - digits.count) + digits
    }

    static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
