import Foundation
import Testing

/// Generates the messy and hostile files users actually hit (pasted from PDFs, Word, the web and
/// transcription services), runs `rapport parse` over the folder, and checks that each either
/// parses correctly or fails with a located error, with no crash and no network access.
@Suite("Hostile and messy input")
struct HostileInputTests {
    static func utf16(_ s: String, bigEndian: Bool) -> Data {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in s.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        return Data(bytes)
    }

    /// name → contents; names starting with "bad-" must fail, the others must parse.
    static func files() -> [(String, Data)] {
        var files: [(String, Data)] = []
        func add(_ name: String, _ text: String) { files.append((name, Data(text.utf8))) }
        add("bad-empty.txt", "")
        files.append(("bad-binary.txt", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D])))
        files.append(("bad-nul.txt", Data("SW: hello\nMum: hi\u{0}there\n".utf8)))
        files.append(("good-invalid-utf8.txt", Data("Mum: caf".utf8) + Data([0xE9, 0x20, 0x93]) + Data("ok".utf8) + Data([0x94])))
        files.append(("good-utf16le.txt", utf16("SW: Zoë 👋\r\nMum: hi\r\n", bigEndian: false)))
        files.append(("good-utf16be.txt", utf16("SW: Zoë 👋\r\nMum: hi\r\n", bigEndian: true)))
        files.append(("good-bom-crlf.txt", Data([0xEF, 0xBB, 0xBF]) + Data("SW: one\r\nMum: two\r\n".utf8)))
        add("good-cr-only.txt", "SW: one\rMum: two\r")
        add("good-long-line.txt", "SW: " + String(repeating: "word ", count: 4_000_000))
        add("good-tiny-paragraphs.txt", String(repeating: "x\n\n", count: 100_000))
        add("good-tabs-nbsp.txt", "SW:\tHello\u{00A0}there\u{00A0}\n\u{00A0}Mum:  \tHi\t\n")
        add("good-zero-width.txt", "SW: hel\u{200B}lo\u{FEFF} there\n")
        add("good-rtl.txt", "SW: مرحبا، كيف حالك؟\nMum: שלום\n")
        add("good-emoji-speaker.txt", "🙂: hello\nMum: hi\n")
        add("bad-malformed.xml", "<transcript><encounter id=\"a\"><turn speaker=\"SW\">hi</encounter></transcript>")
        add("bad-truncated.xml", "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>x")
        add("good-xxe.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE transcript [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <transcript><encounter id="e"><participant id="SW" role="worker"/><turn speaker="SW">&xxe;hello</turn></encounter></transcript>
            """)
        var bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for k in 1...9 { bomb += "<!ENTITY lol\(k) \"" + String(repeating: "&lol\(k - 1 == 0 ? "" : String(k - 1));", count: 10) + "\">" }
        bomb += "]>\n<transcript><encounter id=\"e\"><turn speaker=\"SW\">&lol9;</turn></encounter></transcript>"
        add("bad-entity-bomb.xml", bomb)
        add("bad-deep-nesting.xml", String(repeating: "<a>", count: 200_000) + String(repeating: "</a>", count: 200_000))
        add("bad-foreign.xml", "<html><body><p>hello</p></body></html>")
        add("good-network-doctype.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE transcript SYSTEM "http://203.0.113.9/transcript.dtd">
            <transcript><encounter id="e"><participant id="SW" role="worker"/><turn speaker="SW">hello</turn></encounter></transcript>
            """)
        add("good-tei-undeclared-who.xml", """
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
            <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
            <text><body><u who="#ghost">who am I</u></body></text></TEI>
            """)
        return files
    }

    @Test func everyFileParsesOrFailsWithALocatedError() throws {
        let dir = try Binary.temporaryDirectory()
        for (name, data) in Self.files() { try data.write(to: dir.appendingPathComponent(name)) }
        let r = try Binary.run(["parse", dir.path, "--format", "json"])
        // 1: some inputs failed, the others were processed. Never a crash (signal) or usage error.
        #expect(r.status == 1, "status \(r.status); stderr: \(r.stderr.prefix(2000))")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let parsed = Set((json["transcripts"] as! [[String: Any]]).map { ($0["path"] as! String).split(separator: "/").last.map(String.init)! })
        let failed = (json["errors"] as! [[String: Any]])
        let failedNames = Set(failed.map { ($0["path"] as! String).split(separator: "/").last.map(String.init)! })
        for (name, _) in Self.files() {
            if name.hasPrefix("bad-") {
                #expect(failedNames.contains(name), "\(name) should fail")
            } else {
                #expect(parsed.contains(name), "\(name) should parse")
            }
        }
        for e in failed {
            let name = (e["path"] as! String).split(separator: "/").last.map(String.init)!
            // Every error is located in its file; only an empty file has no line to point at.
            #expect((e["line"] as! Int) >= (name == "bad-empty.txt" ? 0 : 1), "\(e)")
            let location = [e["path"]!, e["line"]!, e["column"]!].map { "\($0)" }.filter { $0 != "0" }.joined(separator: ":")
            #expect(r.stderr.contains("\(location): error: \(e["message"]!)\n"), "\(location)")
        }
        #expect(!r.stdout.contains("root:x:0:0"), "an external entity was expanded")
    }

    @Test func decodedTextIsRight() throws {
        let dir = try Binary.temporaryDirectory()
        for (name, data) in Self.files() where name.hasPrefix("good-") && !name.contains("long") && !name.contains("tiny") {
            try data.write(to: dir.appendingPathComponent(name))
        }
        let r = try Binary.run(["parse", dir.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        var texts: [String: [String]] = [:]
        var speakers: [String: [String]] = [:]
        for t in json["transcripts"] as! [[String: Any]] {
            let name = (t["path"] as! String).split(separator: "/").last.map(String.init)!
            let segments = (t["encounters"] as! [[String: Any]]).flatMap { $0["segments"] as! [[String: Any]] }
            texts[name] = segments.map { $0["text"] as! String }
            speakers[name] = segments.map { ($0["speaker"] as? String) ?? "-" }
        }
        #expect(texts["good-invalid-utf8.txt"] == ["café “ok”"])
        #expect(texts["good-utf16le.txt"] == ["Zoë 👋", "hi"])
        #expect(texts["good-utf16be.txt"] == ["Zoë 👋", "hi"])
        #expect(texts["good-bom-crlf.txt"] == ["one", "two"])
        #expect(texts["good-cr-only.txt"] == ["one", "two"])
        #expect(speakers["good-tabs-nbsp.txt"] == ["SW", "Mum"])
        #expect(speakers["good-emoji-speaker.txt"] == ["🙂", "Mum"])
        #expect(speakers["good-rtl.txt"] == ["SW", "Mum"])
        #expect(texts["good-xxe.xml"] == ["hello"])
        #expect(texts["good-network-doctype.xml"] == ["hello"])
        #expect(speakers["good-tei-undeclared-who.xml"] == ["ghost"])
        #expect(r.stderr.contains("ghost"))
        for (_, list) in texts { for t in list { #expect(!t.contains("\r") && !t.contains("\u{FEFF}\u{FEFF}")) } }
    }
}

@Suite("Output failures")
struct OutputFailureTests {
    @Test func diskFullIsAClearError() throws {
        let (status, text) = try Binary.shell("'\(Binary.executable.path)' code Corpus > /dev/full")
        #expect(status == 1)
        #expect(text.contains("cannot write output"), "\(text)")
    }

    @Test func missingFolderIsAClearErrorAndNothingIsWritten() throws {
        let dir = try Binary.temporaryDirectory()
        let target = dir.appendingPathComponent("no-such-folder/report.csv")
        let r = try Binary.run(["report", "Corpus", "-o", target.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func anOutputIsReplacedWholeAndNoTemporaryFileIsLeft() throws {
        let dir = try Binary.temporaryDirectory()
        let target = dir.appendingPathComponent("report.csv")
        try "old contents".write(to: target, atomically: true, encoding: .utf8)
        let r = try Binary.run(["report", "Corpus", "-o", target.path])
        #expect(r.status == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("encounter,case,date"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.csv"])
    }
}
