/// Cohen's kappa, the chance-corrected agreement between exactly two coders on nominal categories;
/// the customary figure when a study double-codes with two people.
public enum Cohen {
    /// Kappa from a square confusion matrix whose cell (i, j) counts units the first coder put in
    /// category i and the second in category j.
    ///
    /// κ = (p_o − p_e) / (1 − p_e), computed as (N·A − S) / (N² − S) with N units, A agreements on the
    /// diagonal and S = Σ_k row_k · column_k, which avoids rounding in the proportions.
    ///
    /// - Returns: nil when kappa is undefined (p_e = 1: both coders used one and the same category
    ///   throughout) or the matrix is empty, not square, has negative counts or sums to zero.
    public static func kappa(confusion: [[Int]]) -> Double? {
        let size = confusion.count
        guard size > 0,
              confusion.allSatisfy({ $0.count == size && $0.allSatisfy { $0 >= 0 } })
        else { return nil }

        let total = Double(confusion.reduce(0) { $0 + $1.reduce(0, +) })
        let agreements = Double((0..<size).reduce(0) { $0 + confusion[$1][$1] })
        let chance = (0..<size).reduce(0.0) { sum, category in
            let row = confusion[category].reduce(0, +)
            let column = confusion.reduce(0) { $0 + $1[category] }
            return sum + Double(row) * Double(column)
        }
        return kappa(total: total, agreements: agreements, chance: chance)
    }

    /// Kappa from two coders' values for the same units in the same order, using only units both
    /// coded; values are compared with `==`, so labels must match exactly to agree.
    ///
    /// - Returns: nil when the lists differ in length, no unit was coded by both, or kappa is undefined
    ///   (both coders used one and the same value throughout).
    public static func kappa<Value: Hashable>(_ first: [Value?], _ second: [Value?]) -> Double? {
        guard first.count == second.count else { return nil }
        var total = 0
        var agreements = 0
        var firstMarginals: [Value: Int] = [:]
        var secondMarginals: [Value: Int] = [:]
        for case let (a?, b?) in zip(first, second) {
            total += 1
            if a == b { agreements += 1 }
            firstMarginals[a, default: 0] += 1
            secondMarginals[b, default: 0] += 1
        }
        let chance = firstMarginals.reduce(0.0) { sum, entry in
            sum + Double(entry.value) * Double(secondMarginals[entry.key] ?? 0)
        }
        return kappa(total: Double(total), agreements: Double(agreements), chance: chance)
    }

    /// (N·A − S) / (N² − S), or nil when N is zero or N² = S (p_e = 1).
    private static func kappa(total: Double, agreements: Double, chance: Double) -> Double? {
        let denominator = total * total - chance
        guard total > 0, denominator > 0 else { return nil }
        return (total * agreements - chance) / denominator
    }
}
