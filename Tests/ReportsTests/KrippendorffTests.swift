import Testing
import Reports

@Suite("Krippendorff's alpha")
struct KrippendorffTests {
    @Test("reproduces Krippendorff (2011) at every level", arguments: [
        (MeasurementLevel.nominal, 0.743),
        (.ordinal, 0.815),
        (.interval, 0.849),
        (.ratio, 0.797),
    ])
    func paperExample(level: MeasurementLevel, expected: Double) throws {
        let data = try AgreementFixtures.krippendorff2011()
        #expect(AgreementFixtures.rounded(Krippendorff.alpha(data, level: level), 3) == expected)
    }

    @Test("reproduces the krippendorff package's documented example with missing values")
    func packageDocstringExample() throws {
        let data = try AgreementFixtures.numericData(columns: [
            [nil, nil, nil, nil, nil, 3, 4, 1, 2, 1, 1, 3, 3, nil, 3],
            [1, nil, 2, 1, 3, 3, 4, 3, nil, nil, nil, nil, nil, nil, nil],
            [nil, nil, 2, 1, 3, 4, 4, nil, 2, 1, 1, 3, 3, nil, 4],
        ])
        #expect(AgreementFixtures.rounded(Krippendorff.alpha(data, level: .nominal), 6) == 0.691358)
        #expect(AgreementFixtures.rounded(Krippendorff.alpha(data, level: .interval), 6) == 0.810845)
    }

    @Test("nominal alpha works on category labels")
    func labelsAtNominalLevel() throws {
        let names = ["none", "low", "mid", "high", "top"]
        let paper = try AgreementFixtures.krippendorff2011()
        let labelled = try ReliabilityData(coders: paper.coders, units: paper.units.map { unit in
            .init(id: unit.id, values: unit.values.map { $0.flatMap { Double($0) }.map { names[Int($0) - 1] } })
        })
        #expect(Krippendorff.alpha(labelled, level: .nominal) == Krippendorff.alpha(paper, level: .nominal))
        #expect(labelled.isNumeric == false)
        #expect(Krippendorff.alpha(labelled, level: .interval) == nil)
    }

    @Test("units with fewer than two values do not change alpha", arguments: MeasurementLevel.allCases)
    func unpairableUnitsAreDropped(level: MeasurementLevel) throws {
        let paper = try AgreementFixtures.krippendorff2011()
        let pairableOnly = try ReliabilityData(coders: paper.coders, units: Array(paper.units.prefix(11)))
        let padded = try ReliabilityData(coders: paper.coders, units: paper.units + [
            .init(id: "empty", values: [nil, nil, nil, nil]),
            .init(id: "single", values: [nil, nil, "5", nil]),
        ])
        let expected = try #require(Krippendorff.alpha(paper, level: level))
        #expect(Krippendorff.alpha(pairableOnly, level: level) == expected)
        #expect(Krippendorff.alpha(padded, level: level) == expected)
    }

    @Test("perfect agreement gives 1")
    func perfectAgreement() throws {
        let data = try AgreementFixtures.numericData(columns: [[1, 2, 3, nil], [1, 2, 3, 4], [nil, 2, 3, 4]])
        for level in MeasurementLevel.allCases {
            #expect(Krippendorff.alpha(data, level: level) == 1)
        }
    }

    @Test("all coders using a single value leaves alpha undefined, not NaN", arguments: MeasurementLevel.allCases)
    func singleValueIsUndefined(level: MeasurementLevel) throws {
        let data = try AgreementFixtures.numericData(columns: [[3, 3, 3, nil], [3, 3, nil, 3], [3, nil, 3, 3]])
        #expect(Krippendorff.alpha(data, level: level) == nil)
    }

    @Test("a value used only in an unpairable unit does not make alpha defined")
    func onlyPairableValuesCount() throws {
        let data = try AgreementFixtures.numericData(columns: [[2, 2, 5], [2, 2, nil]])
        #expect(Krippendorff.alpha(data, level: .interval) == nil)
    }

    @Test("one coder using a single value still gives a defined alpha")
    func oneConstantCoder() throws {
        let data = try AgreementFixtures.numericData(columns: [[1, 1, 1, 1], [1, 2, 1, 2], [2, 2, 1, 1]])
        for level in MeasurementLevel.allCases {
            let alpha = try #require(Krippendorff.alpha(data, level: level))
            #expect(alpha.isFinite)
        }
    }

    @Test("fewer than two pairable values leaves alpha undefined")
    func nothingPairable() throws {
        let oneCoder = try AgreementFixtures.numericData(columns: [[1, 2, 3, 4]])
        let disjoint = try AgreementFixtures.numericData(columns: [[1, nil, 3], [nil, 2, nil]])
        let empty = try ReliabilityData(coders: ["A", "B"], units: [])
        for data in [oneCoder, disjoint, empty] {
            #expect(Krippendorff.alpha(data, level: .nominal) == nil)
            #expect(Krippendorff.alpha(data, level: .interval) == nil)
        }
    }

    @Test("systematic disagreement gives a negative alpha")
    func negativeAlpha() throws {
        let data = try AgreementFixtures.numericData(columns: [[1, 2, 1, 2], [2, 1, 2, 1]])
        let alpha = try #require(Krippendorff.alpha(data, level: .nominal))
        #expect(alpha < 0)
    }

    @Test("ratio distances treat zero like the reference implementations")
    func ratioWithZero() throws {
        // Pairs (0, 0) agree; (0, 2) are at the maximum ratio distance 1.
        let data = try AgreementFixtures.numericData(columns: [[0, 0, 2], [0, 2, 2]])
        let alpha = try #require(Krippendorff.alpha(data, level: .ratio))
        #expect(alpha.isFinite)
        #expect(alpha < 1)
    }
}

@Suite("Krippendorff's alpha bootstrap")
struct KrippendorffBootstrapTests {
    @Test("is reproducible from its seed and brackets alpha")
    func deterministic() throws {
        let data = try AgreementFixtures.krippendorff2011()
        let first = try #require(Krippendorff.bootstrap(data, level: .interval, samples: 1000, seed: 42))
        let again = try #require(Krippendorff.bootstrap(data, level: .interval, samples: 1000, seed: 42))
        let other = try #require(Krippendorff.bootstrap(data, level: .interval, samples: 1000, seed: 43))
        #expect(first == again)
        #expect(first != other)
        let alpha = try #require(Krippendorff.alpha(data, level: .interval))
        #expect(first.lower <= alpha && alpha <= first.upper)
        #expect(first.lower < first.upper)
        #expect(first.upper <= 1)
    }

    @Test("a wider confidence level gives a wider interval")
    func confidenceWidth() throws {
        let data = try AgreementFixtures.krippendorff2011()
        let narrow = try #require(Krippendorff.bootstrap(data, level: .ordinal, confidence: 0.5, seed: 7))
        let wide = try #require(Krippendorff.bootstrap(data, level: .ordinal, confidence: 0.99, seed: 7))
        #expect(wide.lower <= narrow.lower)
        #expect(wide.upper >= narrow.upper)
    }

    @Test("is nil when alpha is undefined or the request is invalid")
    func undefined() throws {
        let constant = try AgreementFixtures.numericData(columns: [[3, 3, 3], [3, 3, 3]])
        let paper = try AgreementFixtures.krippendorff2011()
        #expect(Krippendorff.bootstrap(constant, level: .nominal, seed: 1) == nil)
        #expect(Krippendorff.bootstrap(paper, level: .nominal, samples: 0, seed: 1) == nil)
        #expect(Krippendorff.bootstrap(paper, level: .nominal, confidence: 1, seed: 1) == nil)
    }
}
