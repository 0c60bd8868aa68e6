import Coding
import Transcripts

/// Writes TEI documents for `TEIExport`: holds what the whole output shares (the identifiers
/// handed out so far, the category of every code, the `respStmt` of every coder) so that a
/// `<teiCorpus>` declares the codebook and coders once and its ids stay unique.
struct TEIDocumentWriter {
    static let namespace = "http://www.tei-c.org/ns/1.0"

    let codebook: Codebook
    var ids = TEIIdentifiers()
    /// Code id → category `xml:id`, for the codebook's codes and any other code annotations use.
    private(set) var categories: [String: String] = [:]
    /// Codes annotations use that the codebook does not define, in order of first use.
    private(set) var extraCodes: [String] = []
    /// Coder name → `respStmt` `xml:id`, in order of first use.
    private(set) var coders: [(name: String, id: String)] = []
    var counters = (anchor: 0, when: 0, evidence: 0)

    init(codebook: Codebook, coded: [CodedTranscript]) {
        self.codebook = codebook
        var known: Set<String> = []
        for code in codebook.allCodes {
            known.insert(code.id)
            categories[code.id] = ids.claimExactly(code.id) ? code.id : ids.claim(code.id)
        }
        var coderIDs: [String: String] = [:]
        for c in coded {
            for annotation in c.annotations.joined().joined() {
                if !known.contains(annotation.code) {
                    known.insert(annotation.code)
                    extraCodes.append(annotation.code)
                    categories[annotation.code] = ids.claimExactly(annotation.code) ? annotation.code : ids.claim(annotation.code)
                }
                if coderIDs[annotation.coder] == nil {
                    let id = ids.claim(annotation.coder)
                    coderIDs[annotation.coder] = id
                    coders.append((annotation.coder, id))
                }
            }
        }
    }

    /// The respStmt id of `coder`.
    func coderID(_ coder: String) -> String {
        coders.first { $0.name == coder }?.id ?? "rapport"
    }

    /// `<teiCorpus>` with the shared declarations in its header and one `<TEI>` per transcript.
    mutating func corpus(_ coded: [CodedTranscript], out: inout XMLOutput) {
        out.start("teiCorpus")
        out.attribute("xmlns", Self.namespace)
        out.newline(1)
        out.start("teiHeader")
        out.newline(2)
        out.start("fileDesc")
        titleStmt("Coded transcripts (\(coded.count)), \(codebook.name)", declarations: true, depth: 3, out: &out)
        publicationStmt(caseID: nil, depth: 3, out: &out)
        out.newline(3)
        out.start("sourceDesc")
        out.newline(4)
        out.element("p", text: "Transcripts coded with Rapport: " + coded.map(\.transcript.path).joined(separator: ", ") + ".")
        out.newline(3)
        out.end()
        out.newline(2)
        out.end()
        encodingDesc(depth: 2, out: &out)
        out.newline(1)
        out.end()
        for c in coded {
            out.newline(1)
            tei(c, declarations: false, depth: 1, out: &out)
        }
        out.newline(0)
        out.end()
    }

    /// One `<TEI>`; with `declarations`, its header also holds the codebook and the coders.
    mutating func tei(_ coded: CodedTranscript, declarations: Bool, depth: Int, out: inout XMLOutput) {
        let people = TEIPeople(coded.transcript, identifiers: &ids)
        let encounters = coded.transcript.encounters
        let settingIDs = encounters.map { ids.claim("set-" + $0.id) }
        out.start("TEI")
        if declarations { out.attribute("xmlns", Self.namespace) }
        out.newline(depth + 1)
        header(coded.transcript, people: people, settingIDs: settingIDs, declarations: declarations, depth: depth + 1, out: &out)
        out.newline(depth + 1)
        out.start("text")
        out.newline(depth + 2)
        out.start("body")
        if encounters.isEmpty {
            out.newline(depth + 3)
            out.start("p")
            out.end()
        }
        for (e, encounter) in encounters.enumerated() {
            out.newline(depth + 3)
            division(encounter, annotations: coded.annotations[e], speakers: people.ids[e], settingID: settingIDs[e],
                     depth: depth + 3, out: &out)
        }
        out.newline(depth + 2)
        out.end()
        out.newline(depth + 1)
        out.end()
        out.newline(depth)
        out.end()
    }
}
