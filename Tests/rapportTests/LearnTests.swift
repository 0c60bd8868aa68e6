import Foundation
import Testing

@Suite("rapport learn and --model") struct LearnTests {
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-learn-\(UUID().uuidString)")

    func file(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let url = temporary.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func learnWritesAModelThatEvaluateUsesAndTheSameInputGivesTheSameBytes() throws {
        defer { try? FileManager.default.removeItem(at: temporary) }
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let first = temporary.appendingPathComponent("a.model").path, second = temporary.appendingPathComponent("b.model").path
        let r = try Binary.run(["learn", "Tests/Fixtures/gold/heldout-b.tsv", "-o", first])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("learned from 200 passages;"))
        _ = try Binary.run(["learn", "Tests/Fixtures/gold/heldout-b.tsv", "-o", second])
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
        let e = try Binary.run(["evaluate", "--gold", "Tests/Fixtures/gold/heldout-b.tsv", "--model", first])
        #expect(e.status == 0)
        #expect(e.stderr.contains("note: 200 of 200 rows are in the model's training data; these figures are not held-out"))
        #expect(e.stdout.contains("macro-F1"))
    }

    @Test func aBrokenModelFileIsAnErrorNamingItNeverAFallBackToRules() throws {
        defer { try? FileManager.default.removeItem(at: temporary) }
        let path = try file("broken.model", "rapport-model\t1\ncodebook\tx\ncodes\thostility\n")
        let r = try Binary.run(["report", "Corpus", "--model", path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("\(path):4:1: error: broken model file: the file ends early"))
        let both = try Binary.run(["code", "Corpus", "--model", path, "--no-model"])
        #expect(both.status == 2)
    }

    @Test func aGoldFileWithAnUnknownCodeIsAnErrorAtItsLineAndColumn() throws {
        defer { try? FileManager.default.removeItem(at: temporary) }
        let path = try file("bad.tsv", "id\tsource\tcodes\ttext\tphenomenon\nr1\tx\tpower\tSW: You must sign this.\tplain\nr2\tx\twarmth\tSW: Lovely to see you.\tplain\n")
        let r = try Binary.run(["learn", path, "-o", temporary.appendingPathComponent("m.model").path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("\(path):3:6: error: unknown code 'warmth' (the codebook has hostility, empathy, acceptance, power)"))
        #expect(!FileManager.default.fileExists(atPath: temporary.appendingPathComponent("m.model").path))
    }

    /// Team coding as a gold TSV: "zorblax" (a word no cue knows) marks empathy; power is given
    /// to every third "timetable" row, whatever it says, so no model can learn it.
    func zorblaxGold() throws -> String {
        var text = "id\tsource\tcodes\ttext\tphenomenon\n"
        for n in 0..<30 {
            text += "z\(n)\tteam\tempathy\tSW: I can see the zorblax in what you said about week \(n).\tplain\n"
            text += "p\(n)\tteam\t\(n % 3 == 0 ? "power" : "")\tSW: I can see the timetable in what you said about week \(n).\tplain\n"
        }
        return try file("zorblax.tsv", text)
    }

    @Test func crossValidationGivesIntervalsAndAVerdictPerCode() throws {
        defer { try? FileManager.default.removeItem(at: temporary) }
        let r = try Binary.run(["evaluate", "--gold", try zorblaxGold(), "--cross-validate", "5"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("cross-validated over 60 passages in 5 folds"))
        #expect(r.stdout.contains("\nempathy: reliable enough to use unreviewed"), "\(r.stdout)")
        #expect(r.stdout.contains("\npower: not reliable enough"), "\(r.stdout)")
        #expect(r.stdout.contains("\nhostility: no estimate"), "\(r.stdout)")
    }

    @Test func crossValidationRefusesOptionsItCannotHonour() throws {
        for extra in ["--errors", "--no-model"] {
            let r = try Binary.run(["evaluate", "--gold", "Tests/Fixtures/gold/heldout-e.tsv", "--cross-validate", "3", extra])
            #expect(r.status == 2, "\(extra): \(r.stderr)")
            #expect(r.stderr.hasPrefix("rapport: error: "), "\(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func ctrlCDuringLearningWritesNoModel() throws {
        defer { try? FileManager.default.removeItem(at: temporary) }
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let model = temporary.appendingPathComponent("m.model")
        // Enough coding that training is still going when the signal comes.
        let (status, message) = try Binary.interrupted(["learn"] + Array(repeating: "Tests/Fixtures/gold/heldout-b.tsv", count: 30) + ["-o", model.path])
        #expect(status == 130, "\(message)")
        #expect(message.hasPrefix("rapport: error: interrupted: "), "\(message)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
    }

    @Test func nextListsTheLeastSurePassagesAsAGoldTSVAndSuggestCuesPrintsYAML() throws {
        let r = try Binary.run(["learn", "Tests/Fixtures/gold/heldout-e.tsv", "--next", "5", "Corpus"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 7 && lines[1] == "id\tsource\tcodes\ttext\tphenomenon")
        // Four least-sure rows and one sure row, each with an empty codes column to fill in.
        #expect(lines[2...5].allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false)[4].hasPrefix("least sure (") })
        #expect(lines[6].split(separator: "\t", omittingEmptySubsequences: false)[4].hasPrefix("sure (model: "))
        #expect(lines[2...].allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false)[2].isEmpty })
        let s = try Binary.run(["learn", "Tests/Fixtures/gold/heldout-e.tsv", "--suggest-cues"])
        #expect(s.status == 0)
        #expect(s.stdout.contains("hostility:\n  cues:\n    - phrase: \"out of\"   # team coded hostility in 5 of 5 passages with it; rules missed "))
    }
}
