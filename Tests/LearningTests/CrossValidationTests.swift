import Coding
@testable import Learning
import Testing

@Suite struct CrossValidationTests {
    @Test func everyPassageIsScoredByAModelThatNeverSawIt() {
        // Fold by fold, the zorblax rows held out are coded by models trained on the others.
        let cv = CrossValidation(zorblaxCoding, codebook: relationship, folds: 5, resamples: 200)
        #expect(cv.passages == 60 && cv.folds == 5)
        let empathy = cv.codes.first { $0.code == "empathy" }!
        #expect(empathy.support == 30)
        #expect(empathy.rulesKappa == 0)
        #expect((empathy.kappa?.value ?? 0) > 0.9)
        #expect(empathy.reliable)
        #expect(cv.text.contains("empathy: reliable enough to use unreviewed"))
        #expect(cv.text.contains("hostility: no estimate"))
    }

    @Test func aCodeOnAFewPassagesIsNeverCalledReliable() {
        // One coded passage gives κ 1.00 [1.00–1.00]; that is no ground for using a code unreviewed.
        let perfect = CrossValidation.Interval(value: 1, lower: 1, upper: 1)
        let few = CrossValidation.CodeEstimate(code: "empathy", support: 1, kappa: perfect, precision: perfect, recall: perfect, rulesKappa: 0)
        #expect(few.tooFewToJudge && !few.reliable)
        let enough = CrossValidation.CodeEstimate(code: "empathy", support: 10, kappa: perfect, precision: perfect, recall: perfect, rulesKappa: 0)
        #expect(!enough.tooFewToJudge && enough.reliable)
    }

    @Test func intervalsHoldTheirPointEstimate() throws {
        let rows = try goldPassages("Tests/Fixtures/gold/heldout-e.tsv")
        let cv = CrossValidation(rows, codebook: relationship, folds: 3, resamples: 200)
        for code in cv.codes {
            let k = try #require(code.kappa)
            #expect(k.lower <= k.value && k.value <= k.upper)
            #expect(k.upper - k.lower > 0.01)
        }
    }
}
