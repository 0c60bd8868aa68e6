import Foundation

/// Builds the one-line plain-text rendition of a turn or paragraph from XML content: whitespace
/// runs collapse to one space (TEI is pretty-printed), the ends are trimmed, text is NFC, and
/// transcriber's notes are rendered inline (`(pause)`, `[laughs]`) with their ranges recorded.
struct InlineText {
    /// A note's place in the rendered text, relative to its start.
    struct Placed {
        var kind: Note.Kind
        var text: String
        /// Code points, brackets included.
        var scalars: Range<Int>
        /// UTF-8 bytes, brackets included (for `WordCounter`).
        var bytes: Range<Int>
    }

    /// Text already NFC-normalised.
    private var done = ""
    private var doneScalars = 0
    /// Collapsed text not yet normalised: normalised as a whole so combining marks split across
    /// XML text nodes compose.
    private var run = ""
    private var pendingSpace = false
    private var afterNote = false
    private(set) var notes: [Placed] = []

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
                run.unicodeScalars.append(" ")
            }
            pendingSpace = false
            afterNote = false
            run.unicodeScalars.append(scalar)
        }
    }

    /// A break between words that adds no text of its own (`<lb/>`, element boundaries in names).
    mutating func appendSpace() {
        pendingSpace = true
    }

    /// Appends a note as `(text)` for pauses and `[text]` otherwise, set off by spaces from words.
    mutating func appendNote(kind: Note.Kind, text: String) {
        let content = Self.collapsed(text)
        flush()
        if !done.isEmpty { append(piece: " ") }
        pendingSpace = false
        let rendered = kind == .pause ? "(\(content))" : "[\(content)]"
        let startScalars = doneScalars, startBytes = done.utf8.count
        append(piece: rendered)
        notes.append(Placed(kind: kind, text: content, scalars: startScalars..<doneScalars,
                            bytes: startBytes..<done.utf8.count))
        afterNote = true
    }

    /// The finished text.
    mutating func finish() -> String {
        flush()
        return done
    }

    private mutating func flush() {
        guard !run.isEmpty else { return }
        // ASCII is already NFC; Foundation's normalisation is slow on Linux, so skip it there.
        append(piece: run.utf8.allSatisfy { $0 < 0x80 } ? run : run.precomposedStringWithCanonicalMapping)
        run = ""
    }

    /// True when `text` is empty or only whitespace.
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy(isWhitespace)
    }

    /// XML whitespace and Unicode's other spaces (no-break, em …), which collapse like a space.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C }
        return scalar.properties.isWhitespace
    }

    private mutating func append(piece: String) {
        done += piece
        doneScalars += piece.unicodeScalars.count
    }

    private static func startsWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar == "(" || scalar == "[" || scalar == "\"" || scalar == "“" || scalar == "'"
    }

    /// `text` with whitespace runs collapsed to one space, trimmed, NFC: for names and metadata.
    static func collapsed(_ text: String) -> String {
        var builder = InlineText()
        builder.append(text)
        return builder.finish()
    }
}
