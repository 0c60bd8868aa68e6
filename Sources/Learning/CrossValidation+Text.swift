extension CrossValidation {
    /// The estimate as a table, with a plain-words verdict per code.
    public var text: String {
        var out = "cross-validated over \(passages) passages in \(folds) folds (each scored by a model trained on the other folds)\n"
        out += "code        kappa  95% interval   precision  95% interval   recall  95% interval   rules kappa  support\n"
        for c in codes {
            out += c.code.padding(toLength: 10, withPad: " ", startingAt: 0)
            out += "  " + LearnSummary.pad(LearnSummary.fixed(c.kappa?.value), 5) + "  " + Self.range(c.kappa)
            out += "  " + LearnSummary.pad(LearnSummary.fixed(c.precision?.value), 9) + "  " + Self.range(c.precision)
            out += "  " + LearnSummary.pad(LearnSummary.fixed(c.recall?.value), 6) + "  " + Self.range(c.recall)
            out += "  " + LearnSummary.pad(LearnSummary.fixed(c.rulesKappa), 11) + "  " + LearnSummary.pad(String(c.support), 7) + "\n"
        }
        out += "\n"
        for c in codes {
            if c.tooFewToJudge && c.kappa != nil {
                out += "\(c.code): too few coded passages to judge (\(c.support) < \(CodeEstimate.minimumSupport)): code more before trusting it\n"
            } else if c.reliable {
                out += "\(c.code): reliable enough to use unreviewed (kappa lower bound \(LearnSummary.fixed(c.kappa?.lower)) >= 0.667)\n"
            } else if let k = c.kappa {
                out += "\(c.code): not reliable enough to use unreviewed (kappa lower bound \(LearnSummary.fixed(k.lower)) < 0.667): review its codes\n"
            } else {
                out += "\(c.code): no estimate (no passage has this code, or every one)\n"
            }
        }
        return out
    }

    static func range(_ interval: Interval?) -> String {
        guard let interval else { return "            -" }
        return LearnSummary.pad(LearnSummary.fixed(interval.lower) + "-" + LearnSummary.fixed(interval.upper), 13)
    }
}
