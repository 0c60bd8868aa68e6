import Testing
import Reports

@Suite("Fleiss' kappa")
struct FleissTests {
    /// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 5 categories, 14 raters.
    static let wikipedia = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]

    @Test("reproduces the Wikipedia worked example")
    func wikipediaExample() throws {
        let kappa = try #require(Fleiss.kappa(counts: Self.wikipedia))
        #expect(AgreementFixtures.rounded(kappa, 3) == 0.210)
        #expect(abs(kappa - 0.20993) < 0.00001)
    }

    @Test("is undefined when every rating falls in one category")
    func singleCategory() {
        #expect(Fleiss.kappa(counts: [[0, 3, 0], [0, 3, 0]]) == nil)
        #expect(Fleiss.kappa(counts: [[4], [4]]) == nil)
    }

    @Test("rejects tables that do not describe a fixed number of raters")
    func invalidTables() {
        #expect(Fleiss.kappa(counts: []) == nil)
        #expect(Fleiss.kappa(counts: [[]]) == nil)
        #expect(Fleiss.kappa(counts: [[1, 2], [2, 2]]) == nil)
        #expect(Fleiss.kappa(counts: [[1, 2], [3]]) == nil)
        #expect(Fleiss.kappa(counts: [[4, -1], [2, 1]]) == nil)
        #expect(Fleiss.kappa(counts: [[1, 0], [0, 1]]) == nil)
    }

    @Test("perfect agreement gives 1")
    func perfect() {
        #expect(Fleiss.kappa(counts: [[3, 0], [0, 3], [3, 0]]) == 1)
    }

    @Test("from a reliability matrix, counts only units every coder coded")
    func fromReliabilityData() throws {
        let data = try AgreementFixtures.labelData(columns: [
            ["a", "b", "a", "c", nil],
            ["a", "b", "b", "c", "a"],
            ["a", "a", "b", "c", "b"],
        ])
        // Complete units 1–4 over categories a, b, c.
        let expected = try #require(Fleiss.kappa(counts: [[3, 0, 0], [1, 2, 0], [1, 2, 0], [0, 0, 3]]))
        #expect(Fleiss.kappa(data) == expected)
    }

    @Test("from a reliability matrix, is nil without complete units or variety")
    func fromReliabilityDataUndefined() throws {
        let incomplete = try AgreementFixtures.labelData(columns: [["a", nil], [nil, "b"]])
        let uniform = try AgreementFixtures.labelData(columns: [["a", "a"], ["a", "a"]])
        let oneCoder = try AgreementFixtures.labelData(columns: [["a", "b"]])
        #expect(Fleiss.kappa(incomplete) == nil)
        #expect(Fleiss.kappa(uniform) == nil)
        #expect(Fleiss.kappa(oneCoder) == nil)
    }
}
