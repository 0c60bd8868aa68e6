/// Finds whole-word occurrences of names in text, longest name first at each position, by code
/// point, ignoring case and accents ("Zoë", "Zoe", "ZOE"): "Kerry" in "Kerry's", not in
/// "Kerryanne". A name that is also an everyday word ("Will", "Hope") must be capitalised.
struct NameMatcher {
    /// A name found: code-point range and the replacement.
    struct Match {
        var start: Int
        var end: Int
        var replacement: String
    }

    private struct Pattern {
        var folded: [Unicode.Scalar]
        var replacement: String
        var mustBeCapitalised: Bool
    }

    /// Names by first folded code point, longest first.
    private var patterns: [Unicode.Scalar: [Pattern]] = [:]

    init(_ replacements: [(name: String, replacement: String)]) {
        var seen: Set<String> = []
        for (name, replacement) in replacements {
            let folded = NameFolding.fold(Array(name.unicodeScalars))
            let key = String(String.UnicodeScalarView(folded))
            guard let first = folded.first, seen.insert(key).inserted else { continue }
            patterns[first, default: []].append(Pattern(folded: folded, replacement: replacement,
                                                        mustBeCapitalised: NameFolding.everydayWords.contains(key)))
        }
        for key in patterns.keys {
            patterns[key]?.sort {
                ($0.folded.count, String(String.UnicodeScalarView($0.folded))) > ($1.folded.count, String(String.UnicodeScalarView($1.folded)))
            }
        }
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// Every match in `scalars`, in order, not overlapping.
    func matches(in scalars: [Unicode.Scalar]) -> [Match] {
        guard !isEmpty else { return [] }
        let folded = NameFolding.fold(scalars)
        var found: [Match] = []
        var i = 0
        while i < scalars.count {
            if let candidates = patterns[folded[i]], i == 0 || !Self.isWordPart(scalars[i - 1]),
               let hit = candidates.first(where: { Self.matches($0, in: folded, original: scalars, at: i) }) {
                found.append(Match(start: i, end: i + hit.folded.count, replacement: hit.replacement))
                i += hit.folded.count
                continue
            }
            i += 1
        }
        return found
    }

    /// `text` with every name replaced.
    func replacing(in text: String) -> String {
        guard !isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        let found = matches(in: scalars)
        guard !found.isEmpty else { return text }
        var out = String.UnicodeScalarView()
        var position = 0
        for match in found {
            out.append(contentsOf: scalars[position..<match.start])
            out.append(contentsOf: match.replacement.unicodeScalars)
            position = match.end
        }
        out.append(contentsOf: scalars[position...])
        return String(out)
    }

    private static func matches(_ pattern: Pattern, in folded: [Unicode.Scalar], original: [Unicode.Scalar], at i: Int) -> Bool {
        let count = pattern.folded.count
        guard i + count <= folded.count else { return false }
        for k in 0..<count where folded[i + k] != pattern.folded[k] { return false }
        if pattern.mustBeCapitalised && !original[i].properties.isUppercase { return false }
        return i + count == folded.count || !isWordPart(original[i + count])
    }

    /// Letters, digits and combining marks continue a word.
    static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }
}
