/// Fleiss' kappa, the chance-corrected agreement of a fixed number of raters sorting subjects into
/// nominal categories; reported alongside alpha because many readers know it better.
public enum Fleiss {
    /// Kappa from a subjects × categories table whose cell (i, j) counts the raters who put subject i
    /// in category j; every subject must be rated by the same number of raters n.
    ///
    /// κ = (P̄ − P_e) / (1 − P_e), with P̄ the mean proportion of agreeing rater pairs per subject and
    /// P_e = Σ_j p_j² from the overall category proportions p_j.
    ///
    /// - Returns: nil when kappa is undefined (P_e = 1: every rating falls in one category) or the table
    ///   is not valid: no subjects or categories, ragged rows, negative counts, rows with different
    ///   totals, or fewer than two raters per subject.
    public static func kappa(counts: [[Int]]) -> Double? {
        guard let categories = counts.first?.count, categories > 0,
              counts.allSatisfy({ $0.count == categories && $0.allSatisfy { $0 >= 0 } }),
              let raters = counts.first.map({ $0.reduce(0, +) }), raters >= 2,
              counts.allSatisfy({ $0.reduce(0, +) == raters })
        else { return nil }

        let n = Double(raters)
        let subjects = Double(counts.count)
        let agreement = counts.reduce(0.0) { sum, row in
            let pairs = row.reduce(0.0) { $0 + Double($1) * Double($1) } - n
            return sum + pairs / (n * (n - 1))
        }
        let meanAgreement = agreement / subjects
        let chance = (0..<categories).reduce(0.0) { sum, category in
            let proportion = Double(counts.reduce(0) { $0 + $1[category] }) / (subjects * n)
            return sum + proportion * proportion
        }
        guard chance < 1 else { return nil }
        return (meanAgreement - chance) / (1 - chance)
    }

    /// Kappa from a reliability matrix treated as nominal: only units coded by every coder count, the
    /// categories are the distinct labels among them, and the raters are the coders.
    ///
    /// - Returns: nil when there are fewer than two coders, no unit coded by all of them, or kappa is
    ///   undefined (a single category in use).
    public static func kappa(_ data: ReliabilityData) -> Double? {
        let complete = data.units.compactMap { unit -> [String]? in
            let labels = unit.values.compactMap { $0 }
            return labels.count == unit.values.count ? labels : nil
        }
        let categories = Set(complete.joined()).sorted()
        let index = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($0.element, $0.offset) })
        let counts = complete.map { labels in
            var row = [Int](repeating: 0, count: categories.count)
            for label in labels {
                if let position = index[label] { row[position] += 1 }
            }
            return row
        }
        return kappa(counts: counts)
    }
}
