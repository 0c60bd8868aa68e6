import Transcripts

/// A codebook made ready for matching: every cue compiled, with an index from the words a cue
/// can start with to the cues, so a segment is matched in one pass over its tokens.
struct CompiledCodebook: Sendable {
    struct Entry: Sendable {
        var cue: Cue
        var code: String
        var topLevel: String
        var pattern: CuePattern
        var roles: Set<Role>
        var unless: [CuePattern]
        /// Indices into `unlessPatterns` of `unless`.
        var unlessIDs: [Int]
    }

    /// One linear sequence of one entry's pattern, with the required words after its first.
    struct Sequence: Sendable {
        var entry: Int
        var atoms: [CuePattern.Atom]
        var anchors: [CuePattern.Atom]
    }

    var entries: [Entry] = []
    var sequences: [Sequence] = []
    // Flat per-sequence data for the hot loop, so a candidate is rejected without copying structs.
    var sequenceEntry: [Int] = []
    /// Bit 1: may match utterances, bit 2: may match observations.
    var sequenceKinds: [UInt8] = []
    var sequenceAtoms: [[CuePattern.Atom]] = []
    /// Every word and every prefix that an anchor can need, numbered, so that whether a segment
    /// contains them is an array lookup rather than a string hash.
    var vocabulary: [String: Int] = [:]
    var prefixes: [String] = []
    /// Per sequence, per anchor: the vocabulary ids and prefix ids that satisfy it.
    var sequenceAnchors: [[(words: [Int], prefixes: [Int])]] = []
    var byFirstWord: [String: [Int]] = [:]
    var byPrefix: [(prefix: String, entry: Int)] = []
    /// Every distinct `unless` pattern, and its linear sequences indexed by first word like the
    /// cues, so the words that cancel a cue are found in the same pass over the tokens.
    var unlessPatterns: [CuePattern] = []
    var unlessSequencePattern: [Int] = []
    var unlessSequenceAtoms: [[CuePattern.Atom]] = []
    var unlessByFirstWord: [String: [Int]] = [:]
    var unlessByPrefix: [(prefix: String, entry: Int)] = []

    init(_ codebook: Codebook) {
        var unlessIndex: [CuePattern: Int] = [:]
        func unlessID(_ pattern: CuePattern) -> Int {
            if let id = unlessIndex[pattern] { return id }
            let id = unlessPatterns.count
            unlessIndex[pattern] = id
            unlessPatterns.append(pattern)
            for atoms in pattern.sequences {
                let s = unlessSequenceAtoms.count
                unlessSequencePattern.append(id)
                unlessSequenceAtoms.append(atoms)
                for word in atoms[0].words { unlessByFirstWord[word, default: []].append(s) }
                for prefix in atoms[0].prefixes { unlessByPrefix.append((prefix, s)) }
            }
            return id
        }
        func visit(_ code: Code, inheritedRoles: Set<Role>) {
            let roles = code.roles.isEmpty ? inheritedRoles : code.roles
            for cue in code.cues {
                guard case .success(let pattern) = CuePattern.compile(cue.phrase) else { continue }
                let index = entries.count
                let unless = cue.unless.compactMap { try? CuePattern.compile($0).get() }
                entries.append(Entry(cue: cue, code: code.id, topLevel: code.topLevelID, pattern: pattern,
                                     roles: cue.roles.isEmpty ? roles : cue.roles, unless: unless,
                                     unlessIDs: unless.map(unlessID)))
                for atoms in pattern.sequences {
                    let s = sequences.count
                    let anchors = atoms.dropFirst().filter { $0.gap == 0 && !$0.optional }
                    sequences.append(Sequence(entry: index, atoms: atoms, anchors: Array(anchors)))
                    sequenceEntry.append(index)
                    sequenceAtoms.append(atoms)
                    sequenceKinds.append(cue.kinds.isEmpty ? 3 : (cue.kinds.contains(.utterance) ? 1 : 0) | (cue.kinds.contains(.observation) ? 2 : 0))
                    for word in atoms[0].words { byFirstWord[word, default: []].append(s) }
                    for prefix in atoms[0].prefixes { byPrefix.append((prefix, s)) }
                }
            }
            for child in code.children { visit(child, inheritedRoles: roles) }
        }
        for code in codebook.codes { visit(code, inheritedRoles: []) }
        byPrefix.sort { $0.prefix < $1.prefix }
        var prefixIndex: [String: Int] = [:]
        for sequence in sequences {
            sequenceAnchors.append(sequence.anchors.map { anchor in
                let words = anchor.words.sorted().map { word -> Int in
                    if let id = vocabulary[word] { return id }
                    vocabulary[word] = vocabulary.count
                    return vocabulary.count - 1
                }
                let ids = anchor.prefixes.map { prefix -> Int in
                    if let id = prefixIndex[prefix] { return id }
                    prefixIndex[prefix] = prefixes.count
                    prefixes.append(prefix)
                    return prefixes.count - 1
                }
                return (words, ids)
            })
        }
    }

    /// What the matcher needs to know about a word, remembered per distinct word in `cache`.
    func info(for word: String, cache: inout CandidateCache) -> CandidateCache.WordInfo {
        if let known = cache.memo[word] { return known }
        var unless = unlessByFirstWord[word] ?? []
        for (prefix, s) in unlessByPrefix where word.hasPrefix(prefix) { unless.append(s) }
        let found = CandidateCache.WordInfo(
            candidates: candidates(for: word), vocabulary: vocabulary[word] ?? -1,
            prefixes: prefixes.indices.filter { word.hasPrefix(prefixes[$0]) }, unlessCandidates: unless)
        cache.memo[word] = found
        return found
    }

    /// Indices of the sequences that may start at a word.
    func candidates(for word: String) -> [Int] {
        var out = byFirstWord[word] ?? []
        for (prefix, entry) in byPrefix where word.hasPrefix(prefix) { out.append(entry) }
        return out
    }
}

/// Candidate lists already computed for words seen in one transcript: most words recur, and the
/// wildcard cues make a fresh lookup cost a scan. One cache per transcript, passed `inout`.
struct CandidateCache {
    struct WordInfo {
        var candidates: [Int]
        var vocabulary: Int
        var prefixes: [Int]
        /// Indices of the `unless` sequences that may start at the word.
        var unlessCandidates: [Int]
    }

    var memo: [String: WordInfo] = [:]
    /// Anchor test results for the current segment, valid where `anchorStamp` equals `stamp`.
    var anchorStamp: [Int32]
    var anchorOK: [Bool]
    /// Words and prefixes present in the current segment, where the stamp equals `stamp`.
    var wordStamp: [Int32]
    var prefixStamp: [Int32]
    var stamp: Int32 = 0

    init(_ compiled: CompiledCodebook) {
        anchorStamp = Array(repeating: -1, count: compiled.sequences.count)
        anchorOK = Array(repeating: false, count: compiled.sequences.count)
        wordStamp = Array(repeating: -1, count: compiled.vocabulary.count)
        prefixStamp = Array(repeating: -1, count: compiled.prefixes.count)
    }

    /// Starts a new segment: earlier results no longer apply.
    mutating func nextSegment() { stamp &+= 1 }

    /// Notes that a word occurs in the current segment.
    mutating func mark(_ info: WordInfo) {
        if info.vocabulary >= 0 { wordStamp[info.vocabulary] = stamp }
        for p in info.prefixes { prefixStamp[p] = stamp }
    }

    /// Whether every anchor of sequence `s` occurs in the current segment.
    mutating func anchorsPresent(_ s: Int, in compiled: CompiledCodebook) -> Bool {
        if anchorStamp[s] == stamp { return anchorOK[s] }
        var ok = true
        for anchor in compiled.sequenceAnchors[s] {
            if anchor.words.contains(where: { wordStamp[$0] == stamp }) { continue }
            if anchor.prefixes.contains(where: { prefixStamp[$0] == stamp }) { continue }
            ok = false
            break
        }
        anchorStamp[s] = stamp
        anchorOK[s] = ok
        return ok
    }
}
