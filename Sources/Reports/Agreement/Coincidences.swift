/// The pairable values of a reliability matrix tabulated per unit over a sorted value domain;
/// Krippendorff's alpha is computed from it, and the bootstrap recomputes it on resampled units
/// without re-reading labels.
struct Coincidences: Sendable {
    /// How many coders gave one value (by its index in the domain) within one unit.
    struct Cell: Sendable {
        var value: Int
        var count: Int
    }

    let level: MeasurementLevel
    /// The distinct values found in pairable units, ascending. Nominal labels have no numeric
    /// position, so for them this holds the indices 0, 1, 2 … in label order.
    let domain: [Double]
    /// One entry per pairable unit (two or more values), its non-zero value counts.
    let units: [[Cell]]

    /// Tabulates `data` for `level`; nil when a numeric level meets a label that is not a number.
    init?(_ data: ReliabilityData, level: MeasurementLevel) {
        self.level = level
        if level.isNumeric {
            var rows: [[Double]] = []
            for unit in data.units {
                var row: [Double] = []
                for label in unit.values {
                    guard let label else { continue }
                    guard let number = ReliabilityData.number(label) else { return nil }
                    row.append(number)
                }
                rows.append(row)
            }
            (domain, units) = Self.tabulate(rows)
        } else {
            let (labels, units) = Self.tabulate(data.units.map { $0.values.compactMap { $0 } })
            domain = labels.indices.map(Double.init)
            self.units = units
        }
    }

    /// Drops units with fewer than two values, sorts the remaining distinct values and counts
    /// each unit's values against them.
    private static func tabulate<Value: Hashable & Comparable>(_ rows: [[Value]]) -> (domain: [Value], units: [[Cell]]) {
        let pairable = rows.filter { $0.count >= 2 }
        let domain = Set(pairable.joined()).sorted()
        let index = Dictionary(uniqueKeysWithValues: domain.enumerated().map { ($0.element, $0.offset) })
        let units = pairable.map { row in
            var counts: [Int: Int] = [:]
            for value in row {
                if let position = index[value] { counts[position, default: 0] += 1 }
            }
            return counts.sorted { $0.key < $1.key }.map { Cell(value: $0.key, count: $0.value) }
        }
        return (domain, units)
    }

    /// Alpha over the units at `selection` (indices into ``units``, repeats allowed), or nil when
    /// there are fewer than two pairable values or no expected disagreement (a single value in use).
    ///
    /// Follows Krippendorff (2011): coincidences o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1),
    /// marginals n_c, and α = 1 − D_o / D_e with D_o = Σ o_ck δ²_ck and
    /// D_e = Σ n_c n_k δ²_ck / (n − 1).
    func alpha(of selection: some Sequence<Int>) -> Double? {
        let size = domain.count
        var coincidences = [Double](repeating: 0, count: size * size)
        var marginals = [Int](repeating: 0, count: size)
        for unitIndex in selection {
            let cells = units[unitIndex]
            let pairable = Double(cells.reduce(0) { $0 + $1.count } - 1)
            for first in cells {
                marginals[first.value] += first.count
                for second in cells {
                    let pairs = first.count * (second.count - (first.value == second.value ? 1 : 0))
                    coincidences[first.value * size + second.value] += Double(pairs) / pairable
                }
            }
        }
        let total = marginals.reduce(0, +)
        guard total >= 2 else { return nil }

        let distance = distances(marginals: marginals)
        var observed = 0.0
        var expected = 0.0
        for c in 0..<size {
            for k in 0..<size where k != c {
                let delta = distance(c, k)
                observed += coincidences[c * size + k] * delta
                expected += Double(marginals[c]) * Double(marginals[k]) * delta
            }
        }
        expected /= Double(total - 1)
        guard expected > 0 else { return nil }
        return 1 - observed / expected
    }

    /// The squared distance δ² between domain values at two indices for this level; ordinal
    /// distances depend on the marginals, so they are rebuilt for every selection.
    private func distances(marginals: [Int]) -> (Int, Int) -> Double {
        switch level {
        case .nominal:
            return { c, k in c == k ? 0 : 1 }
        case .ordinal:
            // cumulative[i] = Σ_{g < i} n_g, so Σ_{g = c…k} n_g = cumulative[k + 1] − cumulative[c].
            var cumulative = [0]
            for count in marginals { cumulative.append((cumulative.last ?? 0) + count) }
            return { c, k in
                let (low, high) = (min(c, k), max(c, k))
                let between = Double(cumulative[high + 1] - cumulative[low])
                let difference = between - Double(marginals[low] + marginals[high]) / 2
                return difference * difference
            }
        case .interval:
            let values = domain
            return { c, k in
                let difference = values[c] - values[k]
                return difference * difference
            }
        case .ratio:
            let values = domain
            return { c, k in
                // Matches the reference implementations: two values summing to zero are at distance 0.
                let sum = values[c] + values[k]
                guard sum != 0 else { return 0 }
                let relative = (values[c] - values[k]) / sum
                return relative * relative
            }
        }
    }
}
