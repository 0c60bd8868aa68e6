import Testing
import Reports

@Suite("Reliability verdict")
struct ReliabilityTests {
    @Test("applies Krippendorff's cut-offs", arguments: [
        (1.0, Reliability.reliable),
        (0.800, .reliable),
        (0.7999, .tentative),
        (0.667, .tentative),
        (0.6669, .unreliable),
        (0.0, .unreliable),
        (-0.5, .unreliable),
    ])
    func verdicts(alpha: Double, expected: Reliability) {
        #expect(Reliability(alpha: alpha) == expected)
    }

    /// Krippendorff judges by the lower confidence limit: a high estimate on too few units is not reliable.
    @Test("with an interval, the lower limit decides", arguments: [
        (0.833, 0.31, Reliability.unreliable),
        (0.90, 0.70, .tentative),
        (0.90, 0.81, .reliable),
        (0.70, 0.69, .tentative),
    ])
    func lowerLimitDecides(alpha: Double, lower: Double, expected: Reliability) {
        #expect(Reliability(alpha: alpha, lowerLimit: lower) == expected)
        #expect(Reliability(alpha: alpha, lowerLimit: nil) == Reliability(alpha: alpha))
    }

    @Test("nil or NaN alpha is undefined")
    func undefined() {
        #expect(Reliability(alpha: nil) == .undefined)
        #expect(Reliability(alpha: .nan) == .undefined)
    }

    @Test("the paper example's verdicts")
    func paperExample() throws {
        let data = try AgreementFixtures.krippendorff2011()
        #expect(Reliability(alpha: Krippendorff.alpha(data, level: .nominal)) == .tentative)
        #expect(Reliability(alpha: Krippendorff.alpha(data, level: .interval)) == .reliable)
    }
}
