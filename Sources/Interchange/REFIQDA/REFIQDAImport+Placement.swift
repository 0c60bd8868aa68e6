import Coding
import Transcripts

extension REFIQDAImport {
    /// The convention under which most coded selections start and end on word boundaries
    /// (ties go to the standard), among those the caller left open; with a note giving the figures.
    static func chooseConvention(_ sources: [(text: SourceText, selections: [QDAProject.Selection])],
                                 options: Options) -> (convention: PositionConvention, note: String?) {
        let astral = sources.contains { $0.text.hasAstral }, crlf = sources.contains { $0.text.hasCRLF }
        let candidates = PositionConvention.all.filter { c in
            (options.unit.map { $0 == c.unit } ?? (astral || c.unit == .codepoints))
                && (options.crlf.map { $0 == c.crlf } ?? (crlf || c.crlf == 2))
        }
        guard let first = candidates.first else {
            return (PositionConvention(unit: options.unit ?? .codepoints, crlf: options.crlf ?? 2), nil)
        }
        let total = sources.reduce(0) { $0 + $1.selections.filter { !$0.codings.isEmpty }.count }
        guard candidates.count > 1 else {
            guard options.unit != nil || options.crlf != nil, astral || crlf else { return (first, nil) }
            let score = boundaryScore(sources, first)
            return (first, "positions read as \(first) (as given): \(score) of \(total) coded selections start and end on word boundaries")
        }
        let scores = candidates.map { ($0, boundaryScore(sources, $0)) }
        var best = scores[0]
        for entry in scores.dropFirst() where entry.1 > best.1 { best = entry }
        let others = scores.filter { $0.0 != best.0 }.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
        let note = "positions read as \(best.0) (detected): \(best.1) of \(total) coded selections start and end on word boundaries"
            + " (\(others)); override with --positions codepoints|utf16 and --crlf 1|2"
        return (best.0, note)
    }

    /// How many coded selections start and end on word boundaries when read under `convention`.
    private static func boundaryScore(_ sources: [(text: SourceText, selections: [QDAProject.Selection])],
                                      _ convention: PositionConvention) -> Int {
        var score = 0
        for (text, selections) in sources {
            let positions = text.positions(convention)
            for selection in selections where !selection.codings.isEmpty {
                guard let start = text.offset(selection.start, in: positions), let end = text.offset(selection.end, in: positions),
                      start <= end, text.isWordBoundary(start), text.isWordBoundary(end) else { continue }
                score += 1
            }
        }
        return score
    }

    /// The codings of every text source with text, as coded transcripts: each source parsed as a
    /// plain transcript, each coded selection placed under `convention` and split over the
    /// segments it covers. A selection that cannot be placed is reported by name and skipped.
    static func codings(_ project: QDAProject, texts: [Int: SourceText], convention: PositionConvention,
                        path: String, codebook: Codebook?) -> (result: ImportResult, placed: Int) {
        var warnings: [Diagnostic] = []
        let codeIDs = codeIDs(project, codebook: codebook)
        let userNames = Dictionary(project.users.map { ($0.guid, $0.name) }, uniquingKeysWith: { first, _ in first })
        var used: Set<String> = []
        var coded: [CodedTranscript] = []
        var placedCount = 0
        for (k, source) in project.sources.enumerated() {
            guard let text = texts[k] else { continue }
            let name = source.name.isEmpty ? source.guid : source.name
            let positions = text.positions(convention)
            let transcript = PlainTextParser().parse(text: text.text, path: name)
            let segments = AnnotationGrid.positions(of: transcript).map { p in
                (encounter: p.encounter, segment: p.segment, range: transcript.encounters[p.encounter].segments[p.segment])
            }
            var grid = AnnotationGrid(transcript)
            /// Placed ranges per (code, coder), to find overlapping duplicates.
            var placed: [String: [(start: Int, end: Int, line: Int)]] = [:]
            for selection in source.selections where !selection.codings.isEmpty {
                let label = Self.label(selection)
                guard let start = text.offset(selection.start, in: positions),
                      let end = text.offset(selection.end, in: positions), start <= end else {
                    let why = selection.start > selection.end ? "startPosition after endPosition"
                        : (max(selection.start, selection.end) > positions.count
                            ? "beyond the end of the text (\(positions.count) positions as \(convention))"
                            : "inside a character (between the halves of a UTF-16 surrogate pair)")
                    warnings.append(Diagnostic(path: path, line: selection.line, message:
                        "\(label) \(selection.start)-\(selection.end) of source '\(name)' cannot be placed: \(why); skipped"))
                    continue
                }
                let covered = covering(segments, start: start, end: end)
                guard !covered.isEmpty else {
                    warnings.append(Diagnostic(path: path, line: selection.line, severity: .warning, message:
                        "\(label) \(selection.start)-\(selection.end) of source '\(name)' lies outside every transcript segment (in a header or between turns); skipped"))
                    continue
                }
                let evidence = selection.description.flatMap(Self.evidence)
                var imported = false
                for coding in selection.codings {
                    guard let code = codeIDs[coding.codeGUID] else {
                        warnings.append(Diagnostic(path: path, line: selection.line, message:
                            "<Coding> of \(label) refers to code \(coding.codeGUID), which the <CodeBook> does not declare; skipped"))
                        continue
                    }
                    let user = coding.creatingUser ?? selection.creatingUser
                    let coder = user.map { userNames[$0] ?? $0 } ?? "unknown"
                    let key = code + "\u{0}" + coder
                    if let other = placed[key]?.first(where: { $0.start < end && start < $0.end || ($0.start == start && $0.end == end) }) {
                        warnings.append(Diagnostic(path: path, line: selection.line, message:
                            "\(label) \(selection.start)-\(selection.end) overlaps the selection on line \(other.line) with the same code '\(code)' by the same coder '\(coder)'; skipped"))
                        continue
                    }
                    placed[key, default: []].append((start, end, selection.line))
                    used.insert(coder)
                    imported = true
                    for item in covered {
                        grid.add(code: code, encounter: item.encounter, segment: item.segment,
                                 start: max(start, item.range.start), end: min(end, item.range.end),
                                 coder: coder, evidence: evidence)
                    }
                }
                if imported { placedCount += 1 }
            }
            coded.append(grid.coded)
        }
        var coders = project.users.map(\.name).filter(used.contains)
        coders += used.subtracting(coders).sorted()
        return (ImportResult(coded: coded, coders: coders, warnings: warnings), placedCount)
    }

    /// `<PlainTextSelection name="…">`, or its GUID when it has no name.
    static func label(_ selection: QDAProject.Selection) -> String {
        if let name = selection.name, !name.isEmpty { return "<PlainTextSelection name=\"\(name)\">" }
        return "<PlainTextSelection guid=\"\(selection.guid)\">"
    }

    /// The segments `start..<end` touches (for an empty range: the first segment holding the point),
    /// found by binary search over segments in text order.
    private static func covering(_ segments: [(encounter: Int, segment: Int, range: Segment)],
                                 start: Int, end: Int) -> ArraySlice<(encounter: Int, segment: Int, range: Segment)> {
        // First segment whose end reaches `start` (segments are in text order and do not overlap).
        var lo = 0, hi = segments.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if segments[mid].range.end < start || (start < end && segments[mid].range.end == start) { lo = mid + 1 } else { hi = mid }
        }
        var last = lo
        if start == end {
            guard lo < segments.count, segments[lo].range.start <= start else { return [] }
            return segments[lo...lo]
        }
        while last < segments.count, segments[last].range.start < end { last += 1 }
        return segments[lo..<last]
    }
}
