import Testing
import Reports

@Suite("Reliability data")
struct ReliabilityDataTests {
    @Test("rejects a row whose width differs from the coder count")
    func rowWidth() {
        #expect(throws: ReliabilityDataError.rowWidth(unit: "u2", expected: 2, found: 3)) {
            try ReliabilityData(coders: ["A", "B"], rows: [
                (unit: "u1", values: ["x", nil]),
                (unit: "u2", values: ["x", "y", "z"]),
            ])
        }
    }

    @Test("numeric rows keep numbers readable at every level")
    func numericRows() throws {
        let data = try ReliabilityData(coders: ["A", "B"], rows: [(unit: "1", values: [1.5, nil])])
        #expect(data.isNumeric)
        #expect(data.units[0].values == ["1.5", nil])
    }

    @Test("coder columns by index and name")
    func coderColumns() throws {
        let data = try AgreementFixtures.labelData(columns: [["a", nil], ["b", "c"]])
        #expect(data.values(ofCoder: 1) == ["b", "c"])
        #expect(data.values(ofCoder: "A") == ["a", nil])
        #expect(data.values(ofCoder: "Z") == nil)
        #expect(data.values(ofCoder: 5) == [])
    }

    @Test("non-finite labels are not numeric")
    func nonFinite() throws {
        let data = try AgreementFixtures.labelData(columns: [["1", "nan"], ["2", "3"]])
        #expect(data.isNumeric == false)
    }
}
