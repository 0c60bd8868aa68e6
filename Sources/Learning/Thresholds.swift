import Coding

/// When the model overrides the rules for one code: it adds the code at `add` or above where the
/// rules gave none (and the speaker's role allows it), and removes a rule's code below `veto`.
struct Thresholds {
    var add: Double
    var veto: Double

    func decide(rule: Bool, probability: Double, allowed: Bool) -> Bool {
        rule ? probability >= veto : allowed && probability >= add
    }

    /// The same decision, asking for the probability only when it can change it: a probability
    /// lies in 0...1, so an add threshold above 1 never adds and a veto threshold of 0 never removes.
    func decide(rule: Bool, allowed: @autoclosure () -> Bool, probability: () -> Double) -> Bool {
        if rule { return veto <= 0 || probability() >= veto }
        return add <= 1 && allowed() && probability() >= add
    }

    static let addGrid: [Double] = stride(from: 0.20, through: 0.951, by: 0.05).map { $0 } + [2]
    static let minimumGain = 0.01
    static let vetoGrid: [Double] = [0, 0.02, 0.05, 0.1, 0.15, 0.2]

    /// The pair with the best κ on out-of-fold probabilities; ties go to the more cautious pair
    /// (higher add, lower veto), and "never" wins unless the model improves the rules' κ by at
    /// least `minimumGain` (so a gain at the level of noise does not switch the model on).
    static func choose(probabilities: [Double], rules: [Bool], allowed: [Bool], labels: [Bool]) -> Thresholds {
        var best = Thresholds(add: 2, veto: 0)
        var bestKappa = (Kappa.of(rules, labels) ?? -1) + minimumGain
        for veto in vetoGrid {
            for add in addGrid.reversed() {
                let t = Thresholds(add: add, veto: veto)
                var counts = Evaluation.CodeScore(code: "")
                for i in probabilities.indices {
                    counts.add(predicted: t.decide(rule: rules[i], probability: probabilities[i], allowed: allowed[i]), gold: labels[i])
                }
                if let kappa = counts.kappa, kappa > bestKappa + 1e-9 {
                    best = t
                    bestKappa = kappa
                }
            }
        }
        return best
    }
}
