/// Agreement between two or more coders over the same segments, per code (coded / not coded)
/// and overall (the set of codes as one nominal value): percent agreement, Cohen's κ per pair,
/// Fleiss' κ, Krippendorff's α with a bootstrap interval, and the units they disagree on.
public struct CodingAgreement: Sendable {
    public struct Figures: Sendable {
        public var code: String
        public var units: Int
        public var percentAgreement: Double?
        /// Cohen's κ per pair of coders, in coder order.
        public var cohen: [(first: String, second: String, kappa: Double?)]
        public var fleiss: Double?
        public var alpha: Double?
        public var interval: (lower: Double, upper: Double)?
        public var verdict: Reliability { Reliability(alpha: alpha, lowerLimit: interval?.lower) }
        /// Units whose coders did not all agree, with each coder's value.
        public var disagreements: [(unit: Codings.Unit, values: [String?])]
    }

    public var coders: [String]
    /// One entry per code, then `overall`.
    public var figures: [Figures]

    /// Compares `codings` (one per coder) on the codes given (top-level ids).
    public init(_ codings: [Codings], codes: [String], bootstrapSamples: Int = 1000, seed: UInt64 = 20_240_101) {
        coders = codings.map(\.coder)
        var universe: Set<Codings.Unit> = []
        for c in codings { universe.formUnion(c.units.keys) }
        let units = universe.sorted()
        func value(_ c: Codings, _ unit: Codings.Unit) -> Set<String>? {
            if let codes = c.units[unit] { return codes }
            return c.paths.contains(unit.path) ? [] : nil
        }
        var figures: [Figures] = []
        for code in codes + ["overall"] {
            var rows: [(unit: String, values: [String?])] = []
            var disagreements: [(unit: Codings.Unit, values: [String?])] = []
            for unit in units {
                let values: [String?] = codings.map { c in
                    guard let set = value(c, unit) else { return nil }
                    if code == "overall" { return set.sorted().joined(separator: "+") }
                    return set.contains(code) ? "1" : "0"
                }
                rows.append((unit.id, values))
                if Set(values.compactMap { $0 }).count > 1 { disagreements.append((unit, values)) }
            }
            let data = try? ReliabilityData(coders: coders, rows: rows)
            var pairs: [(String, String, Double?)] = []
            for i in coders.indices {
                for j in coders.indices where j > i {
                    pairs.append((coders[i], coders[j], Cohen.kappa(rows.map { $0.values[i] }, rows.map { $0.values[j] })))
                }
            }
            figures.append(Figures(
                code: code, units: rows.filter { $0.values.compactMap { $0 }.count >= 2 }.count,
                percentAgreement: data.flatMap { PercentAgreement.pairwise($0) },
                cohen: pairs, fleiss: data.flatMap { Fleiss.kappa($0) },
                alpha: data.flatMap { Krippendorff.alpha($0, level: .nominal) },
                interval: data.flatMap { Krippendorff.bootstrap($0, level: .nominal, samples: bootstrapSamples, seed: seed) },
                disagreements: disagreements))
        }
        self.figures = figures
    }
}
