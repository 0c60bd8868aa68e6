extension CuePattern {
    /// The cue as a case-insensitive regular expression (PCRE/Rust/Python syntax), for tools such
    /// as ripgrep or a hand-written script: words joined by non-word runs, inflected forms as
    /// alternatives, `*` as `\w*`, optional groups as `(?:…)?`, gaps as up to three words.
    var regularExpression: String {
        "\\b" + Self.regex(elements[...]) + "\\b"
    }

    static func regex(_ elements: ArraySlice<Element>) -> String {
        var parts: [String] = []
        for element in elements {
            switch element {
            case .word(let words, let prefixes):
                let alternatives = words.sorted().map(escape) + prefixes.sorted().map { escape($0) + "\\w*" }
                parts.append(alternatives.count == 1 ? alternatives[0] : "(?:" + alternatives.joined(separator: "|") + ")")
            case .group(let alternatives, let optional):
                let inner = "(?:" + alternatives.map { regex($0[...]) }.joined(separator: "|") + ")"
                parts.append(optional ? "(?:" + inner + "\\W+)?" : inner)
                continue
            case .gap(let n):
                parts.append("(?:\\w+\\W+){0,\(n)}")
                continue
            }
        }
        // Join with non-word runs; optional groups and gaps carry their own separators.
        var out = ""
        for (i, part) in parts.enumerated() {
            out += part
            if i < parts.count - 1, !part.hasSuffix("\\W+)?"), !part.hasSuffix("{0,3}") { out += "\\W+" }
        }
        return out
    }

    static func escape(_ word: String) -> String {
        var out = ""
        for c in word {
            if c.isLetter || c.isNumber { out.append(c) } else if c == "'" { out += "['’]" } else { out += "\\" + String(c) }
        }
        return out
    }
}

extension Codebook {
    /// Every cue as (code id, regular expression), in codebook order: `rapport codebook cues`.
    public var cueExpressions: [(code: String, expression: String)] {
        allCodes.flatMap { code in
            code.cues.compactMap { cue in
                (try? CuePattern.compile(cue.phrase).get()).map { (code.id, $0.regularExpression) }
            }
        }
    }
}
