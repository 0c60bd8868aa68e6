import Testing
@testable import Transcripts

@Suite("Word documents (.docx)")
struct WordDocumentTests {
    func parse(_ body: String, path: String = "visit.docx") throws -> Transcript {
        try WordDocumentParser().parse(bytes: FormatFixtures.docx(body: body), path: path)
    }

    @Test func oneParagraphPerTurnWithoutBlankParagraphs() throws {
        let t = try parse(FormatFixtures.wordParagraphs([
            "SW: How have things been?", "Mum: Fine.", "SW: And the school?", "Mum: Better.",
        ]))
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum", "SW", "Mum"])
        #expect(s.map(\.text) == ["How have things been?", "Fine.", "And the school?", "Better."])
        #expect(t.text == "SW: How have things been?\n\nMum: Fine.\n\nSW: And the school?\n\nMum: Better.\n")
        #expect(FormatFixtures.rangesAreExact(t))
    }

    @Test func blankParagraphsBetweenTurnsGiveTheSameSegments() throws {
        let plain = try parse(FormatFixtures.wordParagraphs(["SW: Hello.", "Mum: Hi.", "The kettle boils."]))
        let spaced = try parse(FormatFixtures.wordParagraphs(["SW: Hello.", "", "", "Mum: Hi.", "", "The kettle boils.", ""]))
        #expect(plain.text == spaced.text)
        #expect(plain.encounters == spaced.encounters)
    }

    @Test func eachProseParagraphIsAnObservation() throws {
        let t = try parse(FormatFixtures.wordParagraphs([
            "The worker knocks twice.", "Mum opens the door a crack.", "SW: Morning.", "They sit in the kitchen.",
        ]))
        let s = t.encounters[0].segments
        #expect(s.map(\.kind) == [.observation, .observation, .utterance, .observation])
        #expect(s[1].text == "Mum opens the door a crack.")
        #expect(s[3].speaker == nil)
    }

    @Test func lineBreakContinuesATurn() throws {
        let t = try parse("""
            <w:p><w:r><w:t>SW: How have things been</w:t></w:r><w:r><w:br/><w:t>since the last visit?</w:t></w:r></w:p>
            <w:p><w:r><w:t>Mum:</w:t><w:tab/><w:t>Fine.</w:t><w:cr/><w:t>Mostly.</w:t></w:r></w:p>
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum"])
        #expect(s[0].text == "How have things been\nsince the last visit?")
        #expect(s[1].text == "Fine.\nMostly.")
    }

    @Test func headerParagraphsFormOneHeaderBlock() throws {
        let t = try parse(FormatFixtures.wordParagraphs([
            "Encounter: N3-E01", "Case: N3", "Date: 12/03/2024", "Observer: Jo",
            "Participants: SW = social worker (Olivia); Mum = mother (Roberta)",
            "SW: Morning, Roberta.", "Mum: Come in.",
        ]))
        let e = try #require(t.encounters.first)
        #expect(e.id == "N3-E01")
        #expect(e.caseID == "N3")
        #expect(e.date == "2024-03-12")
        #expect(e.metadata["observer"] == "Jo")
        #expect(e.participants.map(\.label) == ["SW", "Mum"])
        #expect(e.segments.map(\.speaker) == ["SW", "Mum"])
        #expect(e.segments.map(\.role) == [.worker, .client])
    }

    @Test func boldLabelRunsGiveTurns() throws {
        func bold(_ label: String) -> String {
            "<w:r><w:rPr><w:b/></w:rPr><w:t>\(label)</w:t></w:r>"
        }
        let t = try parse("""
            <w:p>\(bold("SW:"))<w:r><w:t xml:space="preserve"> How are you?</w:t></w:r></w:p>
            <w:p>\(bold("Mum:"))<w:r><w:t>Tired.</w:t></w:r></w:p>
            <w:p>\(bold("SW"))<w:r><w:tab/><w:t>Sleep badly?</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:b w:val="0"/></w:rPr><w:t>Mum</w:t></w:r><w:r><w:tab/><w:t>No.</w:t></w:r></w:p>
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum", "SW", nil])
        #expect(s.map(\.text) == ["How are you?", "Tired.", "Sleep badly?", "Mum\tNo."])
        #expect(t.text.hasPrefix("SW: How are you?\n\nMum: Tired.\n\nSW:\tSleep badly?"))
    }

    @Test func labelInItsOwnRunAndSplitAcrossRuns() throws {
        let t = try parse("""
            <w:p><w:r><w:t>[00:01:05]</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t>Interviewer:</w:t></w:r><w:r><w:t>Where were you?</w:t></w:r></w:p>
            <w:p><w:r><w:t>P</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>3:</w:t></w:r><w:r><w:t xml:space="preserve"> At home.</w:t></w:r></w:p>
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["Interviewer", "P3"])
        #expect(s[0].timestamp == "00:01:05")
        #expect(s.map(\.text) == ["Where were you?", "At home."])
    }

    @Test func twoColumnTableRowsAreTurns() throws {
        let t = try parse(FormatFixtures.wordTable([
            ("SW", "How have things been?"), ("Mum:", "Fine."), ("", "Honestly."), ("Dr Khan", "I'll add something."),
        ], heading: ("Speaker", "Text")))
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum", "Dr Khan"])
        #expect(s.map(\.text) == ["How have things been?", "Fine.\nHonestly.", "I'll add something."])
        #expect(FormatFixtures.rangesAreExact(t))
    }

    @Test func headingRowIsSkippedWithoutTheHeadingProperty() throws {
        let t = try parse(FormatFixtures.wordTable([("Speaker", "Transcript"), ("SW", "Hello."), ("Mum", "Hi.")]))
        #expect(t.encounters[0].segments.map(\.speaker) == ["SW", "Mum"])
    }

    @Test func threeColumnTableWithTimes() throws {
        func cell(_ s: String) -> String { "<w:tc><w:p><w:r><w:t>\(s)</w:t></w:r></w:p></w:tc>" }
        let t = try parse("<w:tbl><w:tr>\(cell("00:00:04"))\(cell("SW"))\(cell("Morning."))</w:tr>"
            + "<w:tr>\(cell("00:00:09"))\(cell("Mum"))\(cell("Hello."))</w:tr></w:tbl>")
        let s = t.encounters[0].segments
        #expect(s.map(\.speaker) == ["SW", "Mum"])
        #expect(s.map(\.timestamp) == ["00:00:04", "00:00:09"])
    }

    @Test func trackedChangesCommentsAndHiddenText() throws {
        let t = try parse("""
            <w:p><w:commentRangeStart w:id="1"/><w:r><w:t xml:space="preserve">SW: We </w:t></w:r>\
            <w:del w:id="2" w:author="A"><w:r><w:delText xml:space="preserve">never </w:delText></w:r></w:del>\
            <w:ins w:id="3" w:author="A"><w:r><w:t xml:space="preserve">always </w:t></w:r></w:ins>\
            <w:r><w:t>visit</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r>\
            <w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> secretly</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>
            <w:p><w:moveFrom w:id="4"><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom><w:r><w:t>Mum: OK.</w:t></w:r></w:p>
            """)
        let s = t.encounters[0].segments
        #expect(s.map(\.text) == ["We always visit.", "OK."])
        #expect(!t.text.contains("never"))
        #expect(!t.text.contains("secretly"))
    }

    @Test func deletedParagraphMarkJoinsParagraphs() throws {
        let t = try parse("""
            <w:p><w:pPr><w:rPr><w:del w:id="1" w:author="A"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve">SW: One half </w:t></w:r></w:p>
            <w:p><w:r><w:t>and the other.</w:t></w:r></w:p>
            """)
        #expect(t.encounters[0].segments.map(\.text) == ["One half and the other."])
    }

    @Test func contentControlsHyperlinksAndNestedBlocks() throws {
        let t = try parse("""
            <w:sdt><w:sdtContent><w:p><w:r><w:t xml:space="preserve">SW: See </w:t></w:r>\
            <w:hyperlink r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:r><w:t>the plan</w:t></w:r></w:hyperlink></w:p></w:sdtContent></w:sdt>
            """)
        #expect(t.encounters[0].segments.map(\.text) == ["See the plan"])
    }

    @Test func headersFootersAndCommentsPartsAreNotRead() throws {
        let bytes = try FormatFixtures.docx(body: FormatFixtures.wordParagraphs(["SW: Hello."]), extraEntries: [
            ("word/header1.xml", "<w:hdr xmlns:w=\"\(FormatFixtures.w)\"><w:p><w:r><w:t>CONFIDENTIAL</w:t></w:r></w:p></w:hdr>"),
            ("word/comments.xml", "<w:comments xmlns:w=\"\(FormatFixtures.w)\"><w:comment><w:p><w:r><w:t>Check this</w:t></w:r></w:p></w:comment></w:comments>"),
        ])
        let t = try WordDocumentParser().parse(bytes: bytes, path: "a.docx")
        #expect(t.text == "SW: Hello.\n")
    }

    @Test func accentsAreNFCAndRangesExact() throws {
        let t = try parse(FormatFixtures.wordParagraphs(["Mum: Zoe\u{0308} said “hello” 👋🏽 [laughs]"]))
        let s = t.encounters[0].segments[0]
        #expect(s.text == "Zoë said “hello” 👋🏽 [laughs]")
        #expect(s.text.unicodeScalars.count == "Zo\u{EB} said “hello” 👋🏽 [laughs]".unicodeScalars.count)
        #expect(s.notes.map(\.kind) == [.vocal])
        #expect(s.words == 3)
        #expect(FormatFixtures.rangesAreExact(t))
    }

    @Test func loaderDispatchesDocx() throws {
        let bytes = try FormatFixtures.docx(body: FormatFixtures.wordParagraphs(["SW: Hello."]))
        let t = try TranscriptLoader.parse(bytes: bytes, path: "x/Visit.DOCX")
        #expect(t.encounters[0].segments.map(\.speaker) == ["SW"])
        #expect(TranscriptLoader.extensions.isSuperset(of: ["docx", "odt", "vtt", "srt"]))
    }

    @Test func malformedDocumentXMLNamesThePart() throws {
        let bytes = try FormatFixtures.zip([("word/document.xml", "<w:document xmlns:w=\"\(FormatFixtures.w)\"><w:body><w:p></w:body>")])
        #expect(throws: Diagnostic.self) { try WordDocumentParser().parse(bytes: bytes, path: "bad.docx") }
        do {
            _ = try WordDocumentParser().parse(bytes: bytes, path: "bad.docx")
        } catch {
            #expect(error.description.hasPrefix("bad.docx: error: in word/document.xml at line 1, column "))
        }
    }

    @Test func wrongRootElement() throws {
        let bytes = try FormatFixtures.zip([("word/document.xml", "<html/>")])
        #expect(throws: Diagnostic(path: "x.docx", message: "word/document.xml is not a WordprocessingML document (root element 'html')")) {
            try WordDocumentParser().parse(bytes: bytes, path: "x.docx")
        }
    }
}
