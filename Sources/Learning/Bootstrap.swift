import Coding

/// Percentile bootstrap (seeded) of κ, precision and recall of yes/no decisions against labels.
struct Bootstrap {
    var kappa: CrossValidation.Interval?
    var precision: CrossValidation.Interval?
    var recall: CrossValidation.Interval?

    init(decided: [Bool], labels: [Bool], resamples: Int, seed: UInt64) {
        var full = Evaluation.CodeScore(code: "")
        for (d, l) in zip(decided, labels) { full.add(predicted: d, gold: l) }
        var kappas: [Double] = [], precisions: [Double] = [], recalls: [Double] = []
        var generator = SeededGenerator(seed: seed)
        let n = decided.count
        for _ in 0..<(n == 0 ? 0 : resamples) {
            var counts = Evaluation.CodeScore(code: "")
            for _ in 0..<n {
                let i = Int(generator.next() % UInt64(n))
                counts.add(predicted: decided[i], gold: labels[i])
            }
            if let k = counts.kappa { kappas.append(k) }
            if let p = counts.precision { precisions.append(p) }
            if let r = counts.recall { recalls.append(r) }
        }
        kappa = Self.interval(full.kappa, kappas)
        precision = Self.interval(full.precision, precisions)
        recall = Self.interval(full.recall, recalls)
    }

    static func interval(_ value: Double?, _ samples: [Double]) -> CrossValidation.Interval? {
        guard let value else { return nil }
        guard !samples.isEmpty else { return CrossValidation.Interval(value: value, lower: value, upper: value) }
        let sorted = samples.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, max(0, Int((q * Double(sorted.count - 1)).rounded())))] }
        return CrossValidation.Interval(value: value, lower: at(0.025), upper: at(0.975))
    }
}
