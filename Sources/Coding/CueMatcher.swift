/// Matches cue patterns against a token stream: adjacent words, alternatives, optional words and
/// short gaps that stay within a clause. Runs over the pattern's linear sequences with indices
/// only, so a failed attempt costs no allocation.
enum CueMatcher {
    /// The index one past the last token matched when `pattern` matches starting at `start`.
    static func match(_ pattern: CuePattern, tokens: [Token], start: Int) -> Int? {
        for sequence in pattern.sequences {
            if let end = match(sequence, tokens: tokens, start: start) { return end }
        }
        return nil
    }

    /// The end of a match of one linear sequence whose first word is at `start`.
    static func match(_ atoms: [CuePattern.Atom], tokens: [Token], start: Int) -> Int? {
        guard start < tokens.count, tokens[start].kind == .word, atoms[0].accepts(tokens[start].text) else { return nil }
        return match(atoms, 1, tokens: tokens, at: start + 1, lastEnd: start + 1)
    }

    private static func match(_ atoms: [CuePattern.Atom], _ k: Int, tokens: [Token], at position: Int, lastEnd: Int) -> Int? {
        guard k < atoms.count else { return lastEnd }
        let atom = atoms[k]
        if atom.gap > 0 {
            var p = position
            for _ in 0...atom.gap {
                if let end = match(atoms, k + 1, tokens: tokens, at: p, lastEnd: lastEnd) { return end }
                guard let w = nextWord(tokens, from: p, crossingCommas: true) else { return nil }
                p = w + 1
            }
            return nil
        }
        if let p = nextWord(tokens, from: position), atom.accepts(tokens[p].text),
           let end = match(atoms, k + 1, tokens: tokens, at: p + 1, lastEnd: p + 1) {
            return end
        }
        return atom.optional ? match(atoms, k + 1, tokens: tokens, at: position, lastEnd: lastEnd) : nil
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
