/// Splits text into lower-cased word tokens and punctuation marks over its UTF-8 bytes, with
/// each token's code-point range, unifying apostrophe variants (’ ‘ ʼ → ') so cues match
/// whatever the transcription service typed.
public struct Token: Hashable, Sendable {
    public enum Kind: Sendable { case word, comma, stop, dash, quote, open, close }
    public var kind: Kind
    /// Lower-cased text (ASCII folded byte-wise; other letters via Unicode lower-casing): for a
    /// word the vocabulary's one copy, shared by every token of that word.
    public var text: String
    /// Code-point offsets relative to the start of the tokenised text.
    public var start: Int
    public var end: Int
    /// The word began with a capital letter in the text (names, sentence starts).
    public var capitalised: Bool = false
    /// What the linguistic checks know about the word (from the vocabulary's lexicon); empty for
    /// punctuation. Not part of equality, like `id`.
    var facts: WordFacts = []
    /// The word's id in the vocabulary it was tokenised with; -1 for punctuation. Not part of
    /// equality: two tokenisations of the same text are equal whatever vocabulary numbered them.
    var id: Int32 = -1

    public static func == (a: Token, b: Token) -> Bool {
        a.kind == b.kind && a.text == b.text && a.start == b.start && a.end == b.end && a.capitalised == b.capitalised
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(text)
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(capitalised)
    }
}

public enum Tokenizer {
    /// Tokens of `text`; punctuation that ends a clause (`.`, `;`, `!`, `?`, `:`) is kept as `.stop`.
    public static func tokenize(_ text: String) -> [Token] {
        var vocabulary = Vocabulary()
        return tokenize(text, vocabulary: &vocabulary)
    }

    /// Tokens of `text`, their words numbered in `vocabulary` (new words are added): one pass over
    /// the UTF-8 bytes, one hash look-up per word, no `String` made for a word already known.
    static func tokenize(_ text: String, vocabulary: inout Vocabulary) -> [Token] {
        var text = text
        return text.withUTF8 { tokenize(bytes: $0, vocabulary: &vocabulary) }
    }

    static func tokenize(bytes: UnsafeBufferPointer<UInt8>, vocabulary: inout Vocabulary) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4)
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var wordStart = 0
        var hasNonASCII = false
        var capitalised = false
        var cp = 0
        var i = 0
        let count = bytes.count

        func flush(_ end: Int) {
            guard !word.isEmpty else { return }
            // A trailing apostrophe closes a quotation ('no') or marks a plural possessive (mums'):
            // keep it as a quote mark after the word.
            var upper = word.count
            while upper > 0 && word[upper - 1] == 39 { upper -= 1 }
            let trailing = word.count - upper
            var lower = 0
            while lower < upper && word[lower] == 39 { lower += 1 }
            if lower < upper {
                let id = word.withUnsafeBufferPointer {
                    vocabulary.id(bytes: UnsafeBufferPointer(rebasing: $0[lower..<upper]), lowercased: !hasNonASCII)
                }
                tokens.append(Token(kind: .word, text: vocabulary.words[Int(id)], start: wordStart + lower,
                                    end: end - trailing, capitalised: capitalised, facts: vocabulary.facts[Int(id)], id: id))
            }
            if trailing > 0 { tokens.append(Token(kind: .quote, text: "'", start: end - 1, end: end)) }
            word.removeAll(keepingCapacity: true)
            hasNonASCII = false
        }

        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                if b >= 65 && b <= 90 {
                    if word.isEmpty { wordStart = cp; capitalised = true }
                    word.append(b + 32)
                } else if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
                    if word.isEmpty { wordStart = cp; capitalised = false }
                    word.append(b)
                } else if b == 39 && !word.isEmpty {
                    word.append(39)
                } else if b == 45 && !word.isEmpty && i + 1 < count && isWordByte(bytes[i + 1]) {
                    word.append(45)  // hyphenated words stay one token: hair-strand, stair-gate
                } else {
                    flush(cp)
                    if let (kind, mark) = punctuation(b) { tokens.append(Token(kind: kind, text: mark, start: cp, end: cp + 1)) }
                }
                cp += 1
                i += 1
                continue
            }
            let length = min(b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1, count - i)
            // Right/left single quotes and modifier apostrophe act as apostrophes inside words.
            if length == 3 && b == 0xE2 && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98) {
                if !word.isEmpty && i + 3 < count && isWordByte(bytes[i + 3]) {
                    word.append(39)
                } else {
                    flush(cp)
                    tokens.append(Token(kind: .quote, text: "'", start: cp, end: cp + 1))
                }
            } else if let scalar = decode(bytes, at: i, length: length),
                      scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if word.isEmpty { wordStart = cp; capitalised = scalar.properties.isUppercase }
                for k in i..<(i + length) { word.append(bytes[k]) }
                hasNonASCII = true
            } else {
                flush(cp)
                switch decode(bytes, at: i, length: length)?.value ?? 0 {
                case 0x2014, 0x2013: tokens.append(Token(kind: .dash, text: "-", start: cp, end: cp + 1))  // — –
                case 0x2026: tokens.append(Token(kind: .stop, text: ".", start: cp, end: cp + 1))  // …
                case 0x201C, 0x201D, 0xAB, 0xBB: tokens.append(Token(kind: .quote, text: "\"", start: cp, end: cp + 1))  // “ ” « »
                default: break
                }
            }
            cp += 1
            i += length
        }
        flush(cp)
        return tokens
    }

    /// The scalar whose UTF-8 encoding of `length` bytes starts at `i`.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, length: Int) -> Unicode.Scalar? {
        var value: UInt32
        switch length {
        case 2: value = UInt32(bytes[i] & 0x1F)
        case 3: value = UInt32(bytes[i] & 0x0F)
        case 4: value = UInt32(bytes[i] & 0x07)
        default: return nil
        }
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return Unicode.Scalar(value)
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b >= 0x80
    }

    static func punctuation(_ b: UInt8) -> (Token.Kind, String)? {
        switch b {
        case UInt8(ascii: ","): return (.comma, ",")
        case UInt8(ascii: "."): return (.stop, ".")
        case UInt8(ascii: ";"): return (.stop, ";")
        case UInt8(ascii: "!"): return (.stop, "!")
        case UInt8(ascii: "?"): return (.stop, "?")
        case UInt8(ascii: ":"): return (.stop, ":")
        case UInt8(ascii: "-"): return (.dash, "-")
        case UInt8(ascii: "\""): return (.quote, "\"")
        case UInt8(ascii: "'"): return (.quote, "'")
        case UInt8(ascii: "("): return (.open, "(")
        case UInt8(ascii: "["): return (.open, "[")
        case UInt8(ascii: ")"): return (.close, ")")
        case UInt8(ascii: "]"): return (.close, "]")
        default: return nil
        }
    }
}
