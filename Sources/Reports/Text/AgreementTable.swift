/// Agreement figures for the terminal, three decimals, with the reliability verdict judged by the
/// lower limit of α's 95% interval (≥ 0.800 reliable, ≥ 0.667 tentative, below unreliable).
public enum AgreementTable {
    public static func text(_ agreement: CodingAgreement, disagreements: Bool) -> String {
        var out = "Coders: \(agreement.coders.joined(separator: ", "))\n"
        var rows = [["code", "units", "% agree", "Cohen κ", "Fleiss κ", "α", "α 95% CI", "verdict"]]
        for f in agreement.figures {
            let cohen = f.cohen.compactMap(\.kappa)
            let cohenText = cohen.isEmpty ? "undefined"
                : (f.cohen.count == 1 ? fmt(cohen[0]) : fmt(cohen.reduce(0, +) / Double(cohen.count)) + " (mean)")
            rows.append([f.code, String(f.units), fmt(f.percentAgreement), cohenText, fmt(f.fleiss), fmt(f.alpha),
                         f.interval.map { "[\(fmt($0.lower)), \(fmt($0.upper))]" } ?? "-", f.verdict.rawValue])
        }
        out += TextTable.render(rows, rightAligned: [1, 2, 3, 4, 5])
        out += "α: Krippendorff's alpha (nominal), bootstrap interval over units; 'undefined' when a code has no variation.\n"
        out += "verdict: by the interval's lower limit (≥ 0.800 reliable, ≥ 0.667 tentative, below unreliable).\n"
        if agreement.coders.count > 2 {
            out += "\nCohen's κ per pair\n"
            var pairs = [["code", "coders", "κ"]]
            for f in agreement.figures { for p in f.cohen { pairs.append([f.code, "\(p.first) / \(p.second)", fmt(p.kappa)]) } }
            out += TextTable.render(pairs, rightAligned: [2])
        }
        if disagreements {
            out += "\nDisagreements (unit: value per coder)\n"
            for f in agreement.figures where f.code != "overall" {
                for d in f.disagreements {
                    out += "\(f.code)  \(d.unit.id)  " + d.values.map { $0 ?? "·" }.joined(separator: " ") + "\n"
                }
            }
        }
        return out
    }

    /// Figures of a reliability table (`--table`): α at the chosen level, Fleiss' κ, pairwise Cohen's κ.
    public static func text(table data: ReliabilityData, level: MeasurementLevel) -> String {
        let alpha = Krippendorff.alpha(data, level: level)
        var out = "Units: \(data.units.count), coders: \(data.coders.joined(separator: ", "))\n"
        let interval = Krippendorff.bootstrap(data, level: level, samples: 1000, seed: 20_240_101)
        out += "Krippendorff's α (\(level.rawValue)): \(fmt(alpha))  [\(Reliability(alpha: alpha, lowerLimit: interval?.lower).rawValue)]\n"
        if let ci = interval {
            out += "α 95% bootstrap interval: [\(fmt(ci.lower)), \(fmt(ci.upper))]\n"
        }
        out += "Percent agreement: \(fmt(PercentAgreement.pairwise(data)))\n"
        out += "Fleiss' κ (units coded by every coder): \(fmt(Fleiss.kappa(data)))\n"
        for i in data.coders.indices {
            for j in data.coders.indices where j > i {
                out += "Cohen's κ \(data.coders[i]) / \(data.coders[j]): \(fmt(Cohen.kappa(data.values(ofCoder: i), data.values(ofCoder: j))))\n"
            }
        }
        return out
    }

    static func fmt(_ v: Double?) -> String { v.map { Decimal3.string($0) } ?? "undefined" }
}
