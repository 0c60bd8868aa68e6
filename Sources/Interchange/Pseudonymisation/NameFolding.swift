import Foundation

/// Case- and accent-folding for names, one code point to one code point so offsets in the folded
/// text are offsets in the original: `Zoë`, `ZOE` and `zoe` all fold to `zoe`.
enum NameFolding {
    /// Names that are also everyday words: matched only when capitalised, so "Will" the person is
    /// replaced and "will" the verb is not.
    static let everydayWords: Set<String> = [
        "will", "hope", "may", "mark", "rose", "grace", "faith", "joy", "bill", "pat", "sue", "rob", "frank",
        "jack", "art", "april", "june", "summer", "dawn", "ruby", "amber", "holly", "ivy", "lily", "daisy",
        "olive", "violet", "iris", "hazel", "jade", "pearl", "sky", "river", "brook", "glen", "dale", "heath",
        "chase", "hunter", "baker", "cook", "miller", "fisher", "wood", "hill", "stone", "field", "young",
        "king", "bell", "black", "white", "brown", "green", "grey", "gray", "long", "little", "rich", "sharp",
        "dean", "guy", "miles", "ray", "don", "penny", "sunny", "august", "faye", "star", "autumn",
    ]

    /// The folded form of one code point: lower case, without accents.
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            let v = scalar.value
            return v >= 65 && v <= 90 ? Unicode.Scalar(v + 32)! : scalar
        }
        let folded = String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars
        return folded.count == 1 ? folded.first! : scalar
    }

    /// Every code point of `scalars` folded, in place of each.
    static func fold(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var cache: [Unicode.Scalar: Unicode.Scalar] = [:]
        return scalars.map { scalar in
            if scalar.isASCII { return fold(scalar) }
            if let known = cache[scalar] { return known }
            let folded = fold(scalar)
            cache[scalar] = folded
            return folded
        }
    }

    /// `name` folded, as a key for comparing names.
    static func key(_ name: String) -> String {
        String(String.UnicodeScalarView(fold(Array(name.unicodeScalars))))
    }
}
