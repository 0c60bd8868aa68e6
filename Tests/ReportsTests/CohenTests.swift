import Testing
import Reports

@Suite("Cohen's kappa")
struct CohenTests {
    static let confusion = [[0, 4, 1], [0, 8, 0], [0, 1, 5]]

    @Test("reproduces the reference confusion matrix")
    func referenceMatrix() throws {
        let kappa = try #require(Cohen.kappa(confusion: Self.confusion))
        #expect(AgreementFixtures.rounded(kappa, 4) == 0.4842)
        #expect(abs(kappa - 107.0 / 221.0) < 1e-15)
    }

    @Test("from two coders' lists uses only units both coded")
    func fromLists() throws {
        // Unpack the confusion matrix into paired values, then add units only one coder coded.
        var first: [String?] = []
        var second: [String?] = []
        for (row, counts) in Self.confusion.enumerated() {
            for (column, count) in counts.enumerated() {
                first += Array(repeating: "c\(row)", count: count)
                second += Array(repeating: "c\(column)", count: count)
            }
        }
        first += ["c0", nil, nil]
        second += [nil, "c2", nil]
        let kappa = try #require(Cohen.kappa(first, second))
        #expect(AgreementFixtures.rounded(kappa, 4) == 0.4842)
    }

    @Test("from a reliability matrix's coder columns")
    func fromReliabilityData() throws {
        let data = try AgreementFixtures.labelData(columns: [["x", "y", "x", "y"], ["x", "y", "y", "y"]])
        let a = try #require(data.values(ofCoder: "A"))
        let b = try #require(data.values(ofCoder: "B"))
        // 2×2: [[1, 1], [0, 2]] → p_o = 3/4, p_e = (2·1 + 2·3)/16 = 1/2, κ = 1/2.
        #expect(Cohen.kappa(a, b) == 0.5)
        #expect(Cohen.kappa(confusion: [[1, 1], [0, 2]]) == 0.5)
    }

    @Test("is undefined when both coders use one and the same category")
    func undefined() {
        #expect(Cohen.kappa(confusion: [[5, 0], [0, 0]]) == nil)
        #expect(Cohen.kappa(["a", "a", nil], ["a", "a", "b"]) == nil)
    }

    @Test("rejects empty, non-square or negative matrices and mismatched lists")
    func invalidInput() {
        #expect(Cohen.kappa(confusion: []) == nil)
        #expect(Cohen.kappa(confusion: [[0, 0], [0, 0]]) == nil)
        #expect(Cohen.kappa(confusion: [[1, 2, 3], [4, 5, 6]]) == nil)
        #expect(Cohen.kappa(confusion: [[3, -1], [1, 3]]) == nil)
        #expect(Cohen.kappa(["a", "b"], ["a"]) == nil)
        #expect(Cohen.kappa(["a", nil], [nil, "b"]) == nil)
    }

    @Test("perfect agreement gives 1, systematic disagreement a negative kappa")
    func extremes() throws {
        #expect(Cohen.kappa(confusion: [[4, 0], [0, 6]]) == 1)
        let kappa = try #require(Cohen.kappa(confusion: [[0, 5], [5, 0]]))
        #expect(kappa < 0)
    }
}
