import Coding

/// Cohen's κ of yes/no decisions against labels (nil when undefined: chance agreement is total).
enum Kappa {
    static func of(_ decided: [Bool], _ labels: [Bool]) -> Double? {
        var counts = Evaluation.CodeScore(code: "")
        for (d, l) in zip(decided, labels) { counts.add(predicted: d, gold: l) }
        return counts.kappa
    }
}
