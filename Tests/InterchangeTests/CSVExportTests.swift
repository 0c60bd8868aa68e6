import Coding
import Foundation
import Testing
import Transcripts
@testable import Interchange

@Suite("CSV export")
struct CSVExportTests {
    /// One row per annotation with the export columns, RFC 4180 quoting, CRLF line ends.
    @Test func oneQuotedRowPerAnnotation() {
        let coded = handCoded()
        var csv = CSVWriter(header: CodingOutput.csvHeader)
        CodingOutput.csvRows(coded, into: &csv)
        let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines[0] == "path,encounter,case,date,setting,segment,speaker,role,code,start,end,text,cue,rule,coder")
        #expect(lines.count == 1 + annotations(coded).count)
        #expect(lines.contains { $0.hasPrefix("hand.txt,V-1,C9,2024-05-01,flat,0,SW,worker,empathy,") && $0.hasSuffix(",Zoë here ,,,Coder A") })
        #expect(lines.contains { $0.contains("\"Zoë here 👋🏽 — Inês, it's your decision.") })
    }
}
