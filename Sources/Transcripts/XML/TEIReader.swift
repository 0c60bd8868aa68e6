/// Reads TEI P5 transcripts of speech (`<TEI>` or a `<teiCorpus>` of them) into encounter drafts:
/// metadata and people from the header, one encounter per `<div type="encounter">` (or per
/// `<TEI>` without such divisions), `<u>` turns, paragraphs as observations, and `<pause>`,
/// `<vocal>`, `<kinesic>`, `<incident>`, `<gap>` and `<note>` as transcriber's notes.
struct TEIReader {
    /// The TEI namespace.
    static let namespace = "http://www.tei-c.org/ns/1.0"

    let path: String
    /// File name without extensions: the encounter id when the TEI gives none.
    let stem: String
    /// The namespace TEI elements are in (the TEI namespace, or nil for namespace-less TEI).
    let ns: String?
    private(set) var warnings: [Diagnostic] = []
    private var drafts: [EncounterDraft] = []

    init(path: String, stem: String, namespace: String?) {
        self.path = path
        self.stem = stem
        self.ns = namespace
    }

    /// Elements that hold no transcript content: alignment, stand-off annotation, layout.
    static let skipped: Set<String> = [
        "timeline", "spanGrp", "span", "interpGrp", "interp", "linkGrp", "link", "joinGrp", "join", "altGrp",
        "alt", "standOff", "fw", "figure", "graphic", "anchor", "milestone", "pb", "cb", "lb", "shift",
        "listPerson", "listAnnotation", "fs", "fvLib", "fLib", "castList", "head", "desc", "speaker",
        "teiHeader", "front", "back",
    ]

    /// The drafts for every encounter under `root`.
    mutating func read(_ root: XMLTree.Element) -> [EncounterDraft] {
        if root.is("teiCorpus", in: ns) {
            readCorpus(root, parent: nil, depth: 0)
        } else {
            readTEI(root, parent: nil)
        }
        return drafts
    }

    private mutating func readCorpus(_ corpus: XMLTree.Element, parent: TEIHeader?, depth: Int) {
        let header = TEIHeader(corpus.child("teiHeader", in: ns), namespace: ns).merged(over: parent)
        var found = false
        for e in corpus.elements {
            if e.is("TEI", in: ns) {
                found = true
                readTEI(e, parent: header)
            } else if e.is("teiCorpus", in: ns), depth < 16 {
                found = true
                readCorpus(e, parent: header, depth: depth + 1)
            }
        }
        if !found {
            warn(corpus.line, "<teiCorpus> holds no <TEI> documents")
        }
    }

    private mutating func readTEI(_ tei: XMLTree.Element, parent: TEIHeader?) {
        let header = TEIHeader(tei.child("teiHeader", in: ns), namespace: ns).merged(over: parent)
        let text = tei.child("text", in: ns)
        var reader = TEITextReader(
            path: path, ns: ns, header: header, timeline: TEITimeline(text, namespace: ns),
            baseID: tei.xmlID ?? header.encounterID ?? stem, line: tei.line)
        if let text { reader.readText(text, depth: 0) }
        let (found, textWarnings) = reader.finish()
        drafts += found
        warnings += reader.headerWarnings + textWarnings
    }

    private mutating func warn(_ line: Int, _ message: String) {
        warnings.append(Diagnostic(path: path, line: line, column: 0, severity: .warning, message: message))
    }
}
