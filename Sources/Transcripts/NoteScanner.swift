/// Finds transcriber's notes in a segment: anything in square brackets or double parentheses,
/// and single parentheses whose content reads as a note (`(pause)`, `(laughs)`, `(2.0)`, `(.)`),
/// so that parenthetical prose such as "(the eldest)" stays text.
enum NoteScanner {
    struct Found {
        var notes: [Note] = []
        var byteRanges: [Range<Int>] = []
    }

    static func notes(in content: ArraySlice<UInt8>, startLine: PlainTextParser.Line,
                      scanner: PlainTextParser.Scanner) -> Found {
        var found = Found()
        guard content.contains(where: { $0 == 91 || $0 == 40 }) else { return found }
        if scanner.ascii {
            // Code points are bytes: go from bracket to bracket.
            let base = scanner.codePoint(at: content.startIndex, in: startLine) - content.startIndex
            var i = content.startIndex
            while let k = content[i...].firstIndex(where: { $0 == 91 || $0 == 40 }) {
                guard let match = bracket(content, at: k) else { i = k + 1; continue }
                found.notes.append(Note(kind: match.kind, text: match.text, start: base + k, end: base + match.end))
                found.byteRanges.append(k..<match.end)
                i = match.end
            }
            return found
        }
        var codePoint = scanner.codePoint(at: content.startIndex, in: startLine)
        var i = content.startIndex
        while i < content.endIndex {
            let b = content[i]
            if b == 91 || b == 40, let match = bracket(content, at: i) {
                let noteStart = codePoint
                var k = i
                while k < match.end {
                    if content[k] & 0xC0 != 0x80 { codePoint += 1 }
                    k += 1
                }
                found.notes.append(Note(kind: match.kind, text: match.text, start: noteStart, end: codePoint))
                found.byteRanges.append(i..<match.end)
                i = match.end
                continue
            }
            if b & 0xC0 != 0x80 { codePoint += 1 }
            i += 1
        }
        return found
    }

    struct Bracket {
        var end: Int
        var text: String
        var kind: Note.Kind
    }

    /// Capitalised words that start sentences or answer, after which `(2)` is still a pause.
    static let sentenceWords: Set<String> = [
        "I", "Yes", "No", "Well", "So", "And", "But", "Okay", "OK", "Ok", "Right", "Yeah", "Oh", "Um", "Er", "Erm",
        "Hmm", "Mm", "The", "It", "That", "Then", "Now", "Look", "Sorry", "Thanks", "Fine", "Yep", "Nope", "Sure",
        "What", "Why", "How", "When", "Where", "Who", "We", "You", "He", "She", "They", "This", "There", "If",
    ]

    /// True for `(7)` right after a capitalised word that is not a sentence word: `Kayden (7)`,
    /// or after a numbered pseudonym (`Child 1 (7)`).
    static func isAge(_ inner: String, before: ArraySlice<UInt8>) -> Bool {
        guard inner.count <= 2, inner.allSatisfy(\.isNumber), before.last == 32 else { return false }
        func wordBefore(_ limit: Int) -> (text: String, start: Int) {
            var end = limit
            while end > before.startIndex, before[end - 1] == 32 { end -= 1 }
            var start = end
            while start > before.startIndex, before[start - 1] != 32, before[start - 1] != 10 { start -= 1 }
            return (Bytes.string(before[start..<end]), start)
        }
        var (word, start) = wordBefore(before.endIndex)
        if !word.isEmpty, word.allSatisfy(\.isNumber), start > before.startIndex { word = wordBefore(start).text }
        guard let first = word.unicodeScalars.first, first.properties.isUppercase,
              word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "'" }) else { return false }
        return !sentenceWords.contains(word)
    }

    static func bracket(_ content: ArraySlice<UInt8>, at start: Int) -> Bracket? {
        let open = content[start]
        let double = open == 40 && start + 1 < content.endIndex && content[start + 1] == 40
        let close: UInt8 = open == 91 ? 93 : 41
        let innerStart = start + (double ? 2 : 1)
        var i = innerStart
        while i < content.endIndex, content[i] != close, content[i] != 10 || open == 91, i - start < 300 {
            if content[i] == open && !double { return nil }
            i += 1
        }
        guard i < content.endIndex, content[i] == close else { return nil }
        var end = i + 1
        if double {
            guard end < content.endIndex, content[end] == 41 else { return nil }
            end += 1
        }
        let inner = Bytes.string(content[innerStart..<i]).trimmingASCIISpaces()
        guard !inner.isEmpty || open == 40 else { return nil }
        let kind = Note.kind(of: inner)
        if open == 40 && !double {
            let isPauseMark = inner == "." || inner.allSatisfy { $0.isNumber || $0 == "." || $0 == "s" || $0 == " " }
            if isPauseMark && !inner.isEmpty {
                // `Kayden (7)`: a whole number after a name is an age, not a pause.
                if isAge(inner, before: content[..<start]) { return nil }
                return Bracket(end: end, text: inner, kind: .pause)
            }
            guard kind != .comment else { return nil }
        }
        return Bracket(end: end, text: inner, kind: kind)
    }
}
