/// The text of one word-processor paragraph (a Word `w:p`, an OpenDocument `text:p`), built run by
/// run, with the repairs that make a formatted speaker label read as a plain-text `Label:`.
///
/// Word and LibreOffice users mark speakers with formatting rather than punctuation: a bold
/// `SW:` run straight before the words (`SW:How are you` once the runs are joined), or a bold
/// `SW` and a tab. `finish()` puts a space after a label colon that ends a run, and a colon after
/// a bold label followed by a tab, so the plain-text conventions see a turn.
struct ParagraphText {
    private(set) var text = ""
    /// True when character data collapses whitespace (OpenDocument) rather than keeping it (Word).
    let collapsesWhitespace: Bool
    /// Offsets (in `text.utf8`) where one run ends and the next begins.
    private var runEnds: [Int] = []
    /// End of the emphasised (bold) text that opens the paragraph, if it opens with some.
    private var leadingEmphasisEnd: Int?
    private var sawContent = false
    private var pendingSpace = false

    init(collapsesWhitespace: Bool = false) {
        self.collapsesWhitespace = collapsesWhitespace
    }

    /// True while the paragraph holds nothing but whitespace.
    var isBlank: Bool { !sawContent }

    /// Appends the character data of one run; `emphasised` for bold text.
    mutating func append(run piece: String, emphasised: Bool = false) {
        guard !piece.isEmpty else { return }
        let opensWithEmphasis = !sawContent && emphasised
        let before = text.utf8.count
        for scalar in piece.unicodeScalars {
            let space = scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
            if collapsesWhitespace && space {
                pendingSpace = sawContent || pendingSpace
                continue
            }
            flushSpace()
            text.unicodeScalars.append(scalar == "\r" || scalar == "\n" ? " " : scalar)
            if !space { sawContent = true }
        }
        if emphasised, opensWithEmphasis || leadingEmphasisEnd == before {
            leadingEmphasisEnd = text.utf8.count
        }
        runEnds.append(text.utf8.count)
    }

    /// A tab (`w:tab`, `text:tab`).
    mutating func appendTab() { appendLiteral("\t") }

    /// A line break inside the paragraph (`w:br`, `w:cr`, `text:line-break`).
    mutating func appendLineBreak() { appendLiteral("\n") }

    /// `count` spaces that do not collapse (`text:s`).
    mutating func appendSpaces(_ count: Int) { appendLiteral(String(repeating: " ", count: count)) }

    private mutating func appendLiteral(_ piece: String) {
        pendingSpace = false
        text += piece
        runEnds.append(text.utf8.count)
    }

    private mutating func flushSpace() {
        if pendingSpace { text += " " }
        pendingSpace = false
    }

    /// The paragraph's text, trimmed, with formatted labels repaired.
    func finish() -> String {
        var bytes = Array(text.utf8)
        let repaired = leadingEmphasisEnd.map { Self.repairEmphasisedLabel(&bytes, end: $0) } ?? false
        if !repaired {
            for end in runEnds where Self.repairRunLabel(&bytes, end: end) { break }
        }
        return Self.trimmed(bytes)
    }

    // MARK: Label repairs

    /// A run that ends `Label:` at the start of the paragraph, with text straight after it.
    private static func repairRunLabel(_ bytes: inout [UInt8], end: Int) -> Bool {
        guard end > 0, end < bytes.count, bytes[end - 1] == 58, !isSpace(bytes[end]),
              LabelShape.isLabel(bytes, upTo: end - 1) else { return false }
        bytes.insert(32, at: end)
        return true
    }

    /// A bold label without its colon, followed by a tab: `SW⇥How are you` → `SW:⇥How are you`.
    private static func repairEmphasisedLabel(_ bytes: inout [UInt8], end: Int) -> Bool {
        var labelEnd = end
        while labelEnd > 0, isSpace(bytes[labelEnd - 1]) { labelEnd -= 1 }
        var next = labelEnd
        while next < bytes.count, bytes[next] == 32 { next += 1 }
        guard labelEnd > 0, bytes[labelEnd - 1] != 58, next < bytes.count, bytes[next] == 9,
              LabelShape.isLabel(bytes, upTo: labelEnd) else { return false }
        bytes.insert(58, at: labelEnd)
        return true
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 }

    /// Without leading and trailing spaces, tabs and line breaks, and without spaces before a
    /// line break.
    private static func trimmed(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for b in bytes {
            if b == 10 { while let last = out.last, last == 32 || last == 9 { out.removeLast() } }
            out.append(b)
        }
        var start = 0, end = out.count
        while start < end, isSpace(out[start]) { start += 1 }
        while end > start, isSpace(out[end - 1]) { end -= 1 }
        return String(decoding: out[start..<end], as: UTF8.self)
    }
}
