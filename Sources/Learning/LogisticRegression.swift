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
        // The rows in use, flattened (offsets, indices, values) so the epochs run over plain
        // memory: the same arithmetic in the same order as over `[[Feature]]`, several times faster.
        var offsets = [Int](repeating: 0, count: subset.count + 1)
        var indices: [Int] = []
        var values: [Double] = []
        var targets = [Double](repeating: 0, count: subset.count)
        for (k, row) in subset.enumerated() {
            for f in rows[row] {
                indices.append(Int(f.index))
                values.append(Double(f.value))
            }
            offsets[k + 1] = indices.count
            targets[k] = labels[row] ? 1 : 0
        }
        var v = [Double](repeating: 0, count: dimension)
        var scale = 1.0
        var bias = 0.0
        let n = max(subset.count, 1)
        let lambda = 1 / (c * Double(n))
        let eta0 = 0.5
        var t = 0.0
        var generator = SeededGenerator(seed: seed)
        let orders = (0..<epochs).map { _ in generator.permutation(subset.count) }
        offsets.withUnsafeBufferPointer { offsets in
            indices.withUnsafeBufferPointer { indices in
                values.withUnsafeBufferPointer { values in
                    v.withUnsafeMutableBufferPointer { v in
                        let offsets = offsets.baseAddress!, indices = indices.baseAddress!, values = values.baseAddress!
                        let w = v.baseAddress!
                        for order in orders {
                            for k in order {
                                let eta = eta0 / (1 + lambda * eta0 * t)
                                let from = offsets[k], to = offsets[k + 1]
                                var z = bias
                                var j = from
                                while j < to {
                                    z += scale * w[indices[j]] * values[j]
                                    j += 1
                                }
                                let g = sigmoid(z) - targets[k]
                                scale *= 1 - eta * lambda
                                if scale < 1e-9 {
                                    for d in 0..<dimension { w[d] *= scale }
                                    scale = 1
                                }
                                let step = eta * g / scale
                                j = from
                                while j < to {
                                    w[indices[j]] -= step * values[j]
                                    j += 1
                                }
                                bias -= eta * g * 0.5
                                t += 1
                            }
                        }
                    }
                }
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
