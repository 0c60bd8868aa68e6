import Foundation
import Testing

/// `rapport import` on a project with broken parts: the rest is imported, each problem is on
/// stderr with file and line, and the exit code is 1; bad options are usage errors (2).
@Suite("rapport import")
struct ImportCommandTests {
    static let project = """
        <?xml version="1.0" encoding="utf-8"?>
        <Project xmlns="urn:QDA-XML:project:1.0" name="broken">
          <CodeBook><Codes><Code guid="AAAAAAAA-0000-0000-0000-000000000001" name="Acceptance" isCodable="true"/></Codes></CodeBook>
          <Sources>
            <TextSource guid="BBBBBBBB-0000-0000-0000-000000000001" name="visit.txt"><PlainTextContent>SW: It's your decision.</PlainTextContent>
              <PlainTextSelection guid="CCCCCCCC-0000-0000-0000-000000000001" startPosition="4" endPosition="23">
                <Coding guid="DDDDDDDD-0000-0000-0000-000000000001"><CodeRef targetGUID="AAAAAAAA-0000-0000-0000-000000000001"/></Coding>
              </PlainTextSelection>
              <PlainTextSelection guid="CCCCCCCC-0000-0000-0000-000000000002" startPosition="4" endPosition="99">
                <Coding guid="DDDDDDDD-0000-0000-0000-000000000002"><CodeRef targetGUID="AAAAAAAA-0000-0000-0000-000000000001"/></Coding>
              </PlainTextSelection>
            </TextSource>
          </Sources>
        </Project>
        """

    @Test func brokenSelectionIsReportedAndTheRestImported() throws {
        let dir = try Binary.temporaryDirectory()
        let file = dir.appendingPathComponent("project.qde")
        try Self.project.write(to: file, atomically: true, encoding: .utf8)
        let r = try Binary.run(["import", file.path, "--format", "csv"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("project.qde:9: error: <PlainTextSelection guid=\"CCCCCCCC-0000-0000-0000-000000000002\"> 4-99"), "\(r.stderr)")
        #expect(r.stdout.contains("acceptance,4,23,It's your decision."), "\(r.stdout)")
        #expect(r.stderr.contains("1 of 2 coded selections imported"))
    }

    @Test func crlfTakesOneOrTwo() throws {
        let r = try Binary.run(["import", "x.qdpx", "--crlf", "3"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("--crlf takes 1 or 2"))
    }
}
