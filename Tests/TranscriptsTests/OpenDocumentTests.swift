import Testing
@testable import Transcripts

@Suite("OpenDocument text (.odt)")
struct OpenDocumentTests {
    func parse(_ body: String, styles: String = "") throws -> Transcript {
        try OpenDocumentParser().parse(bytes: FormatFixtures.odt(body: body, styles: styles), path: "visit.odt")
    }

    @Test func paragraphsHeadingsAndSpans() throws {
        let t = try parse("""
            <text:h text:outline-level="1">Encounter: N3-E02</text:h>
            <text:p>Case: N3</text:p>
            <text:p/>
            <text:p>The worker knocks twice.</text:p>
            <text:p><text:span text:style-name="T1">SW:</text:span> Morning,<text:s/>Roberta.</text:p>
            <text:p>Mum:<text:tab/>Come   in,
              <text:span>it's <text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">open</text:a></text:span>.<text:line-break/>Shoes off.</text:p>
            """)
        let e = try #require(t.encounters.first)
        #expect(e.id == "N3-E02")
        #expect(e.caseID == "N3")
        #expect(e.segments.map(\.kind) == [.observation, .utterance, .utterance])
        #expect(e.segments.map(\.speaker) == [nil, "SW", "Mum"])
        #expect(e.segments[1].text == "Morning, Roberta.")
        #expect(e.segments[2].text == "Come in, it's open.\nShoes off.")
        #expect(FormatFixtures.rangesAreExact(t))
    }

    @Test func spacesCountAndLeadingWhitespace() throws {
        let t = try parse("<text:p>   SW:<text:s text:c=\"3\"/>Wait.</text:p>")
        #expect(t.text == "SW:   Wait.\n")
        #expect(t.encounters[0].segments[0].text == "Wait.")
    }

    @Test func boldAutomaticStyleLabelWithTab() throws {
        let styles = """
            <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
            """
        let t = try parse("""
            <text:p><text:span text:style-name="T1">SW</text:span><text:tab/>How are you?</text:p>
            <text:p><text:span text:style-name="T1">Mum:</text:span>Tired.</text:p>
            """, styles: styles)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum"])
        #expect(s.map(\.text) == ["How are you?", "Tired."])
    }

    @Test func listsAndSectionsAreRead() throws {
        let t = try parse("""
            <text:section text:name="S1"><text:list><text:list-item><text:p>SW: First.</text:p></text:list-item>
            <text:list-item><text:p>Mum: Second.</text:p></text:list-item></text:list></text:section>
            """)
        #expect(t.encounters[0].segments.map(\.text) == ["First.", "Second."])
    }

    @Test func tableRowsAreTurnsAndHeadingRowsSkipped() throws {
        func cell(_ text: String) -> String { "<table:table-cell><text:p>\(text)</text:p></table:table-cell>" }
        let t = try parse("""
            <table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>
            <table:table-header-rows><table:table-row>\(cell("Who"))\(cell("Said"))</table:table-row></table:table-header-rows>
            <table:table-row>\(cell("SW"))\(cell("Hello there."))</table:table-row>
            <table:table-row>\(cell("Mum"))\(cell("Hi."))</table:table-row>
            <table:table-row><table:table-cell/>\(cell("Come in."))</table:table-row>
            </table:table>
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum"])
        #expect(s.map(\.text) == ["Hello there.", "Hi.\nCome in."])
    }

    @Test func trackedDeletionsNotesAndCommentsAreLeftOut() throws {
        let t = try parse("""
            <text:tracked-changes><text:changed-region text:id="c1"><text:deletion>\
            <office:change-info><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">A</dc:creator></office:change-info>\
            <text:p>never</text:p></text:deletion></text:changed-region></text:tracked-changes>
            <text:p>SW: We <text:change text:change-id="c1"/>always visit<text:note text:note-class="footnote">\
            <text:note-citation>1</text:note-citation><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>\
            <office:annotation><text:p>A comment.</text:p></office:annotation>.</text:p>
            """)
        #expect(t.encounters[0].segments.map(\.text) == ["We always visit."])
        #expect(!t.text.contains("never") && !t.text.contains("footnote") && !t.text.contains("comment"))
    }

    @Test func spreadsheetIsRejected() throws {
        let content = """
            <office:document-content \(FormatFixtures.odfNamespaces)><office:body><office:spreadsheet/></office:body></office:document-content>
            """
        let bytes = try FormatFixtures.zip([("content.xml", content)])
        #expect(throws: Diagnostic(path: "s.odt", message: "not a text document: its body holds spreadsheet, not text")) {
            try OpenDocumentParser().parse(bytes: bytes, path: "s.odt")
        }
    }

    @Test func encryptedOdtIsRecognisedFromItsManifest() throws {
        let manifest = """
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">\
            <manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data manifest:checksum-type="SHA1"/>\
            </manifest:file-entry></manifest:manifest>
            """
        let bytes = try FormatFixtures.odt(body: "<text:p>SW: Hi.</text:p>", extraEntries: [("META-INF/manifest.xml", manifest)])
        #expect(throws: Diagnostic(path: "p.odt", message: "the document is password-protected (encrypted); save it without a password")) {
            try OpenDocumentParser().parse(bytes: bytes, path: "p.odt")
        }
    }

    @Test func missingContentXML() throws {
        let bytes = try FormatFixtures.zip([("mimetype", "application/vnd.oasis.opendocument.text")])
        #expect(throws: Diagnostic(path: "e.odt", message: "not an OpenDocument file: the archive has no content.xml")) {
            try OpenDocumentParser().parse(bytes: bytes, path: "e.odt")
        }
    }
}
