import Foundation
import Reports
import Testing

/// Cross-checks ``Krippendorff/alpha(_:level:)`` against the PyPI package `krippendorff` on random
/// matrices; needs `python3` with `pip install krippendorff` and fails, rather than skips, without it.
@Suite("Krippendorff's alpha against the Python krippendorff package")
struct KrippendorffReferenceTests {
    private struct Request: Encodable {
        /// Each matrix as coders × units, the package's orientation.
        var matrices: [[[Double?]]]
    }

    private struct Response: Decodable {
        var alphas: [[String: Double?]]
    }

    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("krippendorff_reference.py")

    @Test("agrees to 1e-9 on 300 random matrices at every level")
    func agreesWithPython() throws {
        let matrices = Self.randomMatrices(count: 300, seed: 2011)
        guard let reference = try Self.runReference(matrices) else { return }
        try #require(reference.count == matrices.count)

        var defined = 0
        var undefined = 0
        for (index, (columns, expected)) in zip(matrices, reference).enumerated() {
            let data = try AgreementFixtures.numericData(columns: columns)
            for level in MeasurementLevel.allCases {
                let swift = Krippendorff.alpha(data, level: level)
                let python = expected[level.rawValue] ?? nil
                switch (swift, python) {
                case let (swift?, python?):
                    defined += 1
                    #expect(abs(swift - python) <= 1e-9, "matrix \(index), \(level): Swift \(swift), Python \(python)")
                case (nil, nil):
                    undefined += 1
                default:
                    Issue.record("matrix \(index), \(level): Swift \(String(describing: swift)), Python \(String(describing: python))")
                }
            }
        }
        // The generator must exercise both outcomes for the comparison to mean anything.
        #expect(defined > 900)
        #expect(undefined > 0)
    }

    /// Random coders × units matrices: 2–6 coders, 5–40 units, values 1…k for k in 1…5, some missing.
    /// Coders usually copy a unit's "true" value, so alphas spread from negative to 1; k = 1 and sparse
    /// matrices produce undefined alphas.
    private static func randomMatrices(count: Int, seed: UInt64) -> [[[Double?]]] {
        var generator = SplitMix64(seed: seed)
        func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        return (0..<count).map { _ in
            let coders = 2 + generator.nextInt(below: 5)
            let units = 5 + generator.nextInt(below: 36)
            let largest = [1, 2, 3, 4, 5, 5, 5, 5][generator.nextInt(below: 8)]
            let missing = [0.0, 0.1, 0.25, 0.5, 0.8][generator.nextInt(below: 5)]
            let faithful = uniform()
            let truth = (0..<units).map { _ in 1 + generator.nextInt(below: largest) }
            return (0..<coders).map { _ in
                truth.map { value -> Double? in
                    if uniform() < missing { return nil }
                    return Double(uniform() < faithful ? value : 1 + generator.nextInt(below: largest))
                }
            }
        }
    }

    /// Runs the reference script with `matrices` as JSON on stdin and returns its alphas by level, or
    /// records an issue and returns nil when Python or the package is unavailable.
    private static func runReference(_ matrices: [[[Double?]]]) throws -> [[String: Double?]]? {
        let input = FileManager.default.temporaryDirectory
            .appendingPathComponent("krippendorff-reference-\(UUID().uuidString).json")
        try JSONEncoder().encode(Request(matrices: matrices)).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        process.standardInput = try FileHandle(forReadingFrom: input)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        switch process.terminationStatus {
        case 0:
            return try JSONDecoder().decode(Response.self, from: stdout).alphas
        case 3:
            Issue.record("""
                The Python package 'krippendorff' is not installed for python3, so alpha cannot be \
                cross-checked. Install it with `pip install krippendorff`. \(stderr)
                """)
        default:
            Issue.record("""
                `python3 \(script.path)` failed with status \(process.terminationStatus) \
                (is python3 with numpy on PATH?): \(stderr)
                """)
        }
        return nil
    }
}
