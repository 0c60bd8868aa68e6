import Coding
import Foundation
import Testing
import Transcripts
@testable import Interchange

@Suite("REFI-QDA export and import")
struct REFIQDATests {
    /// Every coding survives .qdpx export and import: code, path, encounter, segment, start,
    /// end, coder and evidence; the JSONL is byte for byte that of `rapport code`.
    @Test func qdpxRoundTripKeepsEveryCoding() throws {
        // Coded as `rapport code` sees the files when run in their folders: the path is the file
        // name, which is what the export names each source (see `sourcesAreNamedByFileName`).
        let named = corpus.map { transcript in
            var copy = transcript
            copy.path = String(transcript.path.split(separator: "/").last!)
            return defaultCoder.code(copy)
        }
        let bytes = try REFIQDAExport.qdpx(codedCorpus, codebook: relationship)
        let imported = try REFIQDAImport.read(bytes: bytes, path: "corpus.qdpx")
        #expect(imported.result.warnings.isEmpty, "\(imported.result.warnings)")
        #expect(imported.result.coders == ["rapport"])
        #expect(imported.result.coded.count == codedCorpus.count)
        #expect(imported.convention == .standard && imported.conventionNote == nil)
        for (before, after) in zip(named, imported.result.coded) {
            #expect(before.transcript.path == after.transcript.path)
            #expect(annotations(before).map(absoluteKey) == annotations(after).map(absoluteKey), "\(before.transcript.path)")
            var w1 = JSONWriter(), w2 = JSONWriter()
            #expect(CodingOutput.jsonl(before, into: &w1) == CodingOutput.jsonl(after, into: &w2))
        }
    }

    /// Positions count Unicode code points from 0, the end exclusive, on text with accents and
    /// emoji outside the Basic Multilingual Plane (which UTF-16 would count twice).
    @Test func positionsAreCodePointsOnNonASCIIText() throws {
        let coded = handCoded()
        let project = QDAProject(coded: [coded], codebook: relationship)
        let text = coded.transcript.text
        let source = try #require(project.sources.first)
        #expect(source.plainTextPath == "internal://\(source.guid).txt")
        let empathy = try #require(source.selections.first { $0.codings.first?.codeGUID == QDAProject.guid(code: "empathy") })
        #expect(slice(text, empathy.start, empathy.end) == "Zoë here ")
        // Independently: the UTF-32 length of the text before "Zoë here".
        let prefix = text.components(separatedBy: "SW: Zoë here")[0] + "SW: "
        #expect(empathy.start == prefix.unicodeScalars.count)
        #expect(Array(text.utf16).count > Array(text.unicodeScalars).count)
        let wave = try #require(source.selections.first { $0.codings.first?.codeGUID == QDAProject.guid(code: "acceptance") })
        #expect(slice(text, wave.start, wave.end).hasPrefix("Zoë here 👋🏽 — Inês"))
        // End exclusive: the code point at `end` is not selected.
        #expect(slice(text, empathy.end, empathy.end + 1) == "👋")

        let imported = try REFIQDAImport.read(bytes: try REFIQDAExport.qdpx([coded], codebook: relationship), path: "hand.qdpx")
        #expect(annotations(coded).map(absoluteKey).sorted(by: keyOrder)
                == annotations(imported.result.coded[0]).map(absoluteKey).sorted(by: keyOrder))
        #expect(Set(imported.result.coders) == ["rapport", "Coder A"])
        // The source file is UTF-8 of the normalised text.
        let archive = try ZipArchive(bytes: try REFIQDAExport.qdpx([coded], codebook: relationship))
        let entry = try #require(archive.entry(named: "sources/\(source.guid).txt"))
        #expect(try archive.contents(of: entry) == Array(text.utf8))
    }

    @Test(.enabled(if: specsPresent, specsMissing))
    func atlasExampleImportsUsersAndNestedCodes() throws {
        let path = specs.appendingPathComponent("refi-qda/examples/atlas-ti-23-target-atlas-project.qde").path
        let imported = try REFIQDAImport.read(path: path, codebook: relationship)
        let project = imported.project
        #expect(project.origin == "ATLAS.ti for Windows 23.2.3.27778")
        #expect(project.users.map(\.name) == ["Enric Llagostera", "ATLAS.ti"])
        #expect(project.users[0].guid == "088B08AC-D5CD-4ADB-8B71-B4F3459C177F")
        #expect(project.codes.count == 1)
        #expect(project.codes[0].name == "Commits")
        #expect(project.codes[0].children.map(\.name) == ["2022-05-10T02:05:59Z 19e4dce", "2022-02-11T10:39:25Z cdbfd92"])
        #expect(project.codes[0].children.allSatisfy { $0.isCodable })
        let ids = REFIQDAImport.codeIDs(project, codebook: relationship)
        #expect(ids[project.codes[0].guid] == "commits")
        #expect(ids[project.codes[0].children[0].guid] == "commits.2022-05-10t02-05-59z-19e4dce")
        #expect(imported.result.coded.isEmpty)
        #expect(imported.result.warnings.contains { $0.message.contains("no text sources") })
    }

    /// A project from another tool: CRLF line ends and a decomposed accent in the source (so its
    /// positions differ from Rapport's normalised text), a nested code matched by name, users as
    /// coders, and warnings for what is not carried over.
    @Test func foreignProjectMapsPositionsAndWarns() throws {
        let text = "Encounter: F1\r\n\r\nSW: Jose\u{301} said it's your decision.\r\n\r\nMum: You lot are all the same.\r\n"
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <Project xmlns="urn:QDA-XML:project:1.0" name="team" origin="NVivo 14">
              <Users><User guid="11111111-1111-1111-1111-111111111111" name="Ann"/><User guid="22222222-2222-2222-2222-222222222222" name="Bob"/></Users>
              <CodeBook><Codes>
                <Code guid="{AAAAAAAA-0000-0000-0000-000000000001}" name="Acceptance" isCodable="true">
                  <Code guid="AAAAAAAA-0000-0000-0000-000000000002" name="Respect for self-determination" isCodable="true"/>
                </Code>
                <Code guid="AAAAAAAA-0000-0000-0000-000000000003" name="Team's own code" isCodable="true"/>
              </Codes></CodeBook>
              <Sources>
                <TextSource guid="BBBBBBBB-0000-0000-0000-000000000001" name="visit.txt">
                  <PlainTextContent>\(text.replacingOccurrences(of: "\r", with: "&#13;"))</PlainTextContent>
                  <PlainTextSelection guid="CCCCCCCC-0000-0000-0000-000000000001" startPosition="21" endPosition="51" creatingUser="11111111-1111-1111-1111-111111111111">
                    <Coding guid="DDDDDDDD-0000-0000-0000-000000000001" creatingUser="11111111-1111-1111-1111-111111111111"><CodeRef targetGUID="aaaaaaaa-0000-0000-0000-000000000002"/></Coding>
                    <NoteRef targetGUID="EEEEEEEE-0000-0000-0000-000000000001"/>
                  </PlainTextSelection>
                  <PlainTextSelection guid="CCCCCCCC-0000-0000-0000-000000000002" startPosition="60" endPosition="85">
                    <Coding guid="DDDDDDDD-0000-0000-0000-000000000002" creatingUser="22222222-2222-2222-2222-222222222222"><CodeRef targetGUID="AAAAAAAA-0000-0000-0000-000000000003"/></Coding>
                  </PlainTextSelection>
                </TextSource>
                <PictureSource guid="BBBBBBBB-0000-0000-0000-000000000002" name="photo.jpg" path="internal://x.jpg"/>
                <AudioSource guid="BBBBBBBB-0000-0000-0000-000000000003" name="visit.mp3"/>
              </Sources>
              <Notes><Note guid="EEEEEEEE-0000-0000-0000-000000000001" name="memo"><PlainTextContent>memo</PlainTextContent></Note></Notes>
            </Project>
            """
        let imported = try REFIQDAImport.read(bytes: Array(xml.utf8), path: "team.qde", codebook: relationship)
        let result = imported.result
        let messages = result.warnings.map(\.message).joined(separator: "\n")
        #expect(messages.contains("1 picture source not carried over"))
        #expect(messages.contains("1 audio source not carried over"))
        #expect(messages.contains("1 note not carried over"))
        #expect(messages.contains("1 note reference not carried over"))
        #expect(result.coders == ["Ann", "Bob"])
        let found = annotations(try #require(result.coded.first))
        #expect(found.count == 2)
        let normal = result.coded[0].transcript.text
        #expect(found[0].annotation.code == "acceptance.self-determination")
        #expect(found[0].annotation.coder == "Ann")
        #expect(slice(normal, found[0].annotation.start, found[0].annotation.end) == "José said it's your decision.")
        #expect(found[1].annotation.code == "team-s-own-code")
        #expect(found[1].annotation.coder == "Bob")
        #expect(slice(normal, found[1].annotation.start, found[1].annotation.end) == "You lot are all the same.")
        #expect(found[1].segment.speaker == "Mum")
    }

    /// A bare `project.qde` finds its internal files in `sources/` beside it.
    @Test func bareProjectReadsSourcesBesideIt() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let coded = Array(codedCorpus.prefix(2))
        let archive = try ZipArchive(bytes: try REFIQDAExport.qdpx(coded, codebook: relationship))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sources"), withIntermediateDirectories: true)
        for entry in archive.entries {
            try Data(try archive.contents(of: entry)).write(to: folder.appendingPathComponent(entry.name))
        }
        let imported = try REFIQDAImport.read(path: folder.appendingPathComponent("project.qde").path)
        #expect(imported.result.warnings.isEmpty)
        #expect(imported.result.coded.map { annotations($0).map(absoluteKey) } == coded.map { annotations($0).map(absoluteKey) })
    }

    @Test func guidsAreStableNameBasedUUIDs() {
        #expect(SHA1.digest(Array("abc".utf8)).map { String(format: "%02x", $0) }.joined() == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA1.digest([]).map { String(format: "%02x", $0) }.joined() == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        let dns = NameBasedUUID.bytes(of: "6ba7b810-9dad-11d1-80b4-00c04fd430c8")
        #expect(NameBasedUUID.make(namespace: dns, name: "python.org") == "886313E1-3B8A-5372-9B90-0C9AEE199E5D")
        #expect(QDAProject.guid(code: "power") == QDAProject.guid(code: "power"))
        #expect(QDAProject.guid(code: "power") != QDAProject.guid(code: "power.statutory"))
        let project = QDAProject(coded: codedCorpus, codebook: relationship)
        let guids = project.sources.flatMap { $0.selections.map(\.guid) } + project.cases.map(\.guid) + project.allCodes.map(\.code.guid)
        #expect(Set(guids).count == guids.count)
        #expect(guids.allSatisfy { $0.count == 36 && Array($0)[14] == "5" })
    }

    @Test func codebookKeepsTheTreeColoursAndDescriptions() throws {
        let codes = QDAProject(coded: [], codebook: relationship).codes
        #expect(codes.map(\.name) == ["Hostility", "Empathy", "Acceptance", "Power"])
        #expect(codes[0].colour == "#D55E00" && codes[0].children.allSatisfy { $0.colour == "#D55E00" })
        #expect(codes[0].children.count == 5)
        let description = try #require(codes[0].description)
        #expect(description.hasPrefix("Definition: Open conflict"))
        #expect(description.contains("\nUse when: ") && description.contains("\nExamples:\n- "))
        #expect(description.hasSuffix("\nRapport code: hostility"))
        #expect(QDAProject.colour("#abc") == "#AABBCC" && QDAProject.colour("red") == nil)
    }

    @Test func sourceTextMapsRawPositionsToNormalisedOnes() {
        let source = SourceText(raw: "a\r\nbe\u{301}c 👋🏽")
        #expect(source.text == "a\nbéc 👋🏽")
        #expect(source.offset(3) == 2)    // b
        #expect(source.offset(5) == 4)    // inside é → after it
        #expect(source.offset(6) == 4)    // c
        #expect(source.offset(10) == 8)   // end
    }
}

/// (path, encounter, segment, code, start, end, coder, cue, rule) of an annotation.
func absoluteKey(_ item: (encounter: String, segment: Segment, annotation: Annotation)) -> [String] {
    let a = item.annotation
    return [item.encounter, String(item.segment.index), a.code, String(a.start), String(a.end), a.coder,
            a.evidence?.cue ?? "-", a.evidence?.rule ?? "-", a.context.rawValue]
}
