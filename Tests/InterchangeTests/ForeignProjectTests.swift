import Coding
import Foundation
import Testing
import Transcripts
@testable import Interchange

/// Projects as other tools write them: a byte-order mark, CRLF line ends, positions counted in
/// UTF-16 code units or with CRLF as one, `Sources/` with a capital S; and broken projects.
@Suite("REFI-QDA import: other tools' projects")
struct ForeignProjectTests {
    /// Our own transcripts (the Corpus and one with emoji), as `rapport code` codes them when
    /// run in their folder (path = file name).
    static let ours: [CodedTranscript] = {
        var transcripts = corpus.map { transcript in
            var copy = transcript
            copy.path = String(transcript.path.split(separator: "/").last!)
            return copy
        }
        transcripts.append(plain(nonASCIIText + "\n\nMum: 😟😟 I'm scared 🙏 of court, you lot decide everything 👀 for us.\n",
                                 path: "emoji.txt"))
        return transcripts.map { defaultCoder.code($0) }
    }()

    /// Position of normalised code-point offset `offset` in `text` written with CRLF line ends,
    /// counted as `convention` says: computed here from the definition, not by the importer.
    static func foreignPosition(_ offset: Int, in scalars: [Unicode.Scalar], _ convention: PositionConvention) -> Int {
        var position = 0
        for scalar in scalars[..<offset] {
            position += convention.unit == .utf16 && scalar.value > 0xFFFF ? 2 : 1
            if scalar == "\n" && convention.crlf == 2 { position += 1 }
        }
        return position
    }

    /// A QualCoder-style .qdpx of `coded`: sources as UTF-8 with a BOM and CRLF line ends,
    /// positions as `convention` counts them.
    static func foreignExport(_ coded: [CodedTranscript], _ convention: PositionConvention) throws -> [UInt8] {
        var project = QDAProject(coded: coded, codebook: relationship)
        project.origin = "QualCoder 3.6"
        for k in project.sources.indices {
            let scalars = Array((project.sources[k].text ?? "").unicodeScalars)
            for s in project.sources[k].selections.indices {
                project.sources[k].selections[s].start = foreignPosition(project.sources[k].selections[s].start, in: scalars, convention)
                project.sources[k].selections[s].end = foreignPosition(project.sources[k].selections[s].end, in: scalars, convention)
            }
        }
        let qde = try #require(QDEWriter.project(project))
        let sources = project.sources.map { source in
            (name: source.guid + ".txt",
             bytes: [0xEF, 0xBB, 0xBF] + Array((source.text ?? "").replacingOccurrences(of: "\n", with: "\r\n").utf8))
        }
        return try QDPXArchive.pack(project: qde, sources: sources)
    }

    @Test(arguments: [PositionConvention(unit: .utf16, crlf: 2), PositionConvention(unit: .codepoints, crlf: 1),
                      PositionConvention(unit: .utf16, crlf: 1)])
    func qualCoderStyleExportImportsLikeRapportCode(convention: PositionConvention) throws {
        let bytes = try Self.foreignExport(Self.ours, convention)
        let imported = try REFIQDAImport.read(bytes: bytes, path: "qualcoder.qdpx", codebook: relationship)
        #expect(imported.convention == convention, "\(imported.conventionNote ?? "")")
        #expect(imported.conventionNote?.contains("(detected)") == true)
        #expect(imported.result.warnings.isEmpty, "\(imported.result.warnings)")
        #expect(imported.importedSelections == imported.codedSelections)
        #expect(imported.result.coded.count == Self.ours.count)
        for (before, after) in zip(Self.ours, imported.result.coded) {
            var w1 = JSONWriter(), w2 = JSONWriter()
            let expected = CodingOutput.jsonl(before, into: &w1), actual = CodingOutput.jsonl(after, into: &w2)
            #expect(expected == actual, "\(before.transcript.path)")
        }
    }

    /// The caller can fix the convention; read wrongly, selections in the emoji transcript shift.
    @Test func conventionCanBeOverridden() throws {
        let bytes = try Self.foreignExport(Self.ours, PositionConvention(unit: .utf16, crlf: 2))
        let forced = try REFIQDAImport.read(bytes: bytes, path: "q.qdpx", codebook: relationship,
                                            options: .init(unit: .codepoints, crlf: 2))
        #expect(forced.convention == .standard)
        #expect(forced.conventionNote?.contains("(as given)") == true)
        let emoji = try #require(forced.result.coded.last)
        var w1 = JSONWriter(), w2 = JSONWriter()
        #expect(CodingOutput.jsonl(Self.ours.last!, into: &w1) != CodingOutput.jsonl(emoji, into: &w2))
        let half = try REFIQDAImport.read(bytes: bytes, path: "q.qdpx", codebook: relationship, options: .init(crlf: 2))
        #expect(half.convention == PositionConvention(unit: .utf16, crlf: 2))
    }

    /// NVivo 12 for Windows (../shared/interop-examples): `Sources/`, BOM, CRLF, UTF-16
    /// positions. Every coded selection is imported and at least 95% start and end on word
    /// boundaries, checked here with a plain letter-or-digit test on the imported text.
    @Test func nvivoWindowsProjectLands() throws {
        let path = sharedRoot.appendingPathComponent("interop-examples/nvivo-win-12.6_oltas0517.qdpx").path
        let imported = try REFIQDAImport.read(path: path)
        #expect(imported.convention == PositionConvention(unit: .utf16, crlf: 2))
        #expect(imported.codedSelections == 303)
        #expect(imported.importedSelections == 303)
        #expect(!imported.result.warnings.contains { $0.severity == .error }, "\(imported.result.warnings.prefix(3))")
        var ends = 0, onBoundary = 0
        for coded in imported.result.coded {
            let scalars = Array(coded.transcript.text.unicodeScalars)
            func word(_ k: Int) -> Bool { k >= 0 && k < scalars.count && Character(scalars[k]).isLetter || (k >= 0 && k < scalars.count && Character(scalars[k]).isNumber) }
            for annotation in coded.annotations.joined().joined() {
                for offset in [annotation.start, annotation.end] {
                    ends += 1
                    if !(word(offset - 1) && word(offset)) { onBoundary += 1 }
                }
            }
        }
        #expect(ends > 0)
        #expect(Double(onBoundary) >= 0.95 * Double(ends), "\(onBoundary) of \(ends)")
    }

    /// A broken project: each problem reported as an error with the element's line, the rest imported.
    @Test func brokenProjectReportsEachProblemAndImportsTheRest() throws {
        let text = "SW: It's your decision.\n\nMum: You lot are all the same.\n"
        func selection(_ guid: String, _ start: Int, _ end: Int, code: String = "AAAAAAAA-0000-0000-0000-000000000001") -> String {
            """
                <PlainTextSelection guid="\(guid)" startPosition="\(start)" endPosition="\(end)">
                  <Coding guid="D\(guid.dropFirst())"><CodeRef targetGUID="\(code)"/></Coding>
                </PlainTextSelection>
            """
        }
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="broken">
              <CodeBook><Codes><Code guid="AAAAAAAA-0000-0000-0000-000000000001" name="Acceptance" isCodable="true"/></Codes></CodeBook>
              <Sources>
                <TextSource guid="BBBBBBBB-0000-0000-0000-000000000001" name="visit.txt">
                  <PlainTextContent>\(text)</PlainTextContent>
            \(selection("C0000000-0000-0000-0000-000000000001", 4, 23))
            \(selection("C0000000-0000-0000-0000-000000000002", 30, 400))
            \(selection("C0000000-0000-0000-0000-000000000003", 20, 10))
            \(selection("C0000000-0000-0000-0000-000000000004", 30, 40, code: "EEEEEEEE-0000-0000-0000-000000000009"))
            \(selection("C0000000-0000-0000-0000-000000000001", 30, 40))
            \(selection("C0000000-0000-0000-0000-000000000005", 10, 20))
                </TextSource>
                <TextSource guid="BBBBBBBB-0000-0000-0000-000000000002" name="missing.txt" plainTextPath="internal://BBBBBBBB-0000-0000-0000-000000000002.txt"/>
              </Sources>
            </Project>
            """
        let imported = try REFIQDAImport.read(bytes: Array(xml.utf8), path: "broken.qde", codebook: relationship)
        let errors = imported.result.warnings.filter { $0.severity == .error }
        func reported(_ fragment: String, line: Int) -> Bool {
            errors.contains { $0.message.contains(fragment) && $0.line == line && $0.path == "broken.qde" }
        }
        #expect(reported("beyond the end of the text", line: 13), "\(errors)")
        #expect(reported("startPosition after endPosition", line: 16), "\(errors)")
        #expect(reported("EEEEEEEE-0000-0000-0000-000000000009", line: 19), "\(errors)")
        #expect(reported("repeats guid C0000000-0000-0000-0000-000000000001", line: 22), "\(errors)")
        #expect(reported("overlaps the selection on line 10", line: 25), "\(errors)")
        #expect(reported("<TextSource name=\"missing.txt\">", line: 29), "\(errors)")
        #expect(errors.count == 6, "\(errors)")
        let found = annotations(try #require(imported.result.coded.first))
        #expect(found.count == 1)
        #expect(slice(imported.result.coded[0].transcript.text, found[0].annotation.start, found[0].annotation.end)
                == "It's your decision.")
    }

    /// UTF-16 positions count an emoji twice and a CRLF-as-one convention counts a line end once.
    @Test func sourceTextMapsEachConvention() throws {
        let source = SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("a\r\n👋🏽b\r\nc".utf8))
        #expect(source.text == "a\n👋🏽b\nc")
        let utf16 = source.positions(PositionConvention(unit: .utf16, crlf: 2))
        #expect(source.offset(7, in: utf16) == 4)             // b: a, CR, LF, 2 + 2 units of emoji
        #expect(source.offset(4, in: utf16) == nil)           // between the halves of 👋
        #expect(source.offset(11, in: utf16) == 7)            // end
        #expect(source.offset(12, in: utf16) == nil)          // past the end
        let crlfOne = source.positions(PositionConvention(unit: .codepoints, crlf: 1))
        #expect(source.offset(2, in: crlfOne) == 2)           // 👋 after a and one line end
        #expect(source.offset(6, in: crlfOne) == 6)           // c
        #expect(source.isWordBoundary(1) && !SourceText(raw: "word").isWordBoundary(2))
    }
}
