import Coding

/// The text `rapport evaluate` prints: per-code precision, recall, F1, κ and support, macro-F1,
/// exact match per phenomenon, and (optionally) every disagreement with its evidence.
public enum EvaluationReport {
    public static func text(_ evaluation: Evaluation, errors: Bool) -> String {
        var rows: [[String]] = [["code", "precision", "recall", "F1", "kappa", "support"]]
        for c in evaluation.codes {
            rows.append([c.code, fmt(c.precision), fmt(c.recall), fmt(c.f1), fmt(c.kappa), String(c.support)])
        }
        var out = TextTable.render(rows, rightAligned: [1, 2, 3, 4, 5])
        out += "macro-F1 \(fmt(evaluation.macroF1)) over \(evaluation.outcomes.count) rows; "
        let exact = evaluation.outcomes.filter(\.exact).count
        out += "exact match \(exact)/\(evaluation.outcomes.count)\n\n"
        var phen: [[String]] = [["phenomenon", "rows", "exact match"]]
        for p in evaluation.byPhenomenon { phen.append([p.phenomenon.isEmpty ? "-" : p.phenomenon, String(p.rows), fmt(p.exact)]) }
        out += TextTable.render(phen, rightAligned: [1, 2])
        if errors {
            out += "\nDisagreements:\n"
            for o in evaluation.outcomes where !o.exact {
                let gold = o.row.codes.sorted().joined(separator: ",")
                let got = o.predicted.sorted().joined(separator: ",")
                out += "\(o.row.id) [\(o.row.phenomenon)] gold {\(gold)} rapport {\(got)}\n  \(o.row.text)\n"
                for a in o.annotations {
                    if let ev = a.evidence {
                        out += "    \(a.code) ← '\(ev.matched)' (cue '\(ev.cue)', \(ev.rule); negation: \(ev.negation); \(ev.actor))\n"
                    }
                }
            }
        }
        return out
    }

    static func fmt(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "n/a" }
        return Decimal3.string(value)
    }
}

/// Three-decimal, locale-free formatting for printed figures.
public enum Decimal3 {
    public static func string(_ value: Double) -> String {
        let scaled = (value * 1000).rounded()
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        let frac = magnitude % 1000
        let fracText = frac < 10 ? "00\(frac)" : frac < 100 ? "0\(frac)" : "\(frac)"
        return (negative ? "-" : "") + "\(magnitude / 1000).\(fracText)"
    }
}
