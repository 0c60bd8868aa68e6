/// Matches compiled cue sequences against a token stream by word id: adjacent words,
/// alternatives, optional words and short gaps that stay within a clause. Indices and integer
/// comparisons only, so a failed attempt costs no allocation and no string hashing.
enum CueMatcher {
    /// The index one past the last token matched when `pattern` matches starting at `start`:
    /// compiles the pattern on its own, for tests and one-off checks.
    static func match(_ pattern: CuePattern, tokens: [Token], start: Int) -> Int? {
        var compiled = CompiledCodebook(Codebook(name: "", codes: [], source: ""))
        let sequences = pattern.sequences.map { $0.map { compiled.compile($0) } }
        var cache = CandidateCache(compiled)
        let tokens = tokens.map { token -> Token in
            var t = token
            if t.kind == .word { t.id = cache.vocabulary.id(of: t.text); cache.see(t.id, in: compiled) }
            return t
        }
        for atoms in sequences {
            if let end = match(atoms, tokens: tokens, prefixes: cache.prefixes, start: start) { return end }
        }
        return nil
    }

    /// The end of a match of one linear sequence whose first word is at `start`; `prefixes[id]`
    /// are the wildcard prefixes of word `id` (every word of `tokens` must have its entry).
    static func match(_ atoms: [CompiledCodebook.Atom], tokens: [Token], prefixes: [[Int32]], start: Int) -> Int? {
        guard start < tokens.count, tokens[start].kind == .word,
              atoms[0].accepts(tokens[start].id, wordPrefixes: prefixes[Int(tokens[start].id)]) else { return nil }
        return match(atoms, 1, tokens: tokens, prefixes: prefixes, at: start + 1, lastEnd: start + 1)
    }

    private static func match(
        _ atoms: [CompiledCodebook.Atom], _ k: Int, tokens: [Token], prefixes: [[Int32]], at position: Int, lastEnd: Int
    ) -> Int? {
        guard k < atoms.count else { return lastEnd }
        let atom = atoms[k]
        if atom.gap > 0 {
            var p = position
            for _ in 0...atom.gap {
                if let end = match(atoms, k + 1, tokens: tokens, prefixes: prefixes, at: p, lastEnd: lastEnd) { return end }
                guard let w = nextWord(tokens, from: p, crossingCommas: true) else { return nil }
                p = w + 1
            }
            return nil
        }
        if let p = nextWord(tokens, from: position), atom.accepts(tokens[p].id, wordPrefixes: prefixes[Int(tokens[p].id)]),
           let end = match(atoms, k + 1, tokens: tokens, prefixes: prefixes, at: p + 1, lastEnd: p + 1) {
            return end
        }
        return atom.optional ? match(atoms, k + 1, tokens: tokens, prefixes: prefixes, at: position, lastEnd: lastEnd) : nil
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
