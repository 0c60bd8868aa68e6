import Coding
import Foundation
import Testing
import Transcripts
@testable import Interchange

/// What other tools see in a Rapport .qdpx: sources named by file name, no empty selections,
/// creators and dates.
@Suite("REFI-QDA export: what other tools show")
struct QDPXExportTests {
    @Test func sourcesAreNamedByFileNameNeverAPath() throws {
        let project = QDAProject(coded: codedCorpus, codebook: relationship)
        #expect(project.sources.count == codedCorpus.count)
        for (source, coded) in zip(project.sources, codedCorpus) {
            #expect(!source.name.contains("/"))
            #expect(coded.transcript.path.hasSuffix("/" + source.name))
        }
        #expect(Set(project.sources.map(\.name)).count == project.sources.count)
        #expect(QDAProject.sourceNames(for: ["Smith family/visit.txt", "Jones family/visit.txt", "Visit.TXT", "x"])
                == ["visit.txt", "visit (2).txt", "Visit (3).TXT", "x"])
        let hidden = QDAProject(coded: codedCorpus, codebook: relationship,
                                sourceNames: QDAProject.pseudonymousSourceNames(count: codedCorpus.count))
        #expect(hidden.sources.first?.name == "Transcript 1")
        let qde = String(decoding: try #require(QDEWriter.project(hidden)), as: UTF8.self)
        for coded in codedCorpus {
            let folderAndFile = coded.transcript.path.split(separator: "/").suffix(2).joined(separator: "/")
            #expect(!qde.contains(folderAndFile))
        }
    }

    /// Every selection carries a coding; cases refer to their sources only.
    @Test func noUncodedSelections() {
        let project = QDAProject(coded: codedCorpus, codebook: relationship)
        let selections = project.sources.flatMap(\.selections)
        #expect(!selections.isEmpty)
        #expect(selections.allSatisfy { !$0.codings.isEmpty })
        #expect(project.cases.count == codedCorpus.reduce(0) { $0 + $1.transcript.encounters.count })
        #expect(project.cases.allSatisfy { $0.selectionGUIDs.isEmpty && $0.sourceGUIDs.count == 1 })
    }

    @Test func creatorsAndDatesAreWritten() throws {
        let date = "2024-05-01T10:00:00Z"
        let project = QDAProject(coded: Array(codedCorpus.prefix(1)), codebook: relationship, date: date)
        let qde = String(decoding: try #require(QDEWriter.project(project)), as: UTF8.self)
        let rapport = QDAProject.guid(user: "rapport")
        #expect(qde.contains("creatingUserGUID=\"\(rapport)\" creationDateTime=\"\(date)\""))
        #expect(qde.contains("creatingUser=\"\(rapport)\" creationDateTime=\"\(date)\""))
        let selections = qde.components(separatedBy: "<PlainTextSelection ").count - 1
        let codings = qde.components(separatedBy: "<Coding ").count - 1
        #expect(selections > 0 && codings == selections)
        #expect(qde.components(separatedBy: "creationDateTime=\"\(date)\"").count - 1 == 1 + 1 + selections + codings)
    }
}
