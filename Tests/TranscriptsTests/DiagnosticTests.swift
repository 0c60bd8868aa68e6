import Testing
import Transcripts

@Suite("Diagnostic messages")
struct DiagnosticTests {
    @Test func locatedErrorQuotesTheLineWithACaret() {
        let d = Diagnostic(path: "a.txt", line: 2, column: 5, message: "bad label").citing("one\nSW:\tX: hi\nthree")
        #expect(d.description == "a.txt:2:5: error: bad label\nSW:\tX: hi\n   \t^")
    }

    @Test func wholeFileAndNoFile() {
        #expect(Diagnostic(path: "a.docx", message: "not a ZIP archive").description == "a.docx: error: not a ZIP archive")
        #expect(Diagnostic(path: "a.txt", line: 3, severity: .warning, message: "w").description == "a.txt:3: warning: w")
        #expect(Diagnostic.general("nothing to do").description == "rapport: error: nothing to do")
    }

    @Test func aLineThatIsNotThereIsNotQuoted() {
        let d = Diagnostic(path: "a.txt", line: 9, column: 1, message: "m").citing("one\ntwo")
        #expect(d.description == "a.txt:9:1: error: m")
    }

    @Test func aLongLineIsQuotedAroundTheColumn() {
        let line = String(repeating: "a", count: 300) + "X" + String(repeating: "b", count: 300)
        let d = Diagnostic(path: "x.xml", line: 1, column: 301, message: "m").citing(line)
        let quoted = d.description.split(separator: "\n")
        #expect(quoted[1] == "…" + String(repeating: "a", count: 50) + "X" + String(repeating: "b", count: 49) + "…")
        #expect(quoted[2] == String(repeating: " ", count: 51) + "^")
    }
}
