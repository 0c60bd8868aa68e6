import Synchronization

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
    /// The pattern flattened into linear sequences of atoms (groups of single words merged into
    /// one atom, groups of phrases expanded): what the matcher runs, without allocating.
    var sequences: [[Atom]] = []

    /// One position of a linear sequence: a word (any of `words`, or a word starting with one of
    /// `prefixes`), possibly optional, or a gap of up to `gap` words.
    struct Atom: Hashable, Sendable {
        var words: Set<String> = []
        var prefixes: [String] = []
        var optional = false
        var gap = 0

        func accepts(_ word: String) -> Bool {
            words.contains(word) || (!prefixes.isEmpty && prefixes.contains { word.hasPrefix($0) })
        }
    }

    init(elements: [Element]) {
        self.elements = elements
        self.sequences = Self.linearize(elements[...]).flatMap(Self.expandLeadingOptionals)
    }

    /// Sequences for `elements`: groups whose alternatives are single words become one atom.
    static func linearize(_ elements: ArraySlice<Element>) -> [[Atom]] {
        var results: [[Atom]] = [[]]
        for element in elements {
            switch element {
            case .word(let words, let prefixes):
                for k in results.indices { results[k].append(Atom(words: words, prefixes: prefixes)) }
            case .gap(let n):
                for k in results.indices { results[k].append(Atom(gap: n)) }
            case .group(let alternatives, let optional):
                let singleWords = alternatives.allSatisfy { alt in
                    if alt.count == 1, case .word = alt[0] { return true } else { return false }
                }
                if singleWords {
                    var atom = Atom(optional: optional)
                    for alt in alternatives {
                        if case .word(let w, let p) = alt[0] { atom.words.formUnion(w); atom.prefixes += p }
                    }
                    for k in results.indices { results[k].append(atom) }
                } else {
                    var expansions = alternatives.flatMap { linearize($0[...]) }
                    if optional { expansions.append([]) }
                    results = results.flatMap { prefix in expansions.map { prefix + $0 } }
                }
            }
        }
        return results.map { seq in
            var s = seq
            while s.first?.gap ?? 0 > 0 { s.removeFirst() }
            while s.last?.gap ?? 0 > 0 { s.removeLast() }
            return s
        }.filter { !$0.isEmpty }
    }

    /// A sequence starting with optional atoms becomes one sequence per possible first word.
    static func expandLeadingOptionals(_ sequence: [Atom]) -> [[Atom]] {
        guard let first = sequence.first, first.optional else { return [sequence] }
        var required = first
        required.optional = false
        let rest = Array(sequence.dropFirst())
        var out = [[required] + rest]
        var trimmed = rest
        while trimmed.first?.gap ?? 0 > 0 { trimmed.removeFirst() }
        if trimmed.contains(where: { $0.gap == 0 && !$0.optional }) { out += expandLeadingOptionals(trimmed) }
        return out
    }

    /// Compiles `phrase`, or returns a message saying why it cannot match anything. Results are
    /// remembered for the process: reading a codebook checks every cue, and compiling it for the
    /// coder then costs nothing more.
    static func compile(_ phrase: String) -> Result<CuePattern, CuePatternError> {
        if let known = PatternMemo.shared.table.withLock({ $0[phrase] }) { return known }
        let result = compileUncached(phrase)
        PatternMemo.shared.table.withLock { table in
            if table.count >= PatternMemo.limit { table.removeAll() }
            table[phrase] = result
        }
        return result
    }

    static func compileUncached(_ phrase: String) -> Result<CuePattern, CuePatternError> {
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

    /// The words a match can start with, for the matcher's index.
    var startWords: (words: Set<String>, prefixes: [String]) {
        var words = Set<String>(), prefixes: [String] = []
        for seq in sequences { words.formUnion(seq[0].words); prefixes += seq[0].prefixes }
        return (words, prefixes)
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
                    guard !word.isEmpty, !word.utf8.contains(UInt8(ascii: "*")), !word.utf8.contains(UInt8(ascii: "=")) else {
                        throw CuePatternError(message: "wildcard '\(word)*' needs letters before '*'")
                    }
                    prefixes.append(word)
                } else if word.hasPrefix("=") {
                    word.removeFirst()
                    guard !word.isEmpty, !word.utf8.contains(UInt8(ascii: "=")) else { throw CuePatternError(message: "'=' must precede a word") }
                    words.insert(word)
                } else {
                    guard !word.utf8.contains(UInt8(ascii: "*")), !word.utf8.contains(UInt8(ascii: "=")) else {
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

/// Compiled phrases, shared by every codebook read in the process.
final class PatternMemo: Sendable {
    static let shared = PatternMemo()
    static let limit = 100_000
    let table = Mutex<[String: Result<CuePattern, CuePatternError>]>([:])
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
