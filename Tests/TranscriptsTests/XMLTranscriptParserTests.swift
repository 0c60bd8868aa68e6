import Foundation
import Testing
@testable import Transcripts

@Suite("XML transcripts (TEI P5 and native)")
struct XMLTranscriptParserTests {
    /// Tests/Fixtures/xml.
    static let fixtureFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xml")
    /// ../shared/spec/tei/examples next to the package checkout.
    static let teiExamples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/spec/tei/examples")
    static let teiExamplesExist = FileManager.default.fileExists(atPath: teiExamples.path)
    static let teiNamespace = "http://www.tei-c.org/ns/1.0"

    func fixture(_ name: String) throws -> Transcript {
        let url = Self.fixtureFolder.appendingPathComponent(name)
        return try XMLTranscriptParser().parse(bytes: [UInt8](try Data(contentsOf: url)), path: url.path)
    }

    func parse(_ xml: String, path: String = "in.xml") throws(Diagnostic) -> Transcript {
        try XMLTranscriptParser().parse(bytes: Array(xml.utf8), path: path)
    }

    /// The diagnostic `body` throws, or nil when it does not throw.
    func diagnostic(_ body: () throws(Diagnostic) -> Transcript) -> Diagnostic? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    /// The code points of `text` from `start` to `end`.
    func scalars(_ text: String, _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[start..<end])
        return String(view)
    }

    /// Every segment's range is its text, every note's range is its bracketed rendering.
    func expectExactRanges(_ t: Transcript, sourceLocation: SourceLocation = #_sourceLocation) {
        let all = Array(t.text.unicodeScalars)
        for encounter in t.encounters {
            for segment in encounter.segments {
                #expect(segment.start <= segment.end && segment.end <= all.count, sourceLocation: sourceLocation)
                guard segment.start <= segment.end && segment.end <= all.count else { continue }
                #expect(Array(all[segment.start..<segment.end]) == Array(segment.text.unicodeScalars),
                        "segment \(encounter.id)#\(segment.index)", sourceLocation: sourceLocation)
                for note in segment.notes {
                    let rendered = note.kind == .pause ? "(\(note.text))" : "[\(note.text)]"
                    #expect(segment.start <= note.start && note.end <= segment.end, sourceLocation: sourceLocation)
                    #expect(scalars(t.text, note.start, note.end) == rendered, sourceLocation: sourceLocation)
                }
            }
        }
    }

    // MARK: TEI

    @Test func teiHeaderAndTwoEncounterDivisions() throws {
        let t = try fixture("tei-two-encounters.xml")
        #expect(t.encounters.map(\.id) == ["F7-E05", "F7-E06"])
        let visit = t.encounters[0], call = t.encounters[1]

        #expect(visit.caseID == "F7" && call.caseID == "F7")
        #expect(visit.date == "2024-03-12")
        #expect(call.date == "2024-03-14")  // "14 March 2024" read by DateText
        #expect(visit.setting == "family home" && visit.kind == "home visit")
        #expect(call.setting == "office" && call.kind == "phone call")
        #expect(visit.metadata["title"] == "Home visit after the review")
        #expect(visit.line == 42 && call.line == 56)

        #expect(visit.participants == [
            Participant(label: "sw1", role: .worker, name: "Olivia"),      // role="socialWorker"
            Participant(label: "mum", role: .client, name: "Roberta Lévy"), // <roleName>mother</roleName>
            Participant(label: "yp", role: .child, name: "Noé"),
        ])
        #expect(visit.segments.map(\.kind) == [.observation, .utterance, .utterance, .utterance, .observation, .utterance, .utterance])
        #expect(visit.segments.map(\.speaker) == [nil, "sw1", "mum", "yp", nil, "sw1", "mum"])
        #expect(visit.segments.map(\.role) == [nil, .worker, .client, .child, nil, .worker, .client])
        #expect(visit.segments.map(\.line) == [44, 46, 48, 49, 51, 53, 54])
        #expect(visit.segments.map(\.text) == [
            "Olivia knocks twice. The door opens on the chain.",
            "Morning, Roberta. (pause) Can we come in?",
            "Café's still on, [laughs] come in then.",
            "[waves] Hi 👋 I'm Noé.",
            "Roberta leads the way into the kitchen.",
            "How has the week been? [phone rings]",
            "Hard. [inaudible] Really hard. [speaks quietly]",
        ])
        #expect(visit.segments.map(\.words) == [9, 6, 6, 3, 7, 5, 3])
        #expect(visit.segments[1].timestamp == "10:15:12.5")  // <when interval="12.5" since="#T0">

        // Notes: kinds, texts, and ranges relative to their segment.
        func notes(_ s: Segment) -> [String] {
            s.notes.map { "\($0.kind.rawValue):\($0.text)@\($0.start - s.start)-\($0.end - s.start)" }
        }
        #expect(notes(visit.segments[1]) == ["pause:pause@18-25"])
        #expect(notes(visit.segments[2]) == ["vocal:laughs@17-25"])
        #expect(notes(visit.segments[3]) == ["kinesic:waves@0-7"])
        #expect(notes(visit.segments[5]) == ["incident:phone rings@23-36"])
        #expect(notes(visit.segments[6]) == ["inaudible:inaudible@6-17", "comment:speaks quietly@31-47"])

        // The second encounter's setting names its people; 'gran' is not declared anywhere.
        #expect(call.segments.map(\.speaker) == ["sw1", "gran"])
        #expect(call.segments.map(\.role) == [.worker, .unknown])
        #expect(call.participants.map(\.label) == ["sw1", "mum", "gran"])
        #expect(t.warnings.count == 1)
        #expect(t.warnings.first?.severity == .warning)
        #expect(t.warnings.first?.line == 59)
        #expect(t.warnings.first?.message.contains("gran") == true)
        expectExactRanges(t)
    }

    /// Regression for a fuzzer finding: an absurd timeline time overflowed the conversion to
    /// milliseconds and trapped. Such a time is now simply no timestamp.
    @Test func absurdTimelineTimesGiveNoTimestamp() throws {
        let t = try parse("""
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
            <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
            <text><body><timeline unit="s" origin="#T0">
            <when xml:id="T0" absolute="5555555555555555555555555555555555555510:15:00"/>
            <when xml:id="T1" interval="1e308" since="#T0"/><when xml:id="T2" absolute="10:15:00"/></timeline>
            <u who="#a" start="#T0">one</u><u who="#a" start="#T1">two</u><u who="#a" start="#T2">three</u>
            </body></text></TEI>
            """)
        // An absolute time is kept as written; a time computed from it is none.
        #expect(t.encounters[0].segments.map(\.timestamp) == ["5555555555555555555555555555555555555510:15:00", nil, "10:15:00"])
        #expect(t.encounters[0].segments.map(\.text) == ["one", "two", "three"])
    }

    @Test func teiRenderedText() throws {
        let t = try fixture("tei-two-encounters.xml")
        #expect(t.text == """
            Encounter: F7-E05
            Case: F7
            Date: 2024-03-12
            Setting: family home
            Kind: home visit
            Participants: sw1 = worker (Olivia); mum = client (Roberta Lévy); yp = child (Noé)

            Olivia knocks twice. The door opens on the chain.

            [10:15:12.5] sw1: Morning, Roberta. (pause) Can we come in?

            mum: Café's still on, [laughs] come in then.

            yp: [waves] Hi 👋 I'm Noé.

            Roberta leads the way into the kitchen.

            sw1: How has the week been? [phone rings]

            mum: Hard. [inaudible] Really hard. [speaks quietly]

            Encounter: F7-E06
            Case: F7
            Date: 2024-03-14
            Setting: office
            Kind: phone call
            Participants: sw1 = worker (Olivia); mum = client (Roberta Lévy); gran = unknown

            sw1: Just ringing to check in.

            gran: It's her gran here, she's out.

            """)
    }

    @Test func teiCorpusGivesOneEncounterPerTEI() throws {
        let t = try fixture("tei-corpus.xml")
        #expect(t.encounters.map(\.id) == ["K2-E01", "K2-E02"])  // xml:id, then idno type="encounter"
        let first = t.encounters[0], second = t.encounters[1]
        #expect(first.caseID == "K2" && second.caseID == "K2")    // from the corpus header
        #expect(first.date == "2024-02-01")                        // recording date with a time
        #expect(second.date == "2024-03-02")
        #expect(first.setting == "family home" && first.kind == "home visit")
        #expect(second.setting == "Children's centre" && second.kind == "meeting")
        #expect(first.metadata["title"] == "First visit")
        #expect(first.participants.map(\.label) == ["fsw", "dad"])
        #expect(first.segments.map(\.role) == [.worker, .client])
        // The second TEI declares its own people; the corpus's are still known.
        #expect(second.participants == [
            Participant(label: "hv", role: .professional, name: "Ama"),
            Participant(label: "dad", role: .client, name: "Marek"),
        ])
        #expect(second.segments.map(\.kind) == [.observation, .utterance, .utterance])
        #expect(t.warnings.isEmpty)
        expectExactRanges(t)
    }

    @Test func bodyWithoutDivisionsIsOneEncounterNamedAfterTheFile() throws {
        let t = try parse("""
            <TEI xmlns="\(Self.teiNamespace)">
              <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>
              <text><body>
                <u who="#SW">Hello <hi rend="bold">there</hi>, <persName>Kim</persName>.</u>
                <u who="#Kim">Hi<lb/>again.</u>
              </body></text>
            </TEI>
            """, path: "visits/2024-06-01-visit.tei.xml")
        #expect(t.encounters.map(\.id) == ["2024-06-01-visit"])
        #expect(t.encounters[0].line == 1)
        #expect(t.encounters[0].segments.map(\.text) == ["Hello there, Kim.", "Hi again."])
        // Neither is declared: kept as written, role unknown, one warning each with its line.
        #expect(t.encounters[0].segments.map(\.role) == [.unknown, .unknown])
        #expect(t.warnings.map(\.line) == [4, 5])
        #expect(t.warnings.allSatisfy { $0.severity == .warning })
    }

    @Test func undeclaredSpeakerKeepsLabelAndWarns() throws {
        let t = try parse("""
            <TEI xmlns="\(Self.teiNamespace)">
              <teiHeader><profileDesc><particDesc><listPerson>
                <person xml:id="sw" role="worker"/>
              </listPerson></particDesc></profileDesc></teiHeader>
              <text><body>
                <u who="#sw">Who are you?</u>
                <u who="#visitor">Just a neighbour.</u>
                <u who="#visitor">Bye.</u>
              </body></text>
            </TEI>
            """)
        let e = t.encounters[0]
        #expect(e.segments.map(\.speaker) == ["sw", "visitor", "visitor"])
        #expect(e.segments.map(\.role) == [.worker, .unknown, .unknown])
        #expect(e.participants.last == Participant(label: "visitor", role: .unknown))
        #expect(t.warnings.count == 1)
        #expect(t.warnings[0].line == 7)
        #expect(t.warnings[0].description.hasPrefix("in.xml:7: warning: speaker '#visitor'"))
    }

    @Test func roundTripThroughThePlainTextParser() throws {
        let t = try fixture("tei-roundtrip.xml")
        #expect(t.warnings.isEmpty)
        #expect(t.encounters[0].segments.map(\.speaker) == [nil, "SW", "Mum", "SW", "Mum", nil])
        let plain = PlainTextParser().parse(text: t.text, path: "tei-roundtrip.txt")
        #expect(plain.warnings.isEmpty)
        try #require(plain.encounters.count == t.encounters.count)
        for (xml, text) in zip(t.encounters, plain.encounters) {
            #expect(text.id == xml.id)
            #expect(text.caseID == xml.caseID && text.date == xml.date)
            #expect(text.setting == xml.setting && text.kind == xml.kind)
            #expect(text.participants == xml.participants)
            try #require(text.segments.count == xml.segments.count)
            for (a, b) in zip(xml.segments, text.segments) {
                #expect(a.kind == b.kind)
                #expect(a.speaker == b.speaker)
                #expect(a.role == b.role)
                #expect(a.text == b.text)
                #expect(a.start == b.start && a.end == b.end)
                #expect(a.timestamp == b.timestamp)
                #expect(a.notes == b.notes)
                #expect(a.words == b.words)
            }
        }
    }

    @Test func nonASCIIRangesAndNFC() throws {
        // "e" + combining acute split across an element boundary composes to "é".
        let t = try parse("""
            <TEI xmlns="\(Self.teiNamespace)"><text><body>
              <u who="#Mum">Cafe<seg>\u{301}</seg> 👨‍👩‍👧 <vocal><desc>soupire\u{301}</desc></vocal> naïve 🙂.</u>
              <p>Zoë ✨ waits.</p>
            </body></text></TEI>
            """)
        let s = t.encounters[0].segments
        #expect(s[0].text == "Café 👨‍👩‍👧 [soupiré] naïve 🙂.")
        #expect(s[0].text.unicodeScalars.count == 29)
        #expect(s[0].notes.map(\.text) == ["soupiré"])
        #expect(t.text == t.text.precomposedStringWithCanonicalMapping)
        expectExactRanges(t)
    }

    @Test func fixturesHaveExactRanges() throws {
        for name in ["tei-two-encounters.xml", "tei-corpus.xml", "tei-roundtrip.xml", "native.xml"] {
            expectExactRanges(try fixture(name))
        }
    }

    /// ../shared is optional (README, "Tests"): without it this test is skipped with its reason printed.
    @Test(.enabled(if: teiExamplesExist, "TEI examples folder ../shared/spec/tei/examples not found next to the package"))
    func specExamplesParse() throws {
        func example(_ name: String) throws -> Transcript {
            let url = Self.teiExamples.appendingPathComponent(name)
            return try XMLTranscriptParser().parse(bytes: [UInt8](try Data(contentsOf: url)), path: url.path)
        }
        let minimal = try example("minimal-u-two-codes.xml")
        #expect(minimal.encounters.count == 1)
        #expect(minimal.encounters[0].segments.map(\.text) == ["You people always decide what happens to my kids."])
        #expect(minimal.encounters[0].segments[0].role == .client)
        #expect(minimal.warnings.isEmpty)

        let rich = try example("shadowing-rich.xml")
        let e = try #require(rich.encounters.first)
        #expect(rich.encounters.count == 1)
        #expect(e.date == "2024-03-12" && e.setting == "Client's flat" && e.kind == "Home visit")
        #expect(e.participants.map(\.role) == [.worker, .client])  // role="socialWorker", "client"
        let turn = try #require(e.segments.first { $0.kind == .utterance })
        #expect(turn.speaker == "CL1")
        #expect(turn.timestamp == "10:15:12.5")
        #expect(turn.text == "You people (pause) always decide what happens to my kids. [sighs] [inaudible]")
        #expect(turn.notes.map(\.kind) == [.pause, .vocal, .inaudible])
        #expect(turn.words == 9)
        // Notes between turns are segments of their own; the field note is a comment.
        #expect(e.segments.flatMap { $0.notes.map(\.kind) } == [.incident, .pause, .vocal, .inaudible, .kinesic, .comment])
        #expect(rich.warnings.isEmpty)
        expectExactRanges(minimal)
        expectExactRanges(rich)
    }

    @Test func teiWithoutNamespaceIsReadWithAWarning() throws {
        let t = try parse("<TEI><text><body><u who=\"#SW\">Hi.</u></body></text></TEI>")
        #expect(t.encounters[0].segments.map(\.text) == ["Hi."])
        #expect(t.warnings.contains { $0.message.contains("without the TEI namespace") })
    }

    // MARK: Native format

    @Test func nativeFormat() throws {
        let t = try fixture("native.xml")
        #expect(t.encounters.map(\.id) == ["N3-E01", "N3-E02"])
        let visit = t.encounters[0]
        #expect(visit.caseID == "N3" && visit.date == "2024-03-12")  // 12/03/2024, day first
        #expect(visit.setting == "family home" && visit.kind == "home visit")
        #expect(visit.metadata["observer"] == "Jo")
        #expect(visit.metadata["recording"] == "audio, 41 minutes")
        #expect(visit.line == 4)
        #expect(visit.participants == [
            Participant(label: "SW", role: .worker, name: "Olivia"),
            Participant(label: "Mum", role: .client, name: "Roberta"),
            Participant(label: "Kai", role: .child),
            Participant(label: "Nan", role: .unknown),
        ])
        #expect(visit.segments.map(\.kind) == [.observation, .utterance, .utterance, .utterance, .utterance])
        #expect(visit.segments.map(\.speaker) == [nil, "SW", "Mum", "Kai", "Nan"])
        #expect(visit.segments.map(\.line) == [10, 12, 13, 14, 15])
        #expect(visit.segments.map(\.text) == [
            "Olivia parks across the road. The curtains are closed.",
            "Hello, it's Olivia. [knocks] Can I come in?",
            "Go on then. (pause) Shoes off, please. [laughs]",
            "Hiya. [mumbles]",
            "Who's that at the door?",
        ])
        #expect(visit.segments[1].timestamp == "00:00:04")
        #expect(visit.segments[1].notes.map(\.kind) == [.comment])   // "knocks": no kind given, classified
        #expect(visit.segments[2].notes.map(\.kind) == [.pause, .vocal])
        #expect(visit.segments[3].notes.map(\.kind) == [.inaudible])
        #expect(visit.segments.map(\.words) == [9, 7, 6, 1, 5])
        #expect(t.warnings.map(\.line) == [15])  // 'Nan' has no <participant>
        let call = t.encounters[1]
        #expect(call.caseID == nil && call.setting == nil && call.kind == "phone call")
        #expect(call.segments.map(\.text) == ["Just checking how the week has gone. Ça va?"])
        #expect(t.text.contains("[00:00:04] SW: Hello, it's Olivia. [knocks] Can I come in?\n"))
        expectExactRanges(t)

        let plain = PlainTextParser().parse(text: t.text, path: "native.txt")
        #expect(plain.encounters.flatMap(\.segments).map(\.text) == t.encounters.flatMap(\.segments).map(\.text))
    }

    @Test func nativeUnknownElementIsAnErrorWithItsLine() {
        let error = diagnostic { () throws(Diagnostic) in
            try parse("""
                <transcript>
                  <encounter id="a">
                    <turn speaker="SW">Hi</turn>
                    <speech who="Mum">Hello</speech>
                  </encounter>
                </transcript>
                """, path: "bad.xml")
        }
        #expect(error?.line == 4)
        #expect(error?.severity == .error)
        #expect(error?.message.contains("unknown element 'speech' in <encounter>") == true)
    }

    @Test func nativeStructuralErrors() {
        let cases: [(String, Int, String)] = [
            ("<transcript>\n<encounter><turn>Hi</turn></encounter></transcript>", 2, "needs a non-empty 'speaker'"),
            ("<transcript>\n<encounter>\n<turn speaker=\"SW\">Hi <b>there</b></turn></encounter></transcript>", 3, "unknown element 'b' in <turn>"),
            ("<transcript>\n<encounter>\n<observation>x <note kind=\"giggle\">y</note></observation></encounter></transcript>", 3, "unknown note kind 'giggle'"),
            ("<transcript>\n<encounter/>\nstray words</transcript>", 1, "directly inside <transcript>"),
            ("<transcript><visit/></transcript>", 1, "unknown element 'visit' in <transcript>"),
        ]
        for (xml, line, message) in cases {
            let error = diagnostic { () throws(Diagnostic) in try parse(xml) }
            #expect(error?.line == line, "\(xml)")
            #expect(error?.message.contains(message) == true, "\(error?.message ?? "no error")")
        }
    }

    // MARK: Errors

    @Test func foreignRootNamesTheRootElement() {
        let html = diagnostic { () throws(Diagnostic) in try parse("<html><body><p>Hi</p></body></html>", path: "page.xml") }
        #expect(html?.description == "page.xml:1: error: unsupported XML vocabulary: root element 'html' (no namespace); expected TEI P5 <TEI>/<teiCorpus> or Rapport <transcript>")
        let svg = diagnostic { () throws(Diagnostic) in
            try parse("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", path: "pic.xml")
        }
        #expect(svg?.line == 2)
        #expect(svg?.message.contains("root element 'svg' (namespace http://www.w3.org/2000/svg)") == true)
        // A native root in the TEI namespace is neither.
        let mixed = diagnostic { () throws(Diagnostic) in try parse("<transcript xmlns=\"\(Self.teiNamespace)\"/>") }
        #expect(mixed?.message.contains("root element 'transcript'") == true)
    }

    @Test func malformedXMLReportsLineAndColumn() {
        let error = diagnostic { () throws(Diagnostic) in
            try parse("""
                <transcript>
                  <encounter id="a">
                    <turn speaker="SW">Hi</trun>
                  </encounter>
                </transcript>
                """, path: "broken.xml")
        }
        #expect(error?.line == 3)
        #expect(error?.column == 33)
        #expect(error?.description == "broken.xml:3:33: error: Opening and ending tag mismatch: turn line 3 and trun")
    }

    @Test func truncatedXMLIsAnError() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.fixtureFolder.appendingPathComponent("native.xml")))
        let error = diagnostic { () throws(Diagnostic) in
            try XMLTranscriptParser().parse(bytes: Array(bytes.prefix(bytes.count / 2)), path: "cut.xml")
        }
        #expect(error?.severity == .error)
        #expect((error?.line ?? 0) > 1)
        #expect(error?.path == "cut.xml")
    }

    @Test func emptyAndBinaryInputAreErrors() {
        #expect(diagnostic { () throws(Diagnostic) in try XMLTranscriptParser().parse(bytes: [], path: "e.xml") } != nil)
        let nul = diagnostic { () throws(Diagnostic) in
            try XMLTranscriptParser().parse(bytes: Array("<transcript>\n<encounter>".utf8) + [0, 1, 2] + Array("</encounter></transcript>".utf8), path: "n.xml")
        }
        #expect(nul?.line == 2)
    }

    // MARK: Hostile input

    @Test func externalEntityIsNeverExpanded() {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE transcript [
              <!ENTITY xxe SYSTEM "file:///etc/passwd">
              <!ENTITY who "Olivia">
            ]>
            <transcript><encounter id="x"><turn speaker="SW">&who; says [&xxe;]</turn></encounter></transcript>
            """
        do {
            let t = try parse(xml)
            #expect(!t.text.contains("root:"))
            #expect(t.encounters[0].segments[0].text == "Olivia says []")  // internal entity expanded
        } catch {
            #expect(!error.message.contains("root:"))
        }
    }

    @Test func billionLaughsFailsFast() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        xml += "]>\n<transcript><encounter><turn speaker=\"SW\">&lol9;</turn></encounter></transcript>\n"
        let clock = ContinuousClock()
        var error: Diagnostic?
        let elapsed = clock.measure {
            error = diagnostic { () throws(Diagnostic) in try parse(xml, path: "lol.xml") }
        }
        #expect(error != nil)
        #expect(error?.path == "lol.xml")
        #expect(elapsed < .seconds(5))
    }

    @Test func quadraticEntityBlowupIsRefused() {
        let big = String(repeating: "a", count: 50_000)
        let refs = String(repeating: "&big;", count: 2_000)
        let xml = "<!DOCTYPE transcript [<!ENTITY big \"\(big)\">]>\n<transcript><encounter><observation>\(refs)</observation></encounter></transcript>"
        let clock = ContinuousClock()
        var error: Diagnostic?
        let elapsed = clock.measure {
            error = diagnostic { () throws(Diagnostic) in try parse(xml) }
        }
        #expect(error?.line == 2)
        #expect(error?.message.contains("entity") == true)
        #expect(elapsed < .seconds(10))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let depth = 200_000
        let xml = "<transcript>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth) + "</transcript>"
        let error = diagnostic { () throws(Diagnostic) in try parse(xml, path: "deep.xml") }
        #expect(error?.severity == .error)
        #expect(error?.line == 1)
        #expect(error?.message.lowercased().contains("depth") == true)
    }

    @Test func networkDTDIsNotFetched() throws {
        // XML_PARSE_NONET is set and DTDs are never loaded: the body parses, nothing is fetched.
        let t = try parse("""
            <?xml version="1.0"?>
            <!DOCTYPE TEI SYSTEM "http://127.0.0.1:9/tei_all.dtd">
            <TEI xmlns="\(Self.teiNamespace)"><text><body><u who="#SW">Still here.</u></body></text></TEI>
            """)
        #expect(t.encounters[0].segments.map(\.text) == ["Still here."])
        #expect(XMLSource.options & Int32(bitPattern: 1 << 11) != 0)  // XML_PARSE_NONET
        #expect(XMLSource.options & Int32(bitPattern: (1 << 1) | (1 << 2) | (1 << 4) | (1 << 19)) == 0)  // NOENT, DTDLOAD, DTDVALID, HUGE
    }

    // MARK: Encodings

    @Test func utf16WithBOMAndLatin1Declaration() throws {
        let xml = "<transcript><encounter><turn speaker=\"Zoë\">Ça va 👋</turn></encounter></transcript>"
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in xml.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let t = try XMLTranscriptParser().parse(bytes: utf16, path: "u16.xml")
        #expect(t.encounters[0].segments[0].speaker == "Zoë")
        #expect(t.encounters[0].segments[0].text == "Ça va 👋")

        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<transcript><encounter><turn speaker=\"SW\">caf".utf8)
            + [0xE9] + Array("</turn></encounter></transcript>".utf8)
        let l = try XMLTranscriptParser().parse(bytes: latin1, path: "l1.xml")
        #expect(l.encounters[0].segments[0].text == "café")
        expectExactRanges(t)
        expectExactRanges(l)
    }

    @Test func loaderDispatchesXMLByExtension() throws {
        let url = Self.fixtureFolder.appendingPathComponent("native.xml")
        let t = try TranscriptLoader.load(path: url.path)
        #expect(t.encounters.count == 2)
    }

    // MARK: Concurrency and schema

    @Test func concurrentParsesKeepTheirOwnErrors() async {
        // libxml2's error handler is per thread: parallel parses must not see each other's errors.
        await withTaskGroup(of: Bool.self) { group in
            for i in 0..<200 {
                group.addTask {
                    let line = i % 7 + 2
                    let good = i.isMultiple(of: 2)
                    let xml = "<transcript>" + String(repeating: "\n", count: line - 1) + "<encounter id=\"e\(i)\">"
                        + (good ? "</encounter></transcript>" : "</oops></transcript>")
                    do throws(Diagnostic) {
                        let t = try XMLTranscriptParser().parse(bytes: Array(xml.utf8), path: "c\(i).xml")
                        return good && t.encounters.map(\.id) == ["e\(i)"]
                    } catch {
                        return !good && error.line == line && error.path == "c\(i).xml"
                    }
                }
            }
            for await ok in group { #expect(ok) }
        }
    }

    static let xmllint = "/usr/bin/xmllint"

    /// xmllint is a required test dependency (README): missing, the test fails and says so.
    @Test func nativeFixtureValidatesAgainstTheShippedSchema() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.xmllint),
                     "xmllint not found: apt-get install -y libxml2-utils (.ci/run does this)")
        let schema = Self.fixtureFolder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/transcript-xml.rng")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.xmllint)
        process.arguments = ["--noout", "--nonet", "--relaxng", schema.path, Self.fixtureFolder.appendingPathComponent("native.xml").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
