import Foundation
import Testing
import Transcripts
@testable import Interchange

/// A `project.qde` is untrusted XML: it goes through the same hardened reader as transcripts.
@Suite("REFI-QDA: hostile project files")
struct HostileProjectTests {
    /// Billion laughs in a code name: refused with a located error, not expanded.
    @Test func entityExpansionIsRefused() {
        var entities = "<!ENTITY a0 \"lol lol lol lol lol lol lol lol lol lol\">\n"
        for k in 1...9 { entities += "<!ENTITY a\(k) \"" + String(repeating: "&a\(k - 1);", count: 10) + "\">\n" }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Project [
            \(entities)]>
            <Project xmlns="urn:QDA-XML:project:1.0" name="bomb">
              <CodeBook><Codes><Code guid="AAAAAAAA-0000-0000-0000-000000000001" name="&a9;" isCodable="true"/></Codes></CodeBook>
            </Project>
            """
        #expect {
            _ = try REFIQDAImport.read(bytes: Array(xml.utf8), path: "bomb.qde")
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.path == "bomb.qde" && diagnostic.line > 0
        }
    }

    /// An external entity is never loaded: in an attribute the file is refused with a located
    /// error; in element content the reference is dropped. The file's text never appears.
    @Test func externalEntityIsNotLoaded() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = folder.appendingPathComponent("secret.txt")
        try Data("TOP-SECRET-CONTENT".utf8).write(to: secret)
        func project(_ code: String) -> [UInt8] {
            Array("""
                <?xml version="1.0"?>
                <!DOCTYPE Project [<!ENTITY leak SYSTEM "\(secret.absoluteString)">]>
                <Project xmlns="urn:QDA-XML:project:1.0" name="leak">
                  <CodeBook><Codes>\(code)</Codes></CodeBook>
                </Project>
                """.utf8)
        }
        #expect {
            _ = try REFIQDAImport.read(bytes: project(#"<Code guid="A1" name="x&leak;y" isCodable="true"/>"#), path: "leak.qde")
        } throws: { error in
            guard let diagnostic = error as? Diagnostic else { return false }
            return diagnostic.line == 4 && !diagnostic.description.contains("TOP-SECRET")
        }
        let imported = try REFIQDAImport.read(
            bytes: project(#"<Code guid="A1" name="x" isCodable="true"><Description>a&leak;b</Description></Code>"#), path: "leak.qde")
        #expect(imported.project.codes.first?.description == "ab")
    }
}
