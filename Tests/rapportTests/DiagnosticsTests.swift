import Foundation
import Testing

/// One format for every error and warning (`path:line:col: severity: message`, the source line and a
/// caret), and the documented exit codes: 0 all read, 1 some input failed or nothing to do, 2 usage.
@Suite("Diagnostics and exit codes")
struct DiagnosticsTests {
    func folder(_ files: [String: String]) throws -> URL {
        let dir = try Binary.temporaryDirectory()
        for (name, text) in files {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        return dir
    }

    @Test func anXMLErrorQuotesItsLineWithACaret() throws {
        let dir = try folder(["broken.xml": ##"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><u who="#a">hi</body></text></TEI>"##])
        let r = try Binary.run(["parse", "broken.xml", "--format", "json"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == """
            broken.xml:1:75: error: Opening and ending tag mismatch: u line 1 and body
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><u who="#a">hi</body></text></TEI>
                                                                                      ^

            """)
    }

    @Test func aWarningQuotesItsLine() throws {
        let dir = try folder(["visit.txt": "Encounter: E1\nParticipants: SW = worker (Jo)\n\nSW: Hi.\nZed: Who?\n"])
        let r = try Binary.run(["report", "visit.txt", "--format", "csv"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == """
            visit.txt:1: warning: encounter 'E1': speaker labels with no known role: Zed; add them to a 'Participants:' header, or to the participants column of an attributes.csv beside the transcripts (see docs/formats.md)
            Encounter: E1

            """)
    }

    @Test func anEmptyFileIsAnErrorAndTheOthersAreStillRead() throws {
        let dir = try folder(["a.txt": "SW: Hello.\n", "b.txt": "", "c.txt": " \n\n"])
        let r = try Binary.run(["parse", ".", "--format", "json"], in: dir)
        #expect(r.status == 1)
        #expect(r.stderr == "./b.txt: error: empty file: no text to read\n./c.txt: error: empty file: no text to read\n")
        #expect(r.stdout.contains("\"path\":\"./a.txt\""))
    }

    @Test func anEmptyFolderIsNothingToDo() throws {
        let dir = try folder(["notes.md": "not a transcript"])
        for command in ["parse", "code", "report", "export"] {
            var arguments = [command, "."]
            if command == "export" { arguments += ["--csv", "out.csv"] }
            let r = try Binary.run(arguments, in: dir)
            #expect(r.status == 1, "\(command)")
            #expect(r.stderr.hasPrefix("rapport: error: no transcripts found in . (looked for .docx .odt .srt .tei .text .txt .vtt .xml)\n"), "\(command): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(command) wrote: \(r.stdout)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.csv").path))
        for format in ["csv", "json"] {
            let r = try Binary.run(["report", ".", "--format", format, "-o", "report.\(format)"], in: dir)
            #expect(r.status == 1)
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("report.\(format)").path), "\(format)")
        }
    }

    @Test func whenNoInputReadsNothingIsWritten() throws {
        let dir = try folder(["b.txt": "", "c.txt": " \n\n"])
        for arguments in [["parse", ".", "--format", "json"], ["code", ".", "--format", "csv"], ["code", "."],
                          ["report", ".", "--format", "csv"], ["report", ".", "--format", "json"]] {
            let r = try Binary.run(arguments, in: dir)
            #expect(r.status == 1, "\(arguments)")
            #expect(r.stderr == "./b.txt: error: empty file: no text to read\n./c.txt: error: empty file: no text to read\n", "\(arguments)")
            #expect(r.stdout.isEmpty, "\(arguments) wrote: \(r.stdout)")
        }
    }

    @Test func aMissingFileIsAWholeFileError() throws {
        let r = try Binary.run(["code", "no/such/file.txt"])
        #expect(r.status == 1)
        #expect(r.stderr == "no/such/file.txt: error: no such file or folder\n")
    }

    @Test func usageErrorsExit2WithOneHeadline() throws {
        let dir = try folder(["t.csv": "unit,A,B\n1,a,a\n2,b,b\n3,a,b\n", "a.jsonl": ""])
        let cases: [([String], String)] = [
            (["report", "t.csv", "--by", "planet"], "rapport: error: The value 'planet' is invalid for '--by <by>'"),
            (["agree", "--table", "t.csv", "--disagreements"], "rapport: error: --disagreements lists coded segments; it does not apply to --table"),
            (["agree", "a.jsonl", "a.jsonl", "--level", "ordinal"], "rapport: error: --level is the level of measurement of a --table; codings are always nominal"),
            (["agree", "--table", "t.csv", "a.jsonl"], "rapport: error: give either codings to compare or --table FILE.csv, not both"),
            (["export", "t.csv"], "rapport: error: name at least one output"),
            (["report", "t.csv", "--format", "csv", "--codebook-stats"], "rapport: error: CSV rows hold the frequencies only; codebook statistics are in --format table (with --codebook-stats), json and html"),
            (["import", "p.qdpx", "--by", "case"], "rapport: error: --by groups the rows of --report; add --report table|csv|json"),
            (["import", "p.qdpx", "--report", "csv", "--format", "csv"], "rapport: error: --report prints a frequency report in its own format; --format is for the codings, without --report"),
            (["import", "a.tei.xml", "--positions", "utf16"], "rapport: error: --positions and --crlf say how a REFI-QDA project counts; a TEI file's ranges come from its markup"),
            (["import", "a.xml", "--crlf", "1"], "rapport: error: --positions and --crlf say how a REFI-QDA project counts; a TEI file's ranges come from its markup"),
        ]
        for (arguments, headline) in cases {
            let r = try Binary.run(arguments, in: dir)
            #expect(r.status == 2, "\(arguments)")
            #expect(r.stderr.hasPrefix(headline), "\(arguments): \(r.stderr)")
            #expect(r.stdout.isEmpty)
        }
    }

    @Test func importOfAnUnknownCoderIsAUsageError() throws {
        let dir = try folder(["a.txt": "SW: We will go to court.\n"])
        let export = try Binary.run(["export", "a.txt", "--qdpx", "p.qdpx", "--quiet"], in: dir)
        #expect(export.status == 0, "\(export.stderr)")
        let r = try Binary.run(["import", "p.qdpx", "--coder", "Jo", "--quiet"], in: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "p.qdpx: error: no coder 'Jo' in this file; its coders: rapport\n")
        #expect(try Binary.run(["import", "p.qdpx", "--coder", "rapport", "--quiet"], in: dir).status == 0)
    }

    @Test func aReliabilityTableAsJSONFeedsTheHTMLReport() throws {
        let dir = try folder(["t.csv": "unit,A,B\n1,a,a\n2,b,b\n3,a,b\n4,b,b\n5,a,a\n", "v.txt": "SW: Hello.\n"])
        let json = try Binary.run(["agree", "--table", "t.csv", "--format", "json"], in: dir)
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix(#"{"coders":["A","B"],"level":"nominal","codes":[{"code":"table","units":5,"percent_agreement":0.8,"#))
        try json.stdout.write(to: dir.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        let report = try Binary.run(["report", "v.txt", "--agreement", "a.json", "-o", "r.html"], in: dir)
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("r.html"), encoding: .utf8)
        #expect(html.contains(#"<span class="verdict unreliable">"#), "α .64 with a lower limit below 0 is unreliable")
    }

    @Test func versionIsPrinted() throws {
        let r = try Binary.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: ".").count == 3, "\(r.stdout)")
    }

    @Test func aBinaryWithoutItsModelSaysSo() throws {
        // A copy of the binary without the resource folder beside it: the rules code alone, and stderr says so.
        // The copy sits two folders down in a fresh directory, so no resource folder is beside it or above it.
        let dir = try Binary.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = dir.appendingPathComponent("install/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let copy = bin.appendingPathComponent("rapport")
        try FileManager.default.copyItem(at: Binary.executable, to: copy)
        let transcript = Binary.repository.appendingPathComponent("Corpus/case-a-marsh").path
        func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
            let process = Process()
            process.executableURL = copy
            process.arguments = arguments
            let errFile = dir.appendingPathComponent("stderr.txt")
            _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
            let errHandle = try FileHandle(forWritingTo: errFile)
            let out = Pipe()
            process.standardOutput = out
            process.standardError = errHandle
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            try errHandle.close()
            return (process.terminationStatus, String(decoding: stdout, as: UTF8.self),
                    String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
        }
        let copied = try run(["code", transcript, "--format", "jsonl"])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stderr == "rapport: warning: the shipped model is not installed (no Rapport_Learning.resources folder beside the binary): coding with the rules alone; copy that folder with the binary, or give --no-model\n")
        let quiet = try run(["code", transcript, "--format", "jsonl", "--quiet"])
        #expect(quiet.stderr.isEmpty)
        let rules = try Binary.run(["code", transcript, "--format", "jsonl", "--no-model"])
        #expect(rules.stderr.isEmpty)
        #expect(copied.stdout == rules.stdout)
        #expect(quiet.stdout == rules.stdout)
    }

    @Test func reportsSayTheCodesAreAutomatic() throws {
        let r = try Binary.run(["report", "Corpus/case-a-marsh", "--format", "table"])
        #expect(r.stdout.hasSuffix("The codes are automatic, made by codebook “Relationship dynamics in social-work practice” (built in) with the learned model shipped with Rapport; review them before relying on them.\n"), "\(r.stdout)")
        let rules = try Binary.run(["report", "Corpus/case-a-marsh", "--format", "table", "--no-model"])
        #expect(rules.stdout.hasSuffix("The codes are automatic, made by codebook “Relationship dynamics in social-work practice” (built in), rules alone; review them before relying on them.\n"), "\(rules.stdout)")
        let html = try Binary.run(["report", "Corpus/case-a-marsh", "--format", "html"])
        #expect(html.stdout.contains("made by codebook “Relationship dynamics in social-work practice” (built in) with the learned model shipped with Rapport, not by a person"))
    }
}
