import Foundation

/// L2-regularised logistic regression for one code, fitted by stochastic gradient descent in a
/// seeded order with a fixed number of epochs (Bottou's step schedule), so the same rows give
/// the same weights.
struct LogisticRegression {
    var weights: [Double]
    var bias: Double

    /// Regularisation strength per row (`1 / (C · n)` in scikit-learn's terms).
    static func fit(
        rows: [[Feature]], labels: [Bool], using subset: [Int], dimension: Int, c: Double = 4, epochs: Int = 25,
        seed: UInt64
    ) -> LogisticRegression {
        var v = [Double](repeating: 0, count: dimension)
        var scale = 1.0
        var bias = 0.0
        let n = max(subset.count, 1)
        let lambda = 1 / (c * Double(n))
        let eta0 = 0.5
        var t = 0.0
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<epochs {
            let order = generator.permutation(subset.count)
            for k in order {
                let row = subset[k]
                let eta = eta0 / (1 + lambda * eta0 * t)
                var z = bias
                for f in rows[row] { z += scale * v[Int(f.index)] * Double(f.value) }
                let g = sigmoid(z) - (labels[row] ? 1 : 0)
                scale *= 1 - eta * lambda
                if scale < 1e-9 {
                    for j in v.indices { v[j] *= scale }
                    scale = 1
                }
                let step = eta * g / scale
                for f in rows[row] { v[Int(f.index)] -= step * Double(f.value) }
                bias -= eta * g * 0.5
                t += 1
            }
        }
        return LogisticRegression(weights: v.map { $0 * scale }, bias: bias)
    }

    func probability(_ row: [Feature]) -> Double {
        var z = bias
        for f in row { z += weights[Int(f.index)] * Double(f.value) }
        return Self.sigmoid(z)
    }

    static func sigmoid(_ z: Double) -> Double { 1 / (1 + exp(-z)) }
}
