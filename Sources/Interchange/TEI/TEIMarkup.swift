/// What `TEIMarkupReader` finds in a TEI document: every segment as Rapport's XML parser renders
/// it, where elements with an `xml:id` and coded `<seg>`s fall in those segments, the stand-off
/// `<span>`s, and the declarations annotations point to (categories, coders, evidence).
struct TEIMarkup {
    /// A position in the rendered text of segment `segment` (an index over all segments in
    /// document order), in code points from the segment's start.
    struct Point: Hashable {
        var segment: Int
        var offset: Int
    }

    /// A turn or paragraph as rendered, with its source line.
    struct Segment {
        var text: String
        var line: Int
    }

    /// Codes attached inline: a `<seg ana>`, or `@ana` on a whole turn or paragraph.
    struct Mark {
        var ana: [String]
        var resp: String?
        var start: Point
        var end: Point
        var line: Int
    }

    /// A stand-off `<span from to ana>`, its pointers still unresolved.
    struct Span {
        var from: String
        var to: String?
        var ana: [String]
        var resp: String?
        var line: Int
    }

    var segments: [Segment] = []
    /// Start and end of every element with an `xml:id` inside a segment (anchors: start = end).
    var elements: [String: (start: Point, end: Point)] = [:]
    var marks: [Mark] = []
    var spans: [Span] = []
    /// `category` (and coding `interp`) ids → Rapport code ids (`@n` when given, else the id).
    var codes: [String: String] = [:]
    /// `respStmt`/`person` ids → the coder's name.
    var coders: [String: String] = [:]
    /// Evidence `interpGrp` ids → their parts by type (`cue`, `rule`, `matched` …).
    var evidence: [String: [String: String]] = [:]

    /// Pointers in an attribute (`#a #b`), as local ids.
    static func pointers(_ value: String?) -> [String] {
        (value ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map { token in
            let text = String(token)
            guard let hash = text.lastIndex(of: "#") else { return text }
            return String(text[text.index(after: hash)...])
        }
    }
}
