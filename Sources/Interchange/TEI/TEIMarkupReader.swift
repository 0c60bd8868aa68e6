import Transcripts

/// Walks a TEI document the way Rapport's XML transcript parser does (the same segments in the
/// same order, rendered the same way), recording where coded `<seg>`s, anchors and other
/// identified elements fall, plus the spans, categories, coders and evidence declared anywhere.
struct TEIMarkupReader {
    static let namespace = "http://www.tei-c.org/ns/1.0"

    /// Elements that hold no transcript content (as in the transcript parser).
    static let skipped: Set<String> = [
        "timeline", "spanGrp", "span", "interpGrp", "interp", "linkGrp", "link", "joinGrp", "join", "altGrp",
        "alt", "standOff", "fw", "figure", "graphic", "anchor", "milestone", "pb", "cb", "lb", "shift",
        "listPerson", "listAnnotation", "fs", "fvLib", "fLib", "castList", "head", "desc", "speaker",
        "teiHeader", "front", "back",
    ]

    /// The namespace of the document's TEI elements (nil for namespace-less TEI).
    let ns: String?
    private(set) var markup = TEIMarkup()
    private var nextMarker = 0
    /// Marker ids → what they stand for, resolved when the segment is finished.
    private var pendingElements: [(id: String, start: Int, end: Int)] = []
    private var pendingMarks: [(ana: [String], resp: String?, start: Int, end: Int, line: Int)] = []
    private var inDivision = false

    init(namespace: String?) {
        self.ns = namespace
    }

    /// Reads `root` (`<TEI>` or `<teiCorpus>`).
    static func read(_ root: XMLTree.Element) -> TEIMarkup {
        var reader = TEIMarkupReader(namespace: root.namespace)
        reader.declarations(root, inherited: nil, evidenceGroup: nil, depth: 0)
        reader.document(root, depth: 0)
        return reader.markup
    }

    // MARK: Declarations anywhere in the document

    private mutating func declarations(_ element: XMLTree.Element, inherited resp: String?, evidenceGroup: String?, depth: Int) {
        guard depth < 300 else { return }
        let resp = element["resp"] ?? resp
        var group = evidenceGroup
        if element.namespace == ns {
            switch element.name {
            case "category":
                if let id = element.xmlID { markup.codes[id] = nonEmpty(element["n"]) ?? id }
            case "respStmt", "person":
                if let id = element.xmlID {
                    let name = element.child("name") ?? element.child("persName") ?? element.child("orgName")
                    markup.coders[id] = name.map { TEIRendition.collapsed($0.characterData) }.flatMap(nonEmpty) ?? id
                }
            case "interpGrp":
                if element["type"] == "evidence", let id = element.xmlID {
                    group = id
                    markup.evidence[id] = [:]
                }
            case "interp":
                if let group {
                    if let type = element["type"] { markup.evidence[group]?[type] = TEIRendition.collapsed(element.characterData) }
                } else if let id = element.xmlID {
                    markup.codes[id] = nonEmpty(element["n"]) ?? id
                }
            case "span":
                if let from = element["from"] {
                    markup.spans.append(TEIMarkup.Span(from: from, to: element["to"], ana: TEIMarkup.pointers(element["ana"]),
                                                       resp: resp, line: element.line))
                }
            default:
                break
            }
        }
        for child in element.elements { declarations(child, inherited: resp, evidenceGroup: group, depth: depth + 1) }
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    // MARK: Documents and blocks

    private mutating func document(_ element: XMLTree.Element, depth: Int) {
        guard element.namespace == ns, depth < 16 else { return }
        if element.name == "teiCorpus" {
            for child in element.elements where child.name == "TEI" || child.name == "teiCorpus" {
                document(child, depth: depth + 1)
            }
        } else if element.name == "TEI", let text = element.child("text"), text.namespace == ns {
            self.text(text, depth: 0)
        }
    }

    private mutating func text(_ text: XMLTree.Element, depth: Int) {
        guard depth < 16 else { return }
        for e in text.elements where e.namespace == ns {
            if e.name == "body" {
                inDivision = false
                block(e, resp: e["resp"])
            } else if e.name == "group" {
                for inner in e.children("text") where inner.namespace == ns { self.text(inner, depth: depth + 1) }
            }
        }
    }

    private mutating func block(_ element: XMLTree.Element, resp: String?) {
        for content in element.children {
            switch content {
            case .text(let text):
                guard !TEIRendition.isBlank(text) else { continue }
                var rendition = TEIRendition()
                rendition.append(text)
                finishSegment(rendition, line: element.line, whole: nil, resp: resp)
            case .element(let e):
                guard e.namespace == ns else { continue }
                let resp = e["resp"] ?? resp
                switch e.name {
                case "div" where !inDivision && e["type"]?.lowercased() == "encounter":
                    inDivision = true
                    block(e, resp: resp)
                    inDivision = false
                case "u", "sp", "p", "ab":
                    segment(e, resp: resp)
                case "pause", "vocal", "kinesic", "incident", "gap", "note":
                    var rendition = TEIRendition()
                    inline([content], into: &rendition, resp: resp)
                    finishSegment(rendition, line: e.line, whole: nil, resp: resp)
                case _ where Self.skipped.contains(e.name):
                    continue
                default:
                    if e.hasDirectText { segment(e, resp: resp) } else { block(e, resp: resp) }
                }
            }
        }
    }

    /// A turn or paragraph: its content rendered, and its own id and `@ana` covering all of it.
    private mutating func segment(_ element: XMLTree.Element, resp: String?) {
        var rendition = TEIRendition()
        inline(element.children, into: &rendition, resp: resp)
        finishSegment(rendition, line: element.line, whole: element, resp: resp)
    }

    private mutating func finishSegment(_ rendition: TEIRendition, line: Int, whole: XMLTree.Element?, resp: String?) {
        var rendition = rendition
        let text = rendition.finish()
        defer {
            pendingElements.removeAll()
            pendingMarks.removeAll()
        }
        // Observation content that renders empty is not a segment (the parser drops it).
        let isTurn = whole.map { $0.name == "u" || $0.name == "sp" } ?? false
        guard isTurn || !text.isEmpty else { return }
        let index = markup.segments.count
        markup.segments.append(TEIMarkup.Segment(text: text, line: line))
        let length = text.unicodeScalars.count
        func point(_ marker: Int) -> TEIMarkup.Point {
            TEIMarkup.Point(segment: index, offset: min(rendition.positions[marker] ?? 0, length))
        }
        for element in pendingElements { markup.elements[element.id] = (point(element.start), point(element.end)) }
        for mark in pendingMarks {
            markup.marks.append(TEIMarkup.Mark(ana: mark.ana, resp: mark.resp, start: point(mark.start),
                                               end: point(mark.end), line: mark.line))
        }
        if let whole {
            let all = (TEIMarkup.Point(segment: index, offset: 0), TEIMarkup.Point(segment: index, offset: length))
            if let id = whole.xmlID { markup.elements[id] = all }
            let ana = TEIMarkup.pointers(whole["ana"])
            if !ana.isEmpty {
                markup.marks.append(TEIMarkup.Mark(ana: ana, resp: resp, start: all.0, end: all.1, line: whole.line))
            }
        }
    }

    // MARK: Inline content

    private mutating func marker() -> Int {
        nextMarker += 1
        return nextMarker
    }

    private mutating func inline(_ children: [XMLTree.Content], into r: inout TEIRendition, resp: String?) {
        for content in children {
            switch content {
            case .text(let piece):
                r.append(piece)
            case .element(let e):
                let resp = e["resp"] ?? resp
                let start = marker(), end = marker()
                r.mark(start)
                defer {
                    r.mark(end)
                    if let id = e.xmlID { pendingElements.append((id, start, end)) }
                    if e.namespace == ns, e.name == "seg" {
                        let ana = TEIMarkup.pointers(e["ana"])
                        if !ana.isEmpty { pendingMarks.append((ana, resp, start, end, e.line)) }
                    }
                }
                guard e.namespace == ns else {
                    inline(e.children, into: &r, resp: resp)
                    continue
                }
                switch e.name {
                case "pause":
                    r.appendNote(.parenthesised, content: "pause")
                case "vocal", "kinesic", "incident":
                    note(e, fallback: e["type"] ?? e.name, into: &r)
                case "gap":
                    note(e, fallback: e["reason"] ?? "inaudible", into: &r)
                case "note":
                    var plain = TEIRendition()
                    self.plain(e.children, into: &plain)
                    let text = plain.finish()
                    if !text.isEmpty { r.appendNote(.bracketed, content: text, inner: plain.positions) }
                case "lb", "pb", "cb", "milestone":
                    r.appendSpace()
                case "choice":
                    let preferred = ["corr", "reg", "expan"].lazy.compactMap { e.child($0) }.first ?? e.elements.first
                    if let preferred { inline(preferred.children, into: &r, resp: resp) }
                case "p", "ab", "l", "lg", "q", "said":
                    r.appendSpace()
                    inline(e.children, into: &r, resp: resp)
                    r.appendSpace()
                case _ where Self.skipped.contains(e.name):
                    continue
                default:
                    inline(e.children, into: &r, resp: resp)
                }
            }
        }
    }

    /// A `<vocal>`, `<kinesic>`, `<incident>` or `<gap>`: `[desc]`, or `[fallback]` without one.
    private mutating func note(_ element: XMLTree.Element, fallback: String, into r: inout TEIRendition) {
        if let desc = element.child("desc"), desc.namespace == ns {
            var plain = TEIRendition()
            self.plain(desc.children, into: &plain)
            let text = plain.finish()
            if !text.isEmpty {
                r.appendNote(.bracketed, content: text, inner: plain.positions)
                return
            }
        }
        r.appendNote(.bracketed, content: fallback)
    }

    /// Text content with elements transparent (as a note's text is read), markers kept.
    private mutating func plain(_ children: [XMLTree.Content], into r: inout TEIRendition) {
        for content in children {
            switch content {
            case .text(let piece):
                r.append(piece)
            case .element(let e):
                let start = marker(), end = marker()
                r.mark(start)
                plain(e.children, into: &r)
                r.mark(end)
                if let id = e.xmlID { pendingElements.append((id, start, end)) }
            }
        }
    }
}
