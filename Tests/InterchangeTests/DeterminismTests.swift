import Coding
import Foundation
import Testing
import Transcripts
@testable import Interchange

@Suite("Deterministic output")
struct DeterminismTests {
    /// The same input gives the same bytes when exported twice in one process. (Two processes, whose
    /// hash seeds differ, are compared in the rapportTests' `DeterminismAcrossProcessesTests`.)
    @Test func exportingTwiceGivesIdenticalBytes() throws {
        let again = corpus.map { defaultCoder.code($0) }
        #expect(try REFIQDAExport.qdpx(codedCorpus, codebook: relationship) == REFIQDAExport.qdpx(again, codebook: relationship))
        #expect(try REFIQDAExport.qdc(relationship) == REFIQDAExport.qdc(Codebook.relationship()))
        #expect(try TEIExport.corpus(codedCorpus, codebook: relationship) == TEIExport.corpus(again, codebook: relationship))
        for (a, b) in zip(codedCorpus, again) {
            #expect(try TEIExport.document(a, codebook: relationship) == TEIExport.document(b, codebook: relationship))
        }
        var csv1 = CSVWriter(header: CodingOutput.csvHeader), csv2 = CSVWriter(header: CodingOutput.csvHeader)
        for c in codedCorpus { CodingOutput.csvRows(c, into: &csv1) }
        for c in again { CodingOutput.csvRows(c, into: &csv2) }
        #expect(csv1.text == csv2.text)
    }

    /// Every ZIP entry carries the fixed date 1980-01-01 00:00 (DOS date 0x0021, time 0).
    @Test func zipEntriesHaveAFixedDate() throws {
        let bytes = try REFIQDAExport.qdpx(Array(codedCorpus.prefix(2)), codebook: relationship)
        let archive = try ZipArchive(bytes: bytes)
        #expect(archive.entries.map(\.name).first == "project.qde")
        #expect(archive.entries.dropFirst().allSatisfy { $0.name.hasPrefix("sources/") && $0.name.hasSuffix(".txt") })
        for entry in archive.entries {
            #expect(Array(bytes[(Int(entry.localHeaderOffset) + 10)..<(Int(entry.localHeaderOffset) + 14)]) == [0, 0, 0x21, 0])
        }
    }
}
