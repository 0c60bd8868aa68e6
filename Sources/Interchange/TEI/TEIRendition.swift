import Foundation

/// Renders the content of a TEI turn or paragraph as one line of plain text exactly as
/// Rapport's XML parser does (whitespace runs collapsed to one space, ends trimmed, NFC, notes
/// inline as `(pause)` and `[text]` set off by spaces), and reports where markers placed in the
/// content (a `<seg>`'s edges, an `<anchor>`) land in that text, in code points.
///
/// A marker that follows collapsed whitespace lands where the next visible character does (after
/// the single space the rendition keeps), and one at the very end lands at the end; so a range
/// whose edges sit next to spaces in the source maps back to the same code points.
struct TEIRendition {
    /// What a note element renders as.
    enum NoteShape {
        /// `(pause)`.
        case parenthesised
        /// `[text]`.
        case bracketed
    }

    private var done = String.UnicodeScalarView()
    private var doneCount = 0
    private var run = String.UnicodeScalarView()
    private var pendingSpace = false
    private var afterNote = false
    /// Markers placed inside the current run: position = done + NFC(run prefix).
    private var inRun: [(id: Int, offset: Int)] = []
    /// Markers placed after whitespace not yet written: resolved at the next visible character.
    private var waiting: [Int] = []
    /// Resolved marker positions, by marker id.
    private(set) var positions: [Int: Int] = [:]

    /// True while nothing visible has been added.
    var isEmpty: Bool { done.isEmpty && run.isEmpty }

    /// Appends character data, collapsing whitespace.
    mutating func append(_ text: String) {
        for scalar in text.unicodeScalars {
            if Self.isWhitespace(scalar) {
                pendingSpace = true
                continue
            }
            if !isEmpty && (pendingSpace || (afterNote && Self.startsWord(scalar))) {
                run.append(" ")
            }
            resolveWaiting(inRunAt: run.count)
            pendingSpace = false
            afterNote = false
            run.append(scalar)
        }
    }

    /// A break between words that adds no text of its own (`<lb/>`, paragraph edges).
    mutating func appendSpace() {
        pendingSpace = true
    }

    /// Places marker `id` here.
    mutating func mark(_ id: Int) {
        if pendingSpace && !isEmpty {
            waiting.append(id)
        } else {
            inRun.append((id, run.count))
        }
    }

    /// Appends a note rendered as `(content)` or `[content]`; `inner` gives markers inside the
    /// content as offsets into it.
    mutating func appendNote(_ shape: NoteShape, content: String, inner: [Int: Int] = [:]) {
        let text = Self.collapsed(content)
        flush()
        if !done.isEmpty { appendDone(" ") }
        pendingSpace = false
        for id in waiting { positions[id] = doneCount }
        waiting.removeAll()
        let start = doneCount
        appendDone(shape == .parenthesised ? "(\(text))" : "[\(text)]")
        let length = text.unicodeScalars.count
        for (id, offset) in inner { positions[id] = start + 1 + min(max(0, offset), length) }
        afterNote = true
    }

    /// The finished text; every marker placed has a position afterwards.
    mutating func finish() -> String {
        flush()
        for id in waiting { positions[id] = doneCount }
        waiting.removeAll()
        return String(done)
    }

    private mutating func resolveWaiting(inRunAt offset: Int) {
        for id in waiting { inRun.append((id, offset)) }
        waiting.removeAll()
    }

    private mutating func flush() {
        guard !run.isEmpty || !inRun.isEmpty else { return }
        let isASCII = run.allSatisfy(\.isASCII)
        for (id, offset) in inRun {
            let prefix = String(String.UnicodeScalarView(run.prefix(offset)))
            positions[id] = doneCount + (isASCII ? offset : prefix.precomposedStringWithCanonicalMapping.unicodeScalars.count)
        }
        inRun.removeAll()
        let piece = String(run)
        appendDone(isASCII ? piece : piece.precomposedStringWithCanonicalMapping)
        run = String.UnicodeScalarView()
    }

    private mutating func appendDone(_ piece: String) {
        done.append(contentsOf: piece.unicodeScalars)
        doneCount += piece.unicodeScalars.count
    }

    /// True when `text` is empty or only whitespace.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isWhitespace)
    }

    /// XML whitespace and Unicode's other spaces, which collapse like a space.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C
        }
        return scalar.properties.isWhitespace
    }

    private static func startsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar == "(" || scalar == "[" || scalar == "\"" || scalar == "“" || scalar == "'"
    }

    /// `text` with whitespace collapsed, trimmed, NFC.
    static func collapsed(_ text: String) -> String {
        var rendition = TEIRendition()
        rendition.append(text)
        return rendition.finish()
    }
}
