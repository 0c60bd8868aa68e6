/// A cue phrase compiled into token elements. The phrase syntax, documented in
/// Codebooks/README.md:
/// - `shout` matches the word and its regular inflections (shouts, shouted, shouting);
/// - `=shout` matches the word exactly; `threaten*` any word starting with `threaten`;
/// - `swear|curse` either word; `(really)` an optional word; `...` up to three words of gap
///   within the clause; `you'll` and `you will` are written as they are spoken.
struct CuePattern: Hashable, Sendable {
    enum Element: Hashable, Sendable {
        case word(Set<String>, prefixes: [String], optional: Bool)
        case gap(Int)
    }

    var elements: [Element]

    /// Compiles `phrase`, or returns a message saying why it cannot match anything.
    static func compile(_ phrase: String) -> Result<CuePattern, CuePatternError> {
        var elements: [Element] = []
        let parts = phrase.lowercased().replacingApostrophes().split(whereSeparator: { $0 == " " || $0 == "\t" })
        for raw in parts {
            var part = String(raw)
            if part == "..." || part == "…" {
                if case .gap = elements.last { continue }
                elements.append(.gap(3))
                continue
            }
            var optional = false
            if part.hasPrefix("(") && part.hasSuffix(")") && part.count > 2 {
                optional = true
                part = String(part.dropFirst().dropLast())
            }
            var words = Set<String>(), prefixes: [String] = []
            for alternative in part.split(separator: "|") {
                var alt = String(alternative)
                if alt.hasSuffix("*") {
                    alt.removeLast()
                    guard !alt.isEmpty, alt.allSatisfy(isWordCharacter) else {
                        return .failure(CuePatternError(message: "wildcard '\(alternative)' needs letters before '*'"))
                    }
                    prefixes.append(alt)
                } else if alt.hasPrefix("=") {
                    alt.removeFirst()
                    guard !alt.isEmpty, alt.allSatisfy(isWordCharacter) else {
                        return .failure(CuePatternError(message: "'\(alternative)' is not a word"))
                    }
                    words.insert(alt)
                } else {
                    guard !alt.isEmpty, alt.allSatisfy(isWordCharacter) else {
                        return .failure(CuePatternError(message: "'\(alternative)' is not a word (letters, digits, ' and - only)"))
                    }
                    words.formUnion(Inflection.forms(of: alt))
                }
            }
            guard !words.isEmpty || !prefixes.isEmpty else {
                return .failure(CuePatternError(message: "empty alternative in '\(raw)'"))
            }
            elements.append(.word(words, prefixes: prefixes, optional: optional))
        }
        guard elements.contains(where: { if case .word(_, _, false) = $0 { return true } else { return false } }) else {
            return .failure(CuePatternError(message: "cue '\(phrase)' has no required word, so it can never match"))
        }
        if case .gap = elements.first { elements.removeFirst() }
        if case .gap = elements.last { elements.removeLast() }
        return .success(CuePattern(elements: elements))
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "'" || c == "-" }

    /// The words a match can start with (the first element, plus the next if the first is optional).
    var startWords: (words: Set<String>, prefixes: [String]) {
        var words = Set<String>(), prefixes: [String] = []
        for element in elements {
            guard case .word(let w, let p, let optional) = element else { continue }
            words.formUnion(w)
            prefixes += p
            if !optional { break }
        }
        return (words, prefixes)
    }
}

struct CuePatternError: Error, Hashable, Sendable {
    var message: String
}

extension String {
    /// The string with typographic apostrophes (’ ‘ ʼ) written as '.
    func replacingApostrophes() -> String {
        guard unicodeScalars.contains(where: { $0 == "\u{2019}" || $0 == "\u{2018}" || $0 == "\u{02BC}" }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{2019}" || $0 == "\u{2018}" || $0 == "\u{02BC}" ? "'" : $0 }))
    }
}
