/// Splits text into lower-cased word tokens and punctuation marks over its UTF-8 bytes, with
/// each token's code-point range, unifying apostrophe variants (’ ‘ ʼ → ') so cues match
/// whatever the transcription service typed.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, comma, stop, dash, quote, open, close }
    public var kind: Kind
    /// Lower-cased text (ASCII folded byte-wise; other letters via Unicode lower-casing).
    public var text: String
    /// Code-point offsets relative to the start of the tokenised text.
    public var start: Int
    public var end: Int
    /// The word began with a capital letter in the text (names, sentence starts).
    public var capitalised: Bool = false
}

public enum Tokenizer {
    /// Tokens of `text`; punctuation that ends a clause (`.`, `;`, `!`, `?`, `:`) is kept as `.stop`.
    public static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word: [UInt8] = []
        var wordStart = 0
        var hasNonASCII = false
        var capitalised = false
        var cp = 0
        let bytes = Array(text.utf8)
        var i = 0

        func flush(_ end: Int) {
            guard !word.isEmpty else { return }
            // A trailing apostrophe closes a quotation ('no') or marks a plural possessive (mums'):
            // keep it as a quote mark after the word.
            var trailing = 0
            while word.last == 39 { word.removeLast(); trailing += 1 }
            var start = wordStart
            while word.first == 39 { word.removeFirst(); start += 1 }
            if !word.isEmpty {
                var s = String(decoding: word, as: UTF8.self)
                if hasNonASCII { s = s.lowercased() }
                tokens.append(Token(kind: .word, text: s, start: start, end: end - trailing, capitalised: capitalised))
            }
            if trailing > 0 { tokens.append(Token(kind: .quote, text: "'", start: end - 1, end: end)) }
            word.removeAll(keepingCapacity: true)
            hasNonASCII = false
        }

        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if (b >= 65 && b <= 90) {
                    if word.isEmpty { wordStart = cp; capitalised = true }
                    word.append(b + 32)
                } else if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
                    if word.isEmpty { wordStart = cp; capitalised = false }
                    word.append(b)
                } else if b == 39 && !word.isEmpty {
                    word.append(39)
                } else if b == 45 && !word.isEmpty && i + 1 < bytes.count && isWordByte(bytes[i + 1]) {
                    word.append(45)  // hyphenated words stay one token: hair-strand, stair-gate
                } else {
                    flush(cp)
                    if let kind = punctuation(b) { tokens.append(Token(kind: kind, text: String(UnicodeScalar(b)), start: cp, end: cp + 1)) }
                }
                cp += 1
                i += 1
                continue
            }
            let length = min(b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1, bytes.count - i)
            let scalarBytes = bytes[i..<(i + length)]
            // Right/left single quotes and modifier apostrophe act as apostrophes inside words.
            if length == 3 && b == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98) {
                if !word.isEmpty && i + 3 < bytes.count && isWordByte(bytes[i + 3]) {
                    word.append(39)
                } else {
                    flush(cp)
                    tokens.append(Token(kind: .quote, text: "'", start: cp, end: cp + 1))
                }
            } else if let scalar = String(decoding: scalarBytes, as: UTF8.self).unicodeScalars.first,
                      scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if word.isEmpty { wordStart = cp; capitalised = scalar.properties.isUppercase }
                word.append(contentsOf: scalarBytes)
                hasNonASCII = true
            } else {
                flush(cp)
                let s = String(decoding: scalarBytes, as: UTF8.self)
                if s == "—" || s == "–" { tokens.append(Token(kind: .dash, text: "-", start: cp, end: cp + 1)) }
                else if s == "…" { tokens.append(Token(kind: .stop, text: ".", start: cp, end: cp + 1)) }
                else if s == "“" || s == "”" || s == "«" || s == "»" { tokens.append(Token(kind: .quote, text: "\"", start: cp, end: cp + 1)) }
            }
            cp += 1
            i += length
        }
        flush(cp)
        return tokens
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80
    }

    static func punctuation(_ b: UInt8) -> Token.Kind? {
        switch b {
        case UInt8(ascii: ","): return .comma
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"): return .stop
        case UInt8(ascii: "-"): return .dash
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return .quote
        case UInt8(ascii: "("), UInt8(ascii: "["): return .open
        case UInt8(ascii: ")"), UInt8(ascii: "]"): return .close
        default: return nil
        }
    }
}
