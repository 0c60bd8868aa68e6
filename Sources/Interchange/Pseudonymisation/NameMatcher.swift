/// Finds whole-word occurrences of names in text, longest name first at each position, as
/// written or in capitals, by code point: "Kerry" in "Kerry's", not in "Kerryanne".
struct NameMatcher {
    /// A name found: code-point range and the replacement.
    struct Match {
        var start: Int
        var end: Int
        var replacement: String
    }

    /// Names by first code point, longest first.
    private var patterns: [Unicode.Scalar: [(scalars: [Unicode.Scalar], replacement: String)]] = [:]

    init(_ replacements: [(name: String, replacement: String)]) {
        for (name, replacement) in replacements {
            for variant in Set([name, name.uppercased()]) {
                let scalars = Array(variant.unicodeScalars)
                guard let first = scalars.first else { continue }
                patterns[first, default: []].append((scalars, replacement))
            }
        }
        for key in patterns.keys { patterns[key]?.sort { ($0.scalars.count, String(String.UnicodeScalarView($0.scalars))) > ($1.scalars.count, String(String.UnicodeScalarView($1.scalars))) } }
    }

    var isEmpty: Bool { patterns.isEmpty }

    /// Every match in `scalars`, in order, not overlapping.
    func matches(in scalars: [Unicode.Scalar]) -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < scalars.count {
            if let candidates = patterns[scalars[i]], i == 0 || !Self.isWordPart(scalars[i - 1]),
               let hit = candidates.first(where: { Self.matches($0.scalars, in: scalars, at: i) }) {
                found.append(Match(start: i, end: i + hit.scalars.count, replacement: hit.replacement))
                i += hit.scalars.count
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

    private static func matches(_ pattern: [Unicode.Scalar], in scalars: [Unicode.Scalar], at i: Int) -> Bool {
        guard i + pattern.count <= scalars.count else { return false }
        for k in pattern.indices where scalars[i + k] != pattern[k] { return false }
        return i + pattern.count == scalars.count || !isWordPart(scalars[i + pattern.count])
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
