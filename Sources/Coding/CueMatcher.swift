/// Matches compiled cue patterns against a token stream: adjacent words, alternatives, optional
/// groups and short gaps that stay within a clause.
enum CueMatcher {
    /// The index one past the last token matched when `pattern` matches starting at `start`.
    static func match(_ pattern: CuePattern, tokens: [Token], start: Int) -> Int? {
        match(pattern.elements[...], tokens: tokens, at: start, lastEnd: start, first: true)
    }

    private static func match(
        _ elements: ArraySlice<CuePattern.Element>, tokens: [Token], at position: Int, lastEnd: Int, first: Bool
    ) -> Int? {
        guard let element = elements.first else { return lastEnd }
        let rest = elements.dropFirst()
        switch element {
        case .word(let words, let prefixes):
            // The first word must sit exactly at the start position.
            guard let p = first ? (position < tokens.count && tokens[position].kind == .word ? position : nil)
                                : nextWord(tokens, from: position),
                  accepts(tokens[p].text, words, prefixes) else { return nil }
            return match(rest, tokens: tokens, at: p + 1, lastEnd: p + 1, first: false)
        case .group(let alternatives, let optional):
            for alternative in alternatives {
                if let end = match(alternative[...] + rest, tokens: tokens, at: position, lastEnd: lastEnd, first: first) {
                    return end
                }
            }
            return optional ? match(rest, tokens: tokens, at: position, lastEnd: lastEnd, first: first) : nil
        case .gap(let maximum):
            var p = position
            for _ in 0...maximum {
                if let end = match(rest, tokens: tokens, at: p, lastEnd: lastEnd, first: false) { return end }
                guard let w = nextWord(tokens, from: p, crossingCommas: true) else { return nil }
                p = w + 1
            }
            return nil
        }
    }

    static func accepts(_ word: String, _ words: Set<String>, _ prefixes: [String]) -> Bool {
        words.contains(word) || prefixes.contains { word.hasPrefix($0) }
    }

    /// The next word token at or after `p`, skipping quotes (and commas inside gaps); nil at a clause end.
    static func nextWord(_ tokens: [Token], from p: Int, crossingCommas: Bool = false) -> Int? {
        var i = p
        while i < tokens.count {
            switch tokens[i].kind {
            case .word: return i
            case .quote: i += 1
            case .comma where crossingCommas: i += 1
            default: return nil
            }
        }
        return nil
    }
}
