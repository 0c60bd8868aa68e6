import Coding
import Foundation
import Testing
import Transcripts
@testable import Interchange

/// Exports checked against the schemas in ../shared/spec with xmllint: TEI against tei_all
/// (RELAX NG, ~15 s to load, so all TEI files go to one run), REFI-QDA against its XSDs.
@Suite("Schema validation (xmllint)", .enabled(if: specsPresent, specsMissing))
struct ValidationTests {
    @Test func teiExportsValidateAgainstTEIAll() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        func save(_ bytes: [UInt8], _ name: String) throws {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            files.append(url.path)
        }
        for (coded, name) in zip(codedCorpus, TEIExport.fileNames(for: codedCorpus.map(\.transcript.path))) {
            try save(try TEIExport.document(coded, codebook: relationship), name)
        }
        try save(try TEIExport.corpus(codedCorpus, codebook: relationship), "corpus.tei.xml")
        try save(try TEIExport.document(handCoded(), codebook: relationship), "hand-coded.tei.xml")
        let pseudonymiser = Pseudonymiser(transcripts: corpus)
        let pseudonymised = corpus.prefix(4).map { defaultCoder.code(pseudonymiser.apply($0)) }
        try save(try TEIExport.corpus(pseudonymised, codebook: relationship), "pseudonymised.tei.xml")
        try save(try TEIExport.document(defaultCoder.code(plain("", path: "empty.txt")), codebook: relationship), "empty.tei.xml")
        try save(try TEIExport.document(defaultCoder.code(plain(awkwardText, path: "awkward.txt")), codebook: relationship), "awkward.tei.xml")

        let schema = specs.appendingPathComponent("tei/tei_all-4.3.0.rng").path
        guard let (status, output) = try xmllint(["--noout", "--relaxng", schema] + files) else { return }
        #expect(status == 0, "\(output)")
        for file in files { #expect(output.contains("\(file) validates"), "\(file): \(output)") }
    }

    @Test func projectAndCodebookValidateAgainstREFIQDA() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let project = folder.appendingPathComponent("project.qde")
        try Data(try REFIQDAExport.projectXML(codedCorpus + [handCoded()], codebook: relationship)).write(to: project)
        let codebook = folder.appendingPathComponent("relationship.qdc")
        try Data(try REFIQDAExport.qdc(relationship)).write(to: codebook)
        // The .qde inside a .qdpx is the same document.
        let archive = try ZipArchive(bytes: try REFIQDAExport.qdpx(codedCorpus, codebook: relationship))
        let packed = folder.appendingPathComponent("packed.qde")
        try Data(try archive.contents(of: #require(archive.entry(named: "project.qde")))).write(to: packed)

        let projectSchema = specs.appendingPathComponent("refi-qda/Project-mrt2019.xsd").path
        let codebookSchema = specs.appendingPathComponent("refi-qda/Codebook-mrt2019.xsd").path
        guard let (status, output) = try xmllint(["--noout", "--schema", projectSchema, project.path, packed.path]) else { return }
        #expect(status == 0, "\(output)")
        #expect(output.contains("\(project.path) validates") && output.contains("\(packed.path) validates"), "\(output)")
        guard let (status2, output2) = try xmllint(["--noout", "--schema", codebookSchema, codebook.path]) else { return }
        #expect(status2 == 0, "\(output2)")
        #expect(output2.contains("\(codebook.path) validates"), "\(output2)")
    }
}
