import Testing
import Reports

@Suite("Percent agreement")
struct PercentAgreementTests {
    @Test("pools agreeing pairs over units with two or more values")
    func pairwise() throws {
        let data = try AgreementFixtures.labelData(columns: [
            ["a", "a", "a", nil],
            ["a", "b", nil, nil],
            ["a", nil, nil, "c"],
        ])
        // Unit 1: 3 of 3 pairs agree; unit 2: 0 of 1; units 3 and 4 have one value each.
        #expect(PercentAgreement.pairwise(data) == 0.75)
    }

    @Test("is nil when no unit has two values")
    func undefined() throws {
        let data = try AgreementFixtures.labelData(columns: [["a", nil], [nil, "b"]])
        #expect(PercentAgreement.pairwise(data) == nil)
        #expect(PercentAgreement.pairwise(try ReliabilityData(coders: [], units: [])) == nil)
    }

    @Test("the paper example")
    func paperExample() throws {
        // Pairs per pairable unit: 3,6,6,6,6,6,6,6,6,3,1 = 55; agreeing: 3,3,6,6,6,0,6,3,6,3,1 = 43.
        let data = try AgreementFixtures.krippendorff2011()
        #expect(PercentAgreement.pairwise(data) == 43.0 / 55.0)
    }
}
