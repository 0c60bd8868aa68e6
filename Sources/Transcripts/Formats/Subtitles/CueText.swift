/// Turns a cue's payload into what was said and by whom: the speaker from a WebVTT voice tag
/// (`<v Dr Khan>`, `<v.loud Mum>`) or from a `Name:` opening a line, the words with inline
/// markup removed (`<i>`, `<b>`, `<u>`, `<c.x>`, `<lang>`, ruby text, `<00:00:01.000>` karaoke
/// times, SubRip `<font>` tags and `{\an8}` overrides), character references decoded and
/// whitespace collapsed. A cue in which two people speak gives two utterances.
enum CueText {
    /// Words one speaker says in a cue; `speaker` is nil when the cue does not say who.
    struct Utterance: Equatable {
        var speaker: String?
        var text: String
    }

    /// A line's content: words, or a change of speaker.
    private enum Piece {
        case text(String)
        case voice(String)
    }

    static func utterances(_ payload: [Substring]) -> [Utterance] {
        var result: [Utterance] = []
        var current = Utterance(speaker: nil, text: "")
        var voiced = false
        var inRubyText = false
        func start(_ speaker: String) {
            if !current.text.isEmpty { result.append(current) }
            current = Utterance(speaker: speaker, text: "")
        }
        for line in payload {
            var pieces = self.pieces(line, inRubyText: &inRubyText)
            if pieces.contains(where: { if case .voice = $0 { true } else { false } }) { voiced = true }
            if !voiced, case .text(let first)? = pieces.first, let (label, rest) = leadingLabel(first) {
                pieces[0] = .text(rest)
                pieces.insert(.voice(label), at: 0)
            }
            if !current.text.isEmpty { current.text += " " }
            for piece in pieces {
                switch piece {
                case .voice(let name): start(name)
                case .text(let words): current.text += words
                }
            }
            current.text = collapsed(current.text)
        }
        if !current.text.isEmpty { result.append(current) }
        return result
    }

    // MARK: Markup

    /// The line split into text and voice changes, markup dropped and references decoded.
    private static func pieces(_ line: Substring, inRubyText: inout Bool) -> [Piece] {
        let bytes = Array(line.utf8)
        var pieces: [Piece] = []
        var text: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 60, i + 1 < bytes.count, Bytes.isLetter(bytes[i + 1]) || Bytes.isDigit(bytes[i + 1]) || bytes[i + 1] == 47,
               let close = bytes[(i + 1)...].firstIndex(of: 62) {
                let tag = Array(bytes[(i + 1)..<close])
                let name = tag.prefix { $0 != 32 && $0 != 9 && $0 != 46 }
                switch String(decoding: name, as: UTF8.self).lowercased() {
                case "v":
                    var k = name.count
                    while k < tag.count, tag[k] != 32, tag[k] != 9 { k += 1 }  // classes: <v.loud Name>
                    let speaker = collapsed(decodeReferences(Array(tag[k...])))
                    if !speaker.isEmpty {
                        if !text.isEmpty { pieces.append(.text(decodeReferences(text))); text = [] }
                        pieces.append(.voice(speaker))
                    }
                case "rt": inRubyText = true
                case "/rt": inRubyText = false
                default: break
                }
                i = close + 1
                continue
            }
            if b == 123, i + 1 < bytes.count, bytes[i + 1] == 92, let close = bytes[i...].firstIndex(of: 125) {
                i = close + 1  // {\an8}
                continue
            }
            if !inRubyText { text.append(b == 9 ? 32 : b) }
            i += 1
        }
        if !text.isEmpty { pieces.append(.text(decodeReferences(text))) }
        return pieces
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, `&lrm;`, `&rlm;` and numeric references.
    private static func decodeReferences(_ bytes: [UInt8]) -> String {
        guard bytes.contains(38) else { return String(decoding: bytes, as: UTF8.self) }
        var out = ""
        var i = 0
        while i < bytes.count {
            if bytes[i] == 38, let semicolon = bytes[i...].prefix(12).firstIndex(of: 59) {
                let name = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
                if let decoded = reference(name) {
                    out += decoded
                    i = semicolon + 1
                    continue
                }
            }
            let length = min(Bytes.scalarLength(bytes[i]), bytes.count - i)
            out += String(decoding: bytes[i..<(i + length)], as: UTF8.self)
            i += length
        }
        return out
    }

    private static func reference(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        case "lrm", "rlm": return ""
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
    }

    // MARK: Labels and whitespace

    /// `Name: words` at the start of a line: a label-shaped name starting with a capital (or a
    /// non-ASCII letter), not a word such as `Note`, followed by a space or the line's end.
    private static func leadingLabel(_ text: String) -> (label: String, rest: String)? {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count, bytes[start] == 32 { start += 1 }
        guard let colon = bytes[start...].prefix(81).firstIndex(of: 58),
              colon + 1 == bytes.count || bytes[colon + 1] == 32 else { return nil }
        let label = bytes[start..<colon]
        let name = String(decoding: label, as: UTF8.self)
        // `Amira Hussain (she/her):`, `Jo Bennett - Health Visitor:`, `iPhone:` name a speaker too.
        let decorated = SpeakerName.parse(name)
        guard LabelShape.isLabel(label) || decorated != nil, let first = label.first,
              (65...90).contains(first) || first >= 0x80 || decorated.map({ SpeakerName.isDevice($0.label) }) == true
        else { return nil }
        guard !PlainTextParser.Scanner.notLabels.contains(name.lowercased()) else { return nil }
        return (name, String(decoding: bytes[(colon + 1)...], as: UTF8.self))
    }

    /// Whitespace runs as one space, ends trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{A0}" }).joined(separator: " ")
    }
}
