import Coding
import Foundation
import Testing
import Transcripts
@testable import Interchange

@Suite("Annotated TEI: round trip")
struct TEIRoundTripTests {
    /// Parsing an exported TEI file gives the same encounters and segments: speakers, roles,
    /// text, words; only notes TEI cannot render character for character stay text (and words).
    @Test func exportedTEIParsesToTheSameSegments() throws {
        #expect(corpus.count == 14)
        var notesKeptAsText = 0
        for coded in codedCorpus {
            let original = coded.transcript
            let bytes = try TEIExport.document(coded, codebook: relationship)
            let parsed = try XMLTranscriptParser().parse(bytes: bytes, path: "out/" + TEIExport.fileNames(for: [original.path])[0])
            #expect(parsed.encounters.count == original.encounters.count, "\(original.path)")
            for (a, b) in zip(original.encounters, parsed.encounters) {
                #expect(a.id == b.id && a.caseID == b.caseID && a.date == b.date && a.setting == b.setting && a.kind == b.kind)
                #expect(a.participants == b.participants, "\(original.path) \(a.id)")
                #expect(a.segments.count == b.segments.count, "\(original.path) \(a.id)")
                for (s, t) in zip(a.segments, b.segments) {
                    #expect(s.kind == t.kind && s.speaker == t.speaker && s.role == t.role, "\(a.id) #\(s.index)")
                    #expect(s.text == t.text, "\(a.id) #\(s.index)")
                    #expect(s.timestamp == t.timestamp, "\(a.id) #\(s.index)")
                    let exact = s.notes.allSatisfy { note in
                        let scalars = Array(original.text.unicodeScalars)[note.start..<note.end]
                        return TEIDocumentWriter.rendersExactly(note, scalars: scalars)
                    }
                    if exact {
                        #expect(s.words == t.words, "\(a.id) #\(s.index)")
                        #expect(s.notes.map { $0.end - $0.start } == t.notes.map { $0.end - $0.start })
                    } else {
                        notesKeptAsText += 1
                    }
                }
            }
        }
        // "Mateus (13), Inês (6)" in C3-E01 are ages, not pauses, so every note renders exactly.
        #expect(notesKeptAsText == 0)
    }

    /// `TEIImport` reads back every annotation: code, coder, evidence, and the same offsets from
    /// its segment's start (absolute offsets are in the TEI's own rendered text).
    @Test func importGivesBackEveryAnnotation() throws {
        var total = 0
        for coded in codedCorpus {
            let bytes = try TEIExport.document(coded, codebook: relationship)
            let result = try TEIImport.read(bytes: bytes, path: "x.tei.xml")
            #expect(result.warnings.isEmpty, "\(result.warnings)")
            let before = annotations(coded).map(relativeKey)
            let after = annotations(result.coded[0]).map(relativeKey)
            #expect(before == after, "\(coded.transcript.path)")
            total += before.count
            // The covered text is the same.
            let texts = annotations(coded).map { slice(coded.transcript.text, $0.annotation.start, $0.annotation.end) }
            let read = annotations(result.coded[0]).map { slice(result.coded[0].transcript.text, $0.annotation.start, $0.annotation.end) }
            #expect(texts == read)
        }
        #expect(total > 200)
    }

    /// Overlapping codes become stand-off spans, nested ones `<seg>`s, a range starting inside
    /// a note and an empty range anchors; all come back exactly.
    @Test func overlappingAndNestedCodesRoundTrip() throws {
        let coded = handCoded()
        let bytes = try TEIExport.document(coded, codebook: relationship)
        let xml = String(decoding: bytes, as: UTF8.self)
        #expect(xml.contains("<spanGrp type=\"coding\" resp=\"#Coder_A\">"))
        #expect(xml.contains("<anchor xml:id="))
        #expect(xml.contains("<seg ana=\"#empathy\" resp=\"#Coder_A\">"))
        #expect(xml.contains("<respStmt xml:id=\"Coder_A\"><resp>coding</resp><name>Coder A</name></respStmt>"))
        let result = try TEIImport.read(bytes: bytes, path: "hand.tei.xml")
        #expect(result.warnings.isEmpty)
        #expect(result.coders == ["Coder A", "rapport"] || result.coders == ["rapport", "Coder A"])
        #expect(annotations(coded).map(relativeKey).sorted(by: keyOrder) == annotations(result.coded[0]).map(relativeKey).sorted(by: keyOrder))
    }

    /// Several transcripts make one `<teiCorpus>`; ids stay unique and the codes come back.
    @Test func corpusDocumentHoldsEveryTranscript() throws {
        let bytes = try TEIExport.corpus(Array(codedCorpus.prefix(3)), codebook: relationship)
        let xml = String(decoding: bytes, as: UTF8.self)
        #expect(xml.contains("<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">"))
        #expect(xml.components(separatedBy: "<TEI>").count == 4)
        let result = try TEIImport.read(bytes: bytes, path: "corpus.xml")
        let before = codedCorpus.prefix(3).flatMap { annotations($0).map { ($0.annotation.code, $0.annotation.end - $0.annotation.start) } }
        let after = annotations(result.coded[0]).map { ($0.annotation.code, $0.annotation.end - $0.annotation.start) }
        #expect(before.map(\.0) == after.map(\.0) && before.map(\.1) == after.map(\.1))
    }

    /// Ids that are not XML names are made into ones, markup is escaped, and codes still come back.
    @Test func awkwardLabelsAndIdsRoundTrip() throws {
        let coded = defaultCoder.code(plain(awkwardText, path: "awkward.txt"))
        let bytes = try TEIExport.document(coded, codebook: relationship)
        let parsed = try XMLTranscriptParser().parse(bytes: bytes, path: "awkward.tei.xml")
        #expect(parsed.encounters.map(\.id) == coded.transcript.encounters.map(\.id))
        #expect(segments(parsed).map(\.segment.text) == segments(coded.transcript).map(\.segment.text))
        #expect(segments(parsed).map(\.segment.speaker) == ["Dr_Khan", "SW", "Stranger", nil, "SW"])
        let result = try TEIImport.read(bytes: bytes, path: "awkward.tei.xml")
        #expect(annotations(result.coded[0]).map { $0.annotation.code } == annotations(coded).map { $0.annotation.code })
        #expect(!annotations(coded).isEmpty)
    }

    @Test func fileNamesFollowTheInputs() {
        #expect(TEIExport.fileNames(for: ["a/visit.txt", "b/visit.txt", "c/x.tei.xml", "d/y.xml"])
                == ["visit.tei.xml", "visit-2.tei.xml", "x.tei.xml", "y.tei.xml"])
        // A Word or subtitle file loses its own extension: `x.docx` → `x.tei.xml`, unique on clashes.
        #expect(TEIExport.fileNames(for: ["e/x.docx", "f/x.vtt", "g/Visit 3.ODT", "h/notes.srt"])
                == ["x.tei.xml", "x-2.tei.xml", "Visit 3.tei.xml", "notes.tei.xml"])
    }

    @Test func identifiersAreXMLNames() {
        var ids = TEIIdentifiers()
        let first = ids.claim("Dr Khan"), date = ids.claim("2024-03-05"), second = ids.claim("Dr Khan")
        #expect(first == "Dr_Khan" && date == "_2024-03-05" && second == "Dr_Khan-2")
        let claimed = ids.claimExactly("SW"), again = ids.claimExactly("SW")
        #expect(claimed && !again)
        #expect(TEIIdentifiers.isName("power.surveillance") && TEIIdentifiers.isName("Zoë") && !TEIIdentifiers.isName("a b"))
    }

    @Test func inlinePlanSeparatesOverlaps() {
        let plan = TEIInlinePlan(ranges: [0..<10, 5..<15, 0..<10, 2..<4, 20..<20, 30..<34], notes: [32..<40])
        #expect(plan.inline.map(\.index) == [0, 2, 3])
        #expect(plan.standOff.map(\.index) == [1, 4, 5])
    }

    @Test func renditionPlacesMarkersLikeTheParser() {
        var r = TEIRendition()
        r.append("  Hello ")
        r.mark(1)
        r.append("  world ")
        r.mark(2)
        r.appendNote(.bracketed, content: "laughs", inner: [3: 3])
        r.mark(4)
        r.append(" more")
        #expect(r.finish() == "Hello world [laughs] more")
        #expect(r.positions == [1: 6, 2: 12, 3: 16, 4: 20])
    }
}

/// (encounter, segment, code, offsets from the segment start, coder, cue, rule) of an annotation.
func relativeKey(_ item: (encounter: String, segment: Segment, annotation: Annotation)) -> [String] {
    let a = item.annotation
    return [item.encounter, String(item.segment.index), a.code, String(a.start - item.segment.start), String(a.end - item.segment.start),
            a.coder, a.evidence?.cue ?? "-", a.evidence?.rule ?? "-", a.evidence?.matched ?? "-", a.context.rawValue]
}

func keyOrder(_ a: [String], _ b: [String]) -> Bool { a.lexicographicallyPrecedes(b) }

/// The non-ASCII transcript coded by the tool plus a human coder's overlapping codes.
func handCoded() -> CodedTranscript {
    var coded = defaultCoder.code(plain(nonASCIIText, path: "hand.txt"))
    let encounter = coded.transcript.encounters[0]
    let first = encounter.segments[0]
    let text = Array(coded.transcript.text.unicodeScalars)
    let laughs = first.notes[0]
    func add(_ code: String, _ start: Int, _ end: Int) {
        coded.annotations[0][0].append(Annotation(code: code, segment: 0, start: start, end: end, coder: "Coder A", context: .encounter))
    }
    add("empathy", first.start, first.start + 9)                    // "Zoë here " nested in the next
    add("acceptance", first.start, first.start + 40)
    add("power", first.start + 20, first.end)                        // overlaps the previous
    add("hostility", laughs.start + 1, laughs.end + 5)               // starts inside "[laughs]"
    add("power.statutory", first.start + 12, first.start + 12)       // empty
    #expect(text[laughs.start] == "[")
    coded.annotations[0][0].sort { ($0.start, $0.code) < ($1.start, $1.code) }
    return coded
}
