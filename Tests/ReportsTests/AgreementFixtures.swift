import Reports

/// Reference data shared by the agreement tests.
enum AgreementFixtures {
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers,
    /// twelve units, missing values; unit 12 has a single value and is not pairable.
    static func krippendorff2011() throws -> ReliabilityData {
        let columns: [[Double?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
        ]
        return try numericData(columns: columns)
    }

    /// Builds a matrix from one column of values per coder (coders named A, B, C …, units 1, 2, 3 …).
    static func numericData(columns: [[Double?]]) throws -> ReliabilityData {
        let coders = columns.indices.map { String(UnicodeScalar(UInt8(65 + $0))) }
        let unitCount = columns.first?.count ?? 0
        let rows = (0..<unitCount).map { unit in
            (unit: String(unit + 1), values: columns.map { $0[unit] })
        }
        return try ReliabilityData(coders: coders, rows: rows)
    }

    /// Builds a matrix of labels from one column per coder.
    static func labelData(columns: [[String?]]) throws -> ReliabilityData {
        let coders = columns.indices.map { String(UnicodeScalar(UInt8(65 + $0))) }
        let unitCount = columns.first?.count ?? 0
        let rows = (0..<unitCount).map { unit in
            (unit: String(unit + 1), values: columns.map { $0[unit] })
        }
        return try ReliabilityData(coders: coders, rows: rows)
    }

    /// `value` rounded to `places` decimals, for comparing with published figures.
    static func rounded(_ value: Double?, _ places: Int) -> Double? {
        guard let value else { return nil }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
