/// A cue phrase compiled into token elements. The phrase syntax, documented in
/// Codebooks/README.md:
/// - `shout` matches the word and its regular inflections (shouts, shouted, shouting);
/// - `=shout` matches the word exactly; `threaten*` any word starting with `threaten`;
/// - `swear|swore` either word; `(the worker|her|him)` one of several phrases;
/// - `(really)?` an optional word or group; `...` up to three words of gap within the clause.
struct CuePattern: Hashable, Sendable {
    indirect enum Element: Hashable, Sendable {
        case word(Set<String>, prefixes: [String])
        case group([[Element]], optional: Bool)
        case gap(Int)
    }

    var elements: [Element]

    /// Compiles `phrase`, or returns a message saying why it cannot match anything.
    static func compile(_ phrase: String) -> Result<CuePattern, CuePatternError> {
        var parser = PhraseParser(chars: Array(phrase.lowercased().replacingApostrophes()))
        do {
            var elements = try parser.sequence(closing: nil)
            guard elements.contains(where: \.isRequired) else {
                return .failure(CuePatternError(message: "cue '\(phrase)' has no required word, so it can never match"))
            }
            while case .gap = elements.first { elements.removeFirst() }
            while case .gap = elements.last { elements.removeLast() }
            return .success(CuePattern(elements: elements))
        } catch {
            return .failure(error)
        }
    }

    /// The words a match can start with, for the matcher's index (nil when it can start anywhere).
    var startWords: (words: Set<String>, prefixes: [String]) {
        var words = Set<String>(), prefixes: [String] = []
        Self.collectStarts(elements[...], into: &words, &prefixes)
        return (words, prefixes)
    }

    /// Adds the possible first words of `elements`; returns whether the sequence can be empty.
    @discardableResult
    static func collectStarts(_ elements: ArraySlice<Element>, into words: inout Set<String>, _ prefixes: inout [String]) -> Bool {
        for element in elements {
            switch element {
            case .word(let w, let p):
                words.formUnion(w)
                prefixes += p
                return false
            case .group(let alternatives, let optional):
                var anyEmpty = optional
                for alternative in alternatives where collectStarts(alternative[...], into: &words, &prefixes) { anyEmpty = true }
                if !anyEmpty { return false }
            case .gap:
                continue
            }
        }
        return true
    }
}

extension CuePattern.Element {
    var isRequired: Bool {
        switch self {
        case .word: return true
        case .group(let alternatives, let optional): return !optional && alternatives.allSatisfy { $0.contains(where: \.isRequired) }
        case .gap: return false
        }
    }
}

/// Reads the cue syntax character by character: words, `|` alternatives, `( … )` groups with an
/// optional `?`, and `...` gaps.
struct PhraseParser {
    var chars: [Character]
    var i = 0

    mutating func sequence(closing: Character?) throws(CuePatternError) -> [CuePattern.Element] {
        var elements: [CuePattern.Element] = []
        while i < chars.count {
            let c = chars[i]
            if c == " " || c == "\t" { i += 1; continue }
            if let closing, c == closing || c == "|" { return elements }
            if c == ")" || (c == "|" && closing == nil) {
                throw CuePatternError(message: "unexpected '\(c)' at position \(i + 1)")
            }
            if c == "(" {
                i += 1
                var alternatives: [[CuePattern.Element]] = []
                while true {
                    let alt = try sequence(closing: ")")
                    if alt.isEmpty { throw CuePatternError(message: "empty alternative in a group at position \(i + 1)") }
                    alternatives.append(alt)
                    guard i < chars.count else { throw CuePatternError(message: "'(' without a closing ')'") }
                    let stop = chars[i]
                    i += 1
                    if stop == ")" { break }
                }
                var optional = false
                if i < chars.count, chars[i] == "?" { optional = true; i += 1 }
                elements.append(.group(alternatives, optional: optional))
                continue
            }
            if c == "." || c == "…" {
                var n = 0
                while i < chars.count, chars[i] == "." || chars[i] == "…" { n += 1; i += 1 }
                if c == "." && n != 3 { throw CuePatternError(message: "write a gap as '...'") }
                if case .gap = elements.last {} else { elements.append(.gap(3)) }
                continue
            }
            // A word with its `|` alternatives: a|b|c*
            var words = Set<String>(), prefixes: [String] = []
            while true {
                let start = i
                while i < chars.count, Self.isWordCharacter(chars[i]) || chars[i] == "*" || chars[i] == "=" { i += 1 }
                var word = String(chars[start..<i])
                if word.isEmpty {
                    throw CuePatternError(message: "expected a word at position \(i + 1), found '\(i < chars.count ? String(chars[i]) : "end")'")
                }
                if word.hasSuffix("*") {
                    word.removeLast()
                    guard !word.isEmpty, !word.contains("*"), !word.contains("=") else {
                        throw CuePatternError(message: "wildcard '\(word)*' needs letters before '*'")
                    }
                    prefixes.append(word)
                } else if word.hasPrefix("=") {
                    word.removeFirst()
                    guard !word.isEmpty, !word.contains("=") else { throw CuePatternError(message: "'=' must precede a word") }
                    words.insert(word)
                } else {
                    guard !word.contains("*"), !word.contains("=") else {
                        throw CuePatternError(message: "'\(word)': '*' goes at the end of a word, '=' at its start")
                    }
                    words.formUnion(Inflection.forms(of: word))
                }
                // Inside a group `|` separates whole alternatives; outside, alternatives of one word.
                if closing == nil, i < chars.count, chars[i] == "|", i + 1 < chars.count,
                   Self.isWordCharacter(chars[i + 1]) || chars[i + 1] == "=" {
                    i += 1
                    continue
                }
                break
            }
            elements.append(.word(words, prefixes: prefixes))
        }
        if closing != nil { throw CuePatternError(message: "'(' without a closing ')'") }
        return elements
    }

    static func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "'" || c == "-" }
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
