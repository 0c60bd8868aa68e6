import Foundation
import Testing
@testable import Coding

@Suite("Evaluation against hand-coded samples")
struct EvaluationTests {
    static let devGold = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/dev-gold.tsv")

    /// A regression floor on training data: the cues were written on this set (README, "How well it
    /// codes"). ../shared is optional: without it this test is skipped with its reason printed.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: devGold.path), "../shared/data/dev-gold.tsv not found next to the repository"))
    func devSetDoesNotRegress() throws {
        let gold = try GoldSet.load(path: Self.devGold.path)
        #expect(gold.rows.count == 160)
        let evaluation = Evaluation(gold: gold, coder: defaultCoder)
        #expect(evaluation.macroF1 >= 0.85)
        for code in evaluation.codes { #expect((code.kappa ?? 0) >= 0.75, "\(code.code) κ \(code.kappa ?? -1)") }
    }

    /// Regression floors, not estimates of accuracy: every one of these samples was used to write or
    /// adjust cues after it was first scored (README, "How well it codes"), so a score on them says
    /// nothing about unseen text. The floors only stop the coder from getting worse on them.
    @Test(arguments: [("heldout-style.tsv", 200, 0.90), ("heldout-b.tsv", 200, 0.90), ("heldout-c.tsv", 200, 0.70),
                      ("heldout-d.tsv", 200, 0.90), ("heldout-e.tsv", 160, 0.80)])
    func tunedSamplesDoNotRegress(file: String, rows: Int, floor: Double) throws {
        let path = repositoryRoot.appendingPathComponent("Tests/Fixtures/gold/\(file)").path
        let evaluation = Evaluation(gold: try GoldSet.load(path: path), coder: defaultCoder)
        #expect(evaluation.outcomes.count == rows)
        #expect(evaluation.macroF1 >= floor, "\(file): macro-F1 \(evaluation.macroF1)")
    }

    /// Floors on the probe sentences (issue 13's kinds: questions, counterfactuals, conditions,
    /// disclaimers, animals and babies, inflection, word senses, misses), rules alone. Each set was
    /// scored once unseen (README, "How well it codes") and then used to make general fixes, so
    /// these are regression floors on training data: exact-match rows must not fall below them.
    @Test(arguments: [("probes-trust.tsv", 45, 44), ("probes-trust-2.tsv", 28, 24), ("probes-trust-3.tsv", 28, 26),
                      ("probes-4.tsv", 60, 54), ("probes-5.tsv", 37, 31),
                      ("probes-6.tsv", 33, 29), ("probes-7.tsv", 26, 20),
                      ("probes-8.tsv", 25, 18)])
    func probeSetsDoNotRegress(file: String, rows: Int, exactFloor: Int) throws {
        let path = repositoryRoot.appendingPathComponent("Tests/Fixtures/\(file)").path
        let evaluation = Evaluation(gold: try GoldSet.load(path: path), coder: defaultCoder)
        #expect(evaluation.outcomes.count == rows)
        let wrong = evaluation.outcomes.filter { !$0.exact }.map(\.row.id)
        #expect(rows - wrong.count >= exactFloor, "\(file): \(rows - wrong.count)/\(rows) exact; wrong: \(wrong.joined(separator: " "))")
    }

    @Test func scoresAreComputedPerCode() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-eval-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("g.tsv")
        try """
            # comment
            id\tsource\tcodes\ttext\tphenomenon
            a\tt\tpower\tSW: We will go to court.\tplain
            b\tt\t\tThe kettle boils.\tplain
            c\tt\tempathy\tThe worker nods.\tplain
            d\tt\t\tSW: You lot are all the same.\tplain
            """.write(to: file, atomically: true, encoding: .utf8)
        let e = Evaluation(gold: try GoldSet.load(path: file.path), coder: defaultCoder)
        let power = e.codes.first { $0.code == "power" }!
        #expect(power.truePositives == 1 && power.falsePositives == 0)
        let hostility = e.codes.first { $0.code == "hostility" }!
        #expect(hostility.falsePositives == 1 && hostility.support == 0)
        let empathy = e.codes.first { $0.code == "empathy" }!
        #expect(empathy.falseNegatives == 1 && empathy.recall == 0)
        #expect(e.outcomes.filter(\.exact).count == 2)
    }

    @Test func inlineTurnsAreSplit() {
        #expect(InlineTurns.splitting("Interviewer: Was he angry? SW: No.") == "Interviewer: Was he angry?\nSW: No.")
        #expect(InlineTurns.splitting("She said: no.") == "She said: no.")
    }
}
