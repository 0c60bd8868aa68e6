import Foundation
import Testing

@Suite("rapport on the shipped corpus")
struct EndToEndTests {
    @Test func parseCorpusAsJSON() throws {
        let r = try Binary.run(["parse", "Corpus", "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let transcripts = json["transcripts"] as! [[String: Any]]
        let encounters = transcripts.flatMap { $0["encounters"] as! [[String: Any]] }
        #expect(transcripts.count == 14)
        #expect(encounters.count == 18)
        #expect(Set(encounters.compactMap { $0["case"] as? String }) == ["C1", "C2", "C3"])
        let words = encounters.reduce(0) { $0 + ($1["words"] as! Int) }
        #expect(words >= 8000)
        #expect((json["errors"] as! [Any]).isEmpty)
        for e in encounters {
            for s in e["segments"] as! [[String: Any]] where s["kind"] as? String == "utterance" {
                #expect(s["speaker"] is String)
                #expect(s["role"] as? String != "unknown")
            }
        }
    }

    @Test func reportTableIsTheDefaultOnATerminalAndCSVOtherwise() throws {
        let table = try Binary.run(["report", "Corpus", "--format", "table"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("C1-E01"))
        #expect(table.stdout.contains("total"))
        let csv = try Binary.run(["report", "Corpus"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("encounter,case,date,setting,role,code,passages,words,per_1000_words,coverage,role_of,context\r\n"))
    }

    @Test func reportCSVLoadsInPandasAsTidyData() throws {
        let dir = try Binary.temporaryDirectory()
        let out = dir.appendingPathComponent("freq.csv")
        let r = try Binary.run(["report", "Corpus", "--by", "role", "--format", "csv", "-o", out.path])
        #expect(r.status == 0)
        let script = """
            import sys, pandas as pd
            df = pd.read_csv(sys.argv[1])
            assert list(df.columns) == ["encounter","case","date","setting","role","code","passages","words","per_1000_words","coverage","role_of","context"], df.columns
            assert set(df["code"]) == {"hostility","empathy","acceptance","power"}
            assert not df.duplicated(["encounter","role","code"]).any()
            assert (df["coverage"].dropna().between(0, 1)).all()
            print(len(df), df["passages"].sum())
            """
        let py = Process()
        py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        py.arguments = ["python3", "-c", script, out.path]
        let pipe = Pipe()
        py.standardOutput = pipe
        py.standardError = pipe
        try py.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        py.waitUntilExit()
        #expect(py.terminationStatus == 0, "pandas check failed (pip install pandas): \(output)")
    }

    @Test func codeCorpusGivesEverySegmentWithEvidence() throws {
        let r = try Binary.run(["code", "Corpus", "--format", "jsonl"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count > 300)
        var annotated = 0, learned = 0
        for line in lines {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let codes = o["codes"] as! [String]
            #expect(codes == codes.sorted())
            for a in o["annotations"] as! [[String: Any]] {
                annotated += 1
                #expect((a["cue"] as? String)?.isEmpty == false)
                // A cue's rule (`code#n`), or a code the default model learned, with its explanation.
                let rule = a["rule"] as? String ?? ""
                if rule == "model" {
                    learned += 1
                    #expect((a["cue"] as? String)?.hasPrefix("learned: p ") == true)
                    #expect((a["cue"] as? String)?.contains("(coder ") == true)
                } else {
                    #expect(rule.contains("#"))
                }
                #expect((a["start"] as! Int) < (a["end"] as! Int))
            }
        }
        #expect(annotated > 100)
        #expect(learned > 0 && learned < annotated / 5)
        // --no-model codes with the rules alone.
        let rules = try Binary.run(["code", "Corpus", "--no-model"])
        #expect(rules.status == 0 && !rules.stdout.contains("\"rule\":\"model\""))
    }

    @Test func parallelCodingGivesTheSameBytesAsSerialCoding() throws {
        let serial = try Binary.run(["code", "Corpus", "--jobs", "1"])
        let parallel = try Binary.run(["code", "Corpus"])
        #expect(serial.status == 0 && parallel.status == 0)
        #expect(serial.stdout == parallel.stdout)
        let serialReport = try Binary.run(["report", "Corpus", "--format", "json", "--jobs", "1"])
        let parallelReport = try Binary.run(["report", "Corpus", "--format", "json"])
        #expect(serialReport.stdout == parallelReport.stdout)
    }

    static let devGold = Binary.repository.deletingLastPathComponent().appendingPathComponent("shared/data/dev-gold.tsv")

    /// A regression floor on training data (the dev set was used to write the cues). ../shared is
    /// optional (README, "Tests"): without it this test is skipped with its reason printed.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: devGold.path), "../shared/data/dev-gold.tsv not found next to the repository"))
    func evaluateOnTheDevSetDoesNotRegress() throws {
        let gold = Self.devGold
        let r = try Binary.run(["evaluate", "--gold", gold.path])
        #expect(r.status == 0)
        let macro = r.stdout.split(separator: "\n").first { $0.hasPrefix("macro-F1") }
        let value = Double(macro?.split(separator: " ")[1] ?? "0") ?? 0
        #expect(value >= 0.85)
    }

    @Test func agreeReproducesKrippendorffsExample() throws {
        let dir = try Binary.temporaryDirectory()
        let table = dir.appendingPathComponent("k.csv")
        try """
            unit,A,B,C,D
            1,1,1,,1
            2,2,2,3,2
            3,3,3,3,3
            4,3,3,3,3
            5,2,2,2,2
            6,1,2,3,4
            7,4,4,4,4
            8,1,1,2,1
            9,2,2,2,2
            10,,5,5,5
            11,,,1,1
            12,,3,,
            """.write(to: table, atomically: true, encoding: .utf8)
        for (level, expected) in [("nominal", "0.743"), ("ordinal", "0.815"), ("interval", "0.849"), ("ratio", "0.797")] {
            let r = try Binary.run(["agree", "--table", table.path, "--level", level])
            #expect(r.status == 0)
            #expect(r.stdout.contains("Krippendorff's α (\(level)): \(expected)"), "\(r.stdout)")
        }
    }

    @Test func agreeComparesTheToolWithAHumanCoder() throws {
        let dir = try Binary.temporaryDirectory()
        let auto = try Binary.run(["code", "Corpus/case-a-marsh/2024-03-05-home-visit.txt"])
        try auto.stdout.write(to: dir.appendingPathComponent("auto.jsonl"), atomically: true, encoding: .utf8)
        // A "human" who agrees except on the first coded segment.
        var rows = ["path,encounter,segment,code,coder"]
        var skipped = false
        for line in auto.stdout.split(separator: "\n") {
            let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            for code in o["codes"] as! [String] {
                if !skipped { skipped = true; continue }
                rows.append("\(o["path"]!),\(o["encounter"]!),\(o["segment"]!),\(code),Ann")
            }
        }
        try rows.joined(separator: "\n").write(to: dir.appendingPathComponent("ann.csv"), atomically: true, encoding: .utf8)
        let r = try Binary.run(["agree", dir.appendingPathComponent("auto.jsonl").path, dir.appendingPathComponent("ann.csv").path,
                                "--disagreements"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Coders: rapport, Ann"))
        #expect(r.stdout.contains("overall"))
        #expect(r.stdout.contains("Disagreements"))
    }
}

@Suite("rapport on broken input")
struct BrokenInputTests {
    func folder() throws -> URL {
        let dir = try Binary.temporaryDirectory()
        try "SW: Hello.\nMum: Hi.\n".write(to: dir.appendingPathComponent("a-good.txt"), atomically: true, encoding: .utf8)
        try Data([0x53, 0x57, 0x3A, 0x00, 0x01]).write(to: dir.appendingPathComponent("b-binary.txt"))
        try "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><u who=\"#a\">hi</body></text></TEI>"
            .write(to: dir.appendingPathComponent("c-broken.xml"), atomically: true, encoding: .utf8)
        try "<html><body/></html>".write(to: dir.appendingPathComponent("d-foreign.xml"), atomically: true, encoding: .utf8)
        try "Mum: Bye.\n".write(to: dir.appendingPathComponent("e-good.txt"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func badFilesAreReportedAndTheRestProcessed() throws {
        let dir = try folder()
        let r = try Binary.run(["parse", dir.path, "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("b-binary.txt:1:4: error: binary file"))
        #expect(r.stderr.contains("c-broken.xml:1:"))
        #expect(r.stderr.contains("d-foreign.xml:1:") && r.stderr.contains("'html'"))
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let paths = (json["transcripts"] as! [[String: Any]]).map { ($0["path"] as! String).split(separator: "/").last! }
        #expect(paths == ["a-good.txt", "e-good.txt"])
        #expect((json["errors"] as! [Any]).count == 3)
    }

    @Test func strictStopsAtTheFirstError() throws {
        let r = try Binary.run(["parse", try folder().path, "--format", "json", "--strict"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func missingPathAndUsageErrors() throws {
        let missing = try Binary.run(["parse", "no/such/folder"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no/such/folder"))
        let usage = try Binary.run(["report", "Corpus", "--by", "planet"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("planet"))
    }

    @Test func outputNeverOverwritesAnInput() throws {
        let dir = try folder()
        let input = dir.appendingPathComponent("a-good.txt")
        let before = try String(contentsOf: input, encoding: .utf8)
        let r = try Binary.run(["report", input.path, "-o", input.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("refusing to write over an input"))
        #expect(try String(contentsOf: input, encoding: .utf8) == before)
    }

    /// The reader of the pipe goes away after one line while rapport still has megabytes to write:
    /// rapport itself (not `head`, whose status a plain pipeline reports) must exit 0, silently.
    @Test func closedPipeExitsQuietly() throws {
        let corpus = Array(repeating: "Corpus", count: 8).joined(separator: " ")
        // pipefail: the pipeline's status is rapport's (head exits 0); a death by SIGPIPE gives 141.
        let (status, text) = try Binary.shell("set -o pipefail; '\(Binary.executable.path)' code \(corpus) | head -n 1 > /dev/null",
                                              shell: "/bin/bash")
        #expect(status == 0)
        #expect(text.isEmpty, "\(text)")
    }

    @Test func badCodebookIsLocated() throws {
        let dir = try Binary.temporaryDirectory()
        let book = dir.appendingPathComponent("b.yaml")
        try "name: t\ncodes:\n  - id: a\n    name: A\n    cue: [x]\n".write(to: book, atomically: true, encoding: .utf8)
        let r = try Binary.run(["code", "Corpus", "--codebook", book.path])
        #expect(r.status == 1)
        #expect(r.stderr == "\(book.path):5:5: error: unknown key 'cue' in code; did you mean 'cues'?\n    cue: [x]\n    ^\n")
        let lint = try Binary.run(["codebook", "lint", book.path])
        #expect(lint.status == 1)
    }

    /// The `language:` section: a bad entry is located with a caret and fails `lint` and `code`;
    /// warnings alone leave `lint` at 0; `codebook language` prints the lists with an edit applied.
    @Test func languageSectionIsLintedAndPrinted() throws {
        let dir = try Binary.temporaryDirectory()
        let head = "name: t\ncodes:\n  - {id: hostility, name: H, definition: d, cues: [shout]}\nlanguage:\n"
        let bad = dir.appendingPathComponent("bad.yaml")
        try (head + "  speech-verbs: {add: [whispers to]}\n").write(to: bad, atomically: true, encoding: .utf8)
        let lint = try Binary.run(["codebook", "lint", bad.path])
        #expect(lint.status == 1)
        #expect(lint.stderr == "\(bad.path):5:24: error: 'whispers to' in 'speech-verbs.add' is 2 words; "
                    + "'speech-verbs.add' takes single words\n  speech-verbs: {add: [whispers to]}\n"
                    + "                       ^\n")
        #expect(try Binary.run(["code", "Corpus", "--codebook", bad.path]).status == 1)
        let good = dir.appendingPathComponent("good.yaml")
        try (head + "  speech-verbs: {add: [whispers, says]}\n").write(to: good, atomically: true, encoding: .utf8)
        let warned = try Binary.run(["codebook", "lint", good.path])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("\(good.path):5:34: warning: 'says' is already in 'speech-verbs'"))
        let printed = try Binary.run(["codebook", "language", good.path])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("  speech-verbs: [asked, asks, explained, explains, promised, promises, reckons, "
                                        + "reported, reports, said, says, tells, texted, texts, thinks, thought, told, "
                                        + "warned, warns, whispers, writes, wrote]\n"))
    }
}
