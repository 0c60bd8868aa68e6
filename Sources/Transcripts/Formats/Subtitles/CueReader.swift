/// Splits a WebVTT or SubRip file (decoded, LF line ends) into cues, checking every timing line.
///
/// Blocks are separated by blank lines. WebVTT: the `WEBVTT` header block, then cues (an optional
/// identifier line, `start --> end` with optional cue settings, payload lines); `NOTE`, `STYLE`
/// and `REGION` blocks are skipped. SubRip: a cue number line, `start --> end` (with optional
/// `X1:` positions), payload lines. A malformed time or a timing line without `-->` is an error
/// at its line and column; a block of text with no timing line (a blank line typed inside a cue)
/// is kept as more of the cue above, with a warning.
struct CueReader {
    enum Format {
        case webVTT, subRip
    }

    let path: String
    let format: Format
    private(set) var cues: [SubtitleCue] = []
    private(set) var warnings: [Diagnostic] = []

    init(path: String, format: Format) {
        self.path = path
        self.format = format
    }

    mutating func read(_ text: String) throws(Diagnostic) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var index = 0
        if format == .webVTT { index = header(lines) }
        while index < lines.count {
            if Self.isBlank(lines[index]) { index += 1; continue }
            var end = index
            while end < lines.count, !Self.isBlank(lines[end]) { end += 1 }
            try block(lines, index..<end)
            index = end
        }
    }

    /// Checks the `WEBVTT` line and returns the index after the header block.
    private mutating func header(_ lines: [Substring]) -> Int {
        let first = lines.first ?? ""
        let signature = first.utf8.starts(with: "WEBVTT".utf8)
            && (first.utf8.count == 6 || [32, 9].contains(Array(first.utf8)[6]))
        guard signature else {
            warnings.append(Diagnostic(path: path, line: 1, column: 1, severity: .warning,
                                       message: "no 'WEBVTT' line at the top; read as WebVTT anyway"))
            return 0
        }
        var index = 1
        while index < lines.count, !Self.isBlank(lines[index]) { index += 1 }
        return index
    }

    /// One blank-line separated block: a cue, or several when blank lines between them are missing.
    private mutating func block(_ lines: [Substring], _ range: Range<Int>) throws(Diagnostic) {
        var start = range.lowerBound
        while start < range.upperBound {
            start = try cue(lines, start..<range.upperBound)
        }
    }

    /// Reads the cue that opens `range`; returns where the next cue starts (or the range's end).
    private mutating func cue(_ lines: [Substring], _ range: Range<Int>) throws(Diagnostic) -> Int {
        let first = lines[range.lowerBound]
        if format == .webVTT, !first.contains("-->"),
           ["NOTE", "STYLE", "REGION"].contains(where: { Self.startsBlock(first, with: $0) }) { return range.upperBound }
        var timing = range.lowerBound
        if !lines[timing].contains("-->") {
            let isNumber = first.utf8.allSatisfy(Bytes.isDigit)
            let identifierFirst = format == .webVTT || isNumber
            if identifierFirst, timing + 1 < range.upperBound, lines[timing + 1].contains("-->") {
                timing += 1
            } else if let bad = range.prefix(2).first(where: { Self.looksLikeTime(lines[$0]) }) {
                throw Diagnostic(path: path, line: bad + 1, column: Self.afterFirstToken(lines[bad]),
                                 message: "expected '-->' between the cue's start and end times")
            } else if format == .subRip, isNumber, range.count >= 2 {
                throw Diagnostic(path: path, line: range.lowerBound + 2, column: 1,
                                 message: "expected a timing line ('00:00:01,000 --> 00:00:04,000') after cue number \(first)")
            } else {
                continuation(lines, range)
                return range.upperBound
            }
        }
        var cue = SubtitleCue(start: try startTime(lines[timing], line: timing + 1), line: timing + 1, payload: [])
        var k = timing + 1
        while k < range.upperBound {
            // A timing line inside the payload: the blank line before a new cue is missing.
            if lines[k].contains("-->") {
                var next = k
                if format == .subRip, let last = cue.payload.last, last.line == k,
                   last.text.utf8.allSatisfy(Bytes.isDigit) {
                    cue.payload.removeLast()
                    next = k - 1
                }
                cues.append(cue)
                return next
            }
            cue.payload.append((lines[k], k + 1))
            k += 1
        }
        cues.append(cue)
        return range.upperBound
    }

    /// Text with no timing line: more of the cue above, or nothing when no cue came before.
    private mutating func continuation(_ lines: [Substring], _ range: Range<Int>) {
        let line = range.lowerBound + 1
        guard !cues.isEmpty else {
            warnings.append(Diagnostic(path: path, line: line, column: 1, severity: .warning,
                                       message: "text before the first cue ignored"))
            return
        }
        warnings.append(Diagnostic(path: path, line: line, column: 1, severity: .warning,
                                   message: "text without a timing line; read as more of the cue above"))
        for k in range { cues[cues.count - 1].payload.append((lines[k], k + 1)) }
    }

    /// The start time of `start --> end [settings]`, both times checked.
    private mutating func startTime(_ line: Substring, line number: Int) throws(Diagnostic) -> Int {
        let bytes = Array(line.utf8)
        guard let arrow = Self.find([45, 45, 62], in: bytes) else { return 0 }
        var startBegin = 0
        while startBegin < arrow, bytes[startBegin] == 32 || bytes[startBegin] == 9 { startBegin += 1 }
        var startEnd = arrow
        while startEnd > startBegin, bytes[startEnd - 1] == 32 || bytes[startEnd - 1] == 9 { startEnd -= 1 }
        var endBegin = arrow + 3
        while endBegin < bytes.count, bytes[endBegin] == 32 || bytes[endBegin] == 9 { endBegin += 1 }
        var endEnd = endBegin
        while endEnd < bytes.count, bytes[endEnd] != 32, bytes[endEnd] != 9 { endEnd += 1 }
        guard startEnd > startBegin else {
            throw Diagnostic(path: path, line: number, column: startBegin + 1, message: "expected a start time before '-->'")
        }
        guard endEnd > endBegin else {
            throw Diagnostic(path: path, line: number, column: endBegin + 1, message: "expected an end time after '-->'")
        }
        let start = try time(bytes, startBegin..<startEnd, line: number)
        let end = try time(bytes, endBegin..<endEnd, line: number)
        if end < start {
            // Reported, not fatal: automatic transcripts sometimes reorder cues.
            warnings.append(Diagnostic(path: path, line: number, column: endBegin + 1, severity: .warning,
                                       message: "the cue ends before it starts"))
        }
        return start
    }

    private func time(_ bytes: [UInt8], _ token: Range<Int>, line: Int) throws(Diagnostic) -> Int {
        do {
            return try SubtitleTime.milliseconds(bytes[token])
        } catch {
            throw Diagnostic(path: path, line: line, column: Self.column(of: token.lowerBound + error.offset, in: bytes),
                             message: error.message)
        }
    }

    // MARK: Line tests

    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 32 || $0 == 9 }
    }

    /// `NOTE`, `STYLE` or `REGION` alone or followed by a space or tab.
    static func startsBlock(_ line: Substring, with keyword: String) -> Bool {
        guard line.utf8.starts(with: keyword.utf8) else { return false }
        let rest = line.utf8.dropFirst(keyword.utf8.count)
        return rest.first.map { $0 == 32 || $0 == 9 } ?? true
    }

    /// A line that opens with a time (`00:00:01.000 …`), though it may lack the arrow.
    static func looksLikeTime(_ line: Substring) -> Bool {
        let bytes = Array(line.utf8.prefix(16))
        var i = 0
        while i < bytes.count, bytes[i] == 32 { i += 1 }
        let digits = i
        while i < bytes.count, Bytes.isDigit(bytes[i]) { i += 1 }
        return i > digits && i < bytes.count && bytes[i] == 58
    }

    /// 1-based column just after the line's first whitespace-separated token.
    static func afterFirstToken(_ line: Substring) -> Int {
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
        while i < bytes.count, bytes[i] != 32, bytes[i] != 9 { i += 1 }
        return column(of: i, in: bytes)
    }

    /// 1-based character column of byte offset `offset`.
    static func column(of offset: Int, in bytes: [UInt8]) -> Int {
        bytes.prefix(offset).reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for i in 0...(bytes.count - needle.count) where bytes[i] == needle[0] {
            if Array(bytes[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }
}
