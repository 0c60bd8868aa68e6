/// Raw pairwise percent agreement, the share of coder pairs that gave a unit the same value; not
/// chance-corrected, but easy to read next to alpha and kappa.
public enum PercentAgreement {
    /// The proportion (0…1) of agreeing pairs among all pairs of values within units, over units with
    /// two or more values. A unit with m values contributes m(m − 1)/2 pairs, so units coded by more
    /// coders weigh more. Labels are compared verbatim.
    ///
    /// - Returns: nil when no unit has two or more values.
    public static func pairwise(_ data: ReliabilityData) -> Double? {
        var pairs = 0
        var agreeing = 0
        for unit in data.units {
            let labels = unit.values.compactMap { $0 }
            guard labels.count >= 2 else { continue }
            pairs += labels.count * (labels.count - 1) / 2
            var counts: [String: Int] = [:]
            for label in labels { counts[label, default: 0] += 1 }
            agreeing += counts.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        }
        guard pairs > 0 else { return nil }
        return Double(agreeing) / Double(pairs)
    }
}
