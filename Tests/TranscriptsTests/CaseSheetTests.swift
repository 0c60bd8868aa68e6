import Foundation
import Testing
@testable import Transcripts

/// The case sheet (`attributes.csv`): files that cannot carry a header get their case, date and
/// roles from it; where a file says otherwise, the sheet wins with a warning.
@Suite("Case sheet (attributes.csv)")
struct CaseSheetTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-sheet-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static let vtt = """
        WEBVTT

        00:00:02.000 --> 00:00:04.000
        <v Amira Hussain>Hello, how are you managing this week?

        00:00:05.000 --> 00:00:07.000
        <v Dean>It's been hard, honestly.
        """

    @Test func fillsInWhatASubtitleFileCannotSay() throws {
        let root = try Self.folder([
            "calls/call.vtt": Self.vtt,
            "attributes.csv": "file,encounter,case,date,setting,kind,participants\n"
                + "calls/call.vtt,C7-E03,C7,5 March 2024,video call,phone call,\"Amira Hussain = worker; Dean = father (Dean Hall)\"\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("calls/call.vtt").path
        let parsed = try TranscriptLoader.load(path: file)
        #expect(parsed.warnings.contains { $0.message.contains("no known role") })
        let (sheets, errors) = CaseSheet.sheets(for: [file], inputs: [root.path], explicit: nil)
        #expect(errors.isEmpty && sheets.count == 1)
        let t = CaseSheet.apply(sheets, to: parsed)
        let e = try #require(t.encounters.first)
        #expect(e.id == "C7-E03" && e.caseID == "C7" && e.date == "2024-03-05" && e.setting == "video call" && e.kind == "phone call")
        #expect(e.segments.map(\.role) == [.worker, .client])
        #expect(e.participant(forLabel: "Dean")?.name == "Dean Hall")
        #expect(!t.warnings.contains { $0.message.contains("no known role") })
    }

    @Test func overridesAFileWithAWarningAtTheRow() throws {
        let root = try Self.folder([
            "visit.txt": "Encounter: E1\nCase: C1\nDate: 2024-01-02\nParticipants: SW = worker\n\nSW: Hi.\n\nGran: Hello.\n",
            "sheet.csv": "file,case,participants,notes\nvisit.txt,C2,Gran = grandmother\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("visit.txt").path
        let sheetPath = root.appendingPathComponent("sheet.csv").path
        let (sheets, errors) = CaseSheet.sheets(for: [file], inputs: [root.path], explicit: sheetPath)
        #expect(errors.isEmpty)
        #expect(sheets[0].warnings.contains { $0.line == 1 && $0.message.contains("column 'notes'") })
        let t = CaseSheet.apply(sheets, to: try TranscriptLoader.load(path: file))
        let e = try #require(t.encounters.first)
        #expect(e.caseID == "C2" && e.date == "2024-01-02" && e.id == "E1")
        #expect(e.segments.map(\.role) == [.worker, .client])
        #expect(t.warnings.contains { $0.path == sheetPath && $0.line == 2 && $0.message == "case 'C2' for 'visit.txt' overrides 'C1' written in the file" })
    }

    @Test func aSheetWithoutAFileColumnIsAnError() throws {
        let root = try Self.folder(["a.txt": "SW: Hi.\n", "attributes.csv": "name,case\na.txt,C1\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let (sheets, errors) = CaseSheet.sheets(for: [root.appendingPathComponent("a.txt").path], inputs: [root.path], explicit: nil)
        #expect(sheets.isEmpty)
        #expect(errors.count == 1 && errors[0].line == 1 && errors[0].message.contains("no 'file' column"))
    }
}
