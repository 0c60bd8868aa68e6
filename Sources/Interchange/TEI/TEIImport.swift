import Coding
import Transcripts

/// Reads the codes of an annotated TEI document back into Rapport annotations: `<seg ana>`,
/// `@ana` on a turn or paragraph, and stand-off `<span from to ana>`, with the coder from `@resp`
/// (a `respStmt`'s name) and the evidence from an `interpGrp type="evidence"` the same `@ana`
/// points to. Pointers to `category` elements (or to coding `interp`s) are codes; the code id is
/// the category's `@n` when it has one, else its `xml:id`.
///
/// Ranges are code points in the text Rapport's XML parser renders from the document, the text
/// `rapport code` on the same file counts in; for a file `TEIExport` wrote, each range has the
/// same offsets from its segment's start as the annotation it was written from.
public enum TEIImport {
    /// The transcript in `bytes` (read from `path`) with the annotations its markup records.
    public static func read(bytes: [UInt8], path: String) throws(Diagnostic) -> ImportResult {
        let transcript = try XMLTranscriptParser().parse(bytes: bytes, path: path)
        let root = try XMLSource.parse(bytes, path: path).root
        let markup = TEIMarkupReader.read(root)
        let positions = AnnotationGrid.positions(of: transcript)
        guard positions.count == markup.segments.count else {
            throw Diagnostic(path: path, line: root.line, message:
                "cannot align the TEI markup with the transcript: \(markup.segments.count) segments in the markup, \(positions.count) parsed")
        }
        var warnings: [Diagnostic] = []
        var aligned: [Bool] = []
        for (k, position) in positions.enumerated() {
            let segment = transcript.encounters[position.encounter].segments[position.segment]
            let same = segment.text == markup.segments[k].text
            aligned.append(same)
            if !same {
                warnings.append(Diagnostic(path: path, line: markup.segments[k].line, severity: .warning,
                                           message: "segment text differs from the parser's; its codes are not imported"))
            }
        }

        var grid = AnnotationGrid(transcript)
        var coders: [String] = []
        var unknown: Set<String> = []
        func coder(_ resp: String?) -> String {
            let name = TEIMarkup.pointers(resp).first.map { markup.coders[$0] ?? $0 } ?? "unknown"
            if !coders.contains(name) { coders.append(name) }
            return name
        }
        func add(_ ana: [String], resp: String?, from start: TEIMarkup.Point, to end: TEIMarkup.Point, line: Int) {
            var codes: [String] = []
            var evidence: Evidence?
            for pointer in ana {
                if let code = markup.codes[pointer] {
                    codes.append(code)
                } else if let parts = markup.evidence[pointer] {
                    evidence = Evidence(matched: parts["matched"] ?? "", cue: parts["cue"] ?? "", rule: parts["rule"] ?? "",
                                        negation: parts["negation"] ?? "", actor: parts["actor"] ?? "")
                } else if unknown.insert(pointer).inserted {
                    warnings.append(Diagnostic(path: path, line: line, severity: .warning,
                                               message: "@ana points to '#\(pointer)', which is neither a category nor evidence; ignored"))
                }
            }
            guard !codes.isEmpty else { return }
            guard (start.segment, start.offset) <= (end.segment, end.offset) else {
                warnings.append(Diagnostic(path: path, line: line, severity: .warning, message: "span ends before it starts; ignored"))
                return
            }
            let name = coder(resp)
            for k in start.segment...end.segment where aligned[k] {
                let (e, s) = positions[k]
                let segment = transcript.encounters[e].segments[s]
                let lower = k == start.segment ? start.offset : 0
                let upper = k == end.segment ? end.offset : segment.end - segment.start
                for code in codes {
                    grid.add(code: code, encounter: e, segment: s, start: segment.start + lower, end: segment.start + upper,
                             coder: name, evidence: evidence)
                }
            }
        }
        for mark in markup.marks { add(mark.ana, resp: mark.resp, from: mark.start, to: mark.end, line: mark.line) }
        for span in markup.spans {
            guard let from = markup.elements[TEIMarkup.pointers(span.from).first ?? ""],
                  let to = markup.elements[TEIMarkup.pointers(span.to ?? span.from).first ?? ""] else {
                warnings.append(Diagnostic(path: path, line: span.line, severity: .warning,
                                           message: "span from '\(span.from)' to '\(span.to ?? span.from)' points outside the transcript's segments; ignored"))
                continue
            }
            add(span.ana, resp: span.resp, from: from.start, to: to.end, line: span.line)
        }
        return ImportResult(coded: [grid.coded], coders: coders, warnings: warnings)
    }
}
