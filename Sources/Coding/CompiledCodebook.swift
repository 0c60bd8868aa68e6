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
    var byFirstWord: [String: [Int]] = [:]
    var byPrefix: [(prefix: String, entry: Int)] = []

    init(_ codebook: Codebook) {
        func visit(_ code: Code, inheritedRoles: Set<Role>) {
            let roles = code.roles.isEmpty ? inheritedRoles : code.roles
            for cue in code.cues {
                guard case .success(let pattern) = CuePattern.compile(cue.phrase) else { continue }
                let index = entries.count
                let unless = cue.unless.compactMap { try? CuePattern.compile($0).get() }
                entries.append(Entry(cue: cue, code: code.id, topLevel: code.topLevelID, pattern: pattern,
                                     roles: cue.roles.isEmpty ? roles : cue.roles, unless: unless))
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
    }

    /// Indices of the sequences that may start at a word, remembered per distinct word in `cache`.
    func candidates(for word: String, cache: CandidateCache) -> [Int] {
        if let known = cache.memo[word] { return known }
        let found = candidates(for: word)
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
/// wildcard cues make a fresh lookup cost a scan. One cache per transcript, used by one thread.
final class CandidateCache {
    var memo: [String: [Int]] = [:]
    /// Anchor test results for the current segment, valid where `anchorStamp` equals `stamp`.
    var anchorStamp: [Int32]
    var anchorOK: [Bool]
    var stamp: Int32 = 0

    init(sequences: Int) {
        anchorStamp = Array(repeating: -1, count: sequences)
        anchorOK = Array(repeating: false, count: sequences)
    }

    /// Starts a new segment: earlier anchor results no longer apply.
    func nextSegment() { stamp &+= 1 }
}

extension CompiledCodebook.Sequence {
    /// Whether every required word of the sequence occurs among `present` (the segment's words):
    /// a cheap test that rules out most sequences before the matcher runs.
    func anchorsPresent(in present: Set<String>) -> Bool {
        for anchor in anchors {
            if anchor.words.contains(where: { present.contains($0) }) { continue }
            if !anchor.prefixes.isEmpty,
               present.contains(where: { word in anchor.prefixes.contains { word.hasPrefix($0) } }) { continue }
            return false
        }
        return true
    }
}
