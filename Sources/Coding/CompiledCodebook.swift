import Synchronization
import Transcripts

/// A codebook made ready for matching: every word a cue or `unless` pattern names is numbered in
/// a vocabulary, every pattern compiled to sequences of atoms over those ids, and the sequences
/// indexed by the word (or wildcard prefix) they start with, so a segment is matched in one pass
/// over its token ids: per token an array look-up, then integer comparisons.
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

    /// One position of a linear sequence over word ids: any of `words` (sorted), or a word that
    /// starts with one of the prefixes numbered `prefixes` (sorted); or a gap of up to `gap` words.
    struct Atom: Sendable {
        var words: [Int32] = []
        var prefixes: [Int32] = []
        var optional = false
        var gap = 0

        /// Whether the word `id`, which starts with the prefixes `wordPrefixes`, fits this atom.
        @inline(__always)
        func accepts(_ id: Int32, wordPrefixes: [Int32]) -> Bool {
            if words.count <= 8 {
                if words.contains(id) { return true }
            } else {
                var lower = 0, upper = words.count
                while lower < upper {
                    let mid = (lower + upper) >> 1
                    if words[mid] < id { lower = mid + 1 } else { upper = mid }
                }
                if lower < words.count && words[lower] == id { return true }
            }
            return !prefixes.isEmpty && !wordPrefixes.isEmpty && prefixes.contains { wordPrefixes.contains($0) }
        }
    }

    var entries: [Entry] = []
    /// Per sequence: its entry, where it may match (bit 1: utterances, bit 2: observations), its
    /// atoms, and its anchors (the required adjacent words after the first), so a sequence whose
    /// anchors are absent from a segment is skipped at once.
    var sequenceEntry: [Int] = []
    var sequenceKinds: [UInt8] = []
    var sequenceAtoms: [[Atom]] = []
    /// The anchors, flat so that testing them touches two contiguous arrays, not an array per
    /// sequence: sequence `s` has anchors `anchorStart[s]..<anchorStart[s + 1]`, anchor `a` the
    /// items `anchorItemStart[a]..<anchorItemStart[a + 1]` of `anchorItems`, any one of which
    /// must occur: a word id (>= 0), or the prefix numbered `-1 - item`.
    var anchorStart: [Int32] = [0]
    var anchorItemStart: [Int32] = [0]
    var anchorItems: [Int32] = []
    /// The words of every pattern, numbered; a transcript's other words are added to a copy.
    var vocabulary = Vocabulary()
    /// Every wildcard prefix, as UTF-8 bytes, numbered; and per first byte the prefixes it begins.
    var prefixes: [[UInt8]] = []
    var prefixStrings: [String] = []
    var prefixesByFirstByte: [[Int32]] = Array(repeating: [], count: 256)
    /// Per word id of `vocabulary`: the sequences that start with that word.
    var firstWordSequences: [[Int32]] = []
    /// The sequences that start with a wildcard, ordered by prefix.
    var byPrefix: [(prefix: Int32, sequence: Int32)] = []
    /// Every distinct `unless` pattern, and its linear sequences indexed like the cues', so the
    /// words that cancel a cue are found in the same pass over the tokens.
    var unlessPatterns: [CuePattern] = []
    var unlessSequencePattern: [Int] = []
    var unlessSequenceAtoms: [[Atom]] = []
    var unlessFirstWordSequences: [[Int32]] = []
    var unlessByPrefix: [(prefix: Int32, sequence: Int32)] = []

    private var prefixIndex: [String: Int32] = [:]

    /// The number of a wildcard prefix, adding it when new.
    mutating func prefixID(_ prefix: String) -> Int32 {
        if let id = prefixIndex[prefix] { return id }
        let id = Int32(prefixes.count)
        prefixIndex[prefix] = id
        let bytes = Array(prefix.utf8)
        prefixes.append(bytes)
        prefixStrings.append(prefix)
        prefixesByFirstByte[Int(bytes[0])].append(id)
        return id
    }

    /// `atom` over word ids, its words and prefixes numbered (added when new).
    mutating func compile(_ atom: CuePattern.Atom) -> Atom {
        Atom(words: atom.words.sorted().map { vocabulary.id(of: $0) }.sorted(),
             prefixes: atom.prefixes.map { prefixID($0) }.sorted(), optional: atom.optional, gap: atom.gap)
    }

    init(_ codebook: Codebook) {
        vocabulary = Vocabulary(lexicon: Lexicon(codebook.language))
        var firstWords: [(word: Int32, sequence: Int32)] = [], unlessFirstWords: [(word: Int32, sequence: Int32)] = []
        var unlessIndex: [CuePattern: Int] = [:]
        func unlessID(_ pattern: CuePattern) -> Int {
            if let id = unlessIndex[pattern] { return id }
            let id = unlessPatterns.count
            unlessIndex[pattern] = id
            unlessPatterns.append(pattern)
            for atoms in pattern.sequences {
                let s = Int32(unlessSequenceAtoms.count)
                let compiled = atoms.map { compile($0) }
                unlessSequencePattern.append(id)
                unlessSequenceAtoms.append(compiled)
                for word in compiled[0].words { unlessFirstWords.append((word, s)) }
                for prefix in atoms[0].prefixes { unlessByPrefix.append((prefixID(prefix), s)) }
            }
            return id
        }
        var prefixStarts: [(prefix: String, sequence: Int32)] = []
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
                    let s = Int32(sequenceAtoms.count)
                    let compiled = atoms.map { compile($0) }
                    sequenceEntry.append(index)
                    sequenceAtoms.append(compiled)
                    for anchor in compiled.dropFirst() where anchor.gap == 0 && !anchor.optional {
                        anchorItems += anchor.words + anchor.prefixes.map { -1 - $0 }
                        anchorItemStart.append(Int32(anchorItems.count))
                    }
                    anchorStart.append(Int32(anchorItemStart.count - 1))
                    sequenceKinds.append(cue.kinds.isEmpty ? 3 : (cue.kinds.contains(.utterance) ? 1 : 0) | (cue.kinds.contains(.observation) ? 2 : 0))
                    for word in compiled[0].words { firstWords.append((word, s)) }
                    for prefix in atoms[0].prefixes { prefixStarts.append((prefix, s)) }
                }
            }
            for child in code.children { visit(child, inheritedRoles: roles) }
        }
        for code in codebook.codes { visit(code, inheritedRoles: []) }
        // Wildcard starts in prefix order (then sequence order), as candidates are tried.
        prefixStarts.sort { ($0.prefix, $0.sequence) < ($1.prefix, $1.sequence) }
        byPrefix = prefixStarts.map { (prefixID($0.prefix), $0.sequence) }
        firstWordSequences = Array(repeating: [], count: vocabulary.count)
        for (word, s) in firstWords { firstWordSequences[Int(word)].append(s) }
        unlessFirstWordSequences = Array(repeating: [], count: vocabulary.count)
        for (word, s) in unlessFirstWords { unlessFirstWordSequences[Int(word)].append(s) }
    }

    /// The numbers of the wildcard prefixes that `word` starts with, ascending.
    func prefixIDs(of word: String) -> [Int32] {
        let bytes = Array(word.utf8)
        guard let first = bytes.first else { return [] }
        var out: [Int32] = []
        for p in prefixesByFirstByte[Int(first)] {
            let prefix = prefixes[Int(p)]
            guard prefix.count <= bytes.count, bytes[..<prefix.count].elementsEqual(prefix) else { continue }
            // Outside ASCII a byte prefix may split a character (a base letter and its accent).
            if first >= 0x80 || bytes.contains(where: { $0 >= 0x80 }), !word.hasPrefix(prefixStrings[Int(p)]) { continue }
            out.append(p)
        }
        return out.sorted()
    }
}

/// What the matcher has learned about words, kept across segments and transcripts: the
/// vocabulary (the codebook's words plus those met so far), and per word id the sequences that
/// may start there (by the word that must follow, where one must), the `unless` sequences that may start there, and its wildcard prefixes.
/// Also the per-segment marks of which anchor words occur. Passed `inout`; `Coder` keeps a pool.
struct CandidateCache: Sendable {
    /// A sequence that may start at a word: its number, its rank among that word's candidates
    /// (the order they are tried in), and the id the next word must have (-1: not tested here).
    struct Candidate: Sendable {
        var sequence: Int32
        var rank: Int32
        var next: Int32
    }

    /// What is known about one word, in one place so a token costs one memory look-up: where its
    /// candidates are in `candidateList` (`start..<keyed` are tried whatever word follows, in
    /// rank order; `keyed..<end` need a particular next word, a sequence whose second position is
    /// a required word, ordered by that word and then rank, so only the run for the word that
    /// actually follows is tried), whether it starts with a wildcard prefix, and whether it has
    /// been learned yet.
    struct Bounds: Sendable {
        var start: Int32 = 0
        var keyed: Int32 = 0
        var end: Int32 = 0
        /// Its `unless` candidates: `unlessList[unlessStart..<unlessEnd]`.
        var unlessStart: Int32 = 0
        var unlessEnd: Int32 = 0
        /// For person references (`maybePerson`): the id of the word without 's (-1 not worked
        /// out yet, -2 not ASCII), whether that is a role noun or starts a two-word one, and the
        /// generation of people whose label, name or first word it is.
        var bareID: Int32 = -1
        var personMark: Int32 = 0
        var nounStart = false
        var hasPrefixes = false
        var known = false
    }

    var vocabulary: Vocabulary
    var candidateBounds: [Bounds] = []
    var candidateList: [Candidate] = []
    var unlessList: [Int32] = []
    var prefixes: [[Int32]] = []
    /// Anchor test results for the current segment, valid where `anchorStamp` equals `stamp`.
    var anchorStamp: [Int32]
    var anchorOK: [Bool]
    /// Codebook words and prefixes present in the current segment, where the stamp equals `stamp`.
    var wordStamp: [Int32]
    var prefixStamp: [Int32]
    var stamp: Int32 = 0
    /// Whether a word can start a person reference: per word id (in `candidateBounds`), fixed per
    /// coder, the id of the word without 's and whether that is a role noun or the first word of
    /// a two-word one (`nounStarts`); per set of `people` (generation `personGeneration`), the
    /// ids of their labels, names and first words are marked. Non-ASCII words or people are
    /// looked up in `personStarts` as strings.
    var people: [String: Role] = [:]
    var nounStarts: Set<String> = []
    var personStarts: Set<String> = []
    var peopleASCII = true
    var personGeneration: Int32 = 0

    init(_ compiled: CompiledCodebook) {
        vocabulary = compiled.vocabulary
        anchorStamp = Array(repeating: -1, count: compiled.sequenceAtoms.count)
        anchorOK = Array(repeating: false, count: compiled.sequenceAtoms.count)
        wordStamp = Array(repeating: -1, count: compiled.vocabulary.count)
        prefixStamp = Array(repeating: -1, count: compiled.prefixes.count)
    }

    /// Starts a new segment: earlier anchor results no longer apply.
    mutating func nextSegment() { stamp &+= 1 }

    /// Learns what word `id` can start, once per word, and notes that it occurs in this segment.
    @inline(__always)
    mutating func see(_ id: Int32, in compiled: CompiledCodebook) {
        let i = Int(id)
        if i >= candidateBounds.count || !candidateBounds[i].known { learn(i, compiled) }
        if i < wordStamp.count { wordStamp[i] = stamp }
        if candidateBounds[i].hasPrefixes {
            for p in prefixes[i] { prefixStamp[Int(p)] = stamp }
        }
    }

    private mutating func learn(_ i: Int, _ compiled: CompiledCodebook) {
        let n = max(vocabulary.count, i + 1)
        if i >= candidateBounds.count { candidateBounds += Array(repeating: Bounds(), count: n - candidateBounds.count) }
        if i >= prefixes.count { prefixes += Array(repeating: [], count: n - prefixes.count) }
        let word = vocabulary.words[i]
        let wordPrefixes = compiled.prefixIDs(of: word)
        var starts = i < compiled.firstWordSequences.count ? compiled.firstWordSequences[i] : []
        var unless = i < compiled.unlessFirstWordSequences.count ? compiled.unlessFirstWordSequences[i] : []
        if !wordPrefixes.isEmpty {
            for (p, s) in compiled.byPrefix where wordPrefixes.contains(p) { starts.append(s) }
            for (p, s) in compiled.unlessByPrefix where wordPrefixes.contains(p) { unless.append(s) }
        }
        var keyed: [Candidate] = []
        let start = Int32(candidateList.count)
        for (rank, s) in starts.enumerated() {
            let atoms = compiled.sequenceAtoms[Int(s)]
            if atoms.count > 1, atoms[1].gap == 0, !atoms[1].optional, atoms[1].prefixes.isEmpty, !atoms[1].words.isEmpty {
                for w in atoms[1].words { keyed.append(Candidate(sequence: s, rank: Int32(rank), next: w)) }
            } else {
                candidateList.append(Candidate(sequence: s, rank: Int32(rank), next: -1))
            }
        }
        let keyedStart = Int32(candidateList.count)
        candidateList += keyed.sorted { ($0.next, $0.rank) < ($1.next, $1.rank) }
        let unlessStart = Int32(unlessList.count)
        unlessList += unless
        candidateBounds[i].start = start
        candidateBounds[i].keyed = keyedStart
        candidateBounds[i].end = Int32(candidateList.count)
        candidateBounds[i].unlessStart = unlessStart
        candidateBounds[i].unlessEnd = Int32(unlessList.count)
        candidateBounds[i].hasPrefixes = !wordPrefixes.isEmpty
        candidateBounds[i].known = true
        prefixes[i] = wordPrefixes
    }

    /// The part of the keyed candidates `range` (ordered by `next`) that wants `next` to follow.
    func keyedRun(_ range: Range<Int>, next: Int32) -> (Int, Int) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper {
            let mid = (lower + upper) >> 1
            if candidateList[mid].next < next { lower = mid + 1 } else { upper = mid }
        }
        var end = lower
        while end < range.upperBound && candidateList[end].next == next { end += 1 }
        return (lower, end)
    }

    /// Per token: whether `actors` could read a person reference starting there. A lower-case
    /// word can start one only when it (without 's) is a participant's label or name, a role
    /// noun, or the first word of a two-word label, name or role noun; a capitalised word may be a
    /// name. Answered once per word and set of people, by id.
    mutating func maybePerson(_ tokens: [Token], actors: ActorResolver) -> [Bool] {
        if personGeneration == 0 {
            nounStarts = Set(actors.nouns.keys)
            for key in actors.twoWordNouns.keys {
                if let space = key.firstIndex(of: " ") { nounStarts.insert(String(key[..<space])) }
            }
        }
        if actors.people != people || personGeneration == 0 {
            people = actors.people
            personGeneration &+= 1
            var keys = Set(people.keys)
            for key in people.keys {
                if let space = key.firstIndex(of: " ") { keys.insert(String(key[..<space])) }
            }
            personStarts = nounStarts.union(keys)
            peopleASCII = keys.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
            if peopleASCII {
                for key in keys {
                    let id = Int(vocabulary.id(of: key))
                    growPersonTables()
                    candidateBounds[id].personMark = personGeneration
                }
            }
        }
        growPersonTables()
        var out = Array(repeating: false, count: tokens.count)
        for (k, t) in tokens.enumerated() where t.kind == .word {
            if t.capitalised {
                out[k] = true
                continue
            }
            let i = Int(t.id)
            if candidateBounds[i].bareID == -1 {
                let bare = ActorResolver.stripPossessive(t.text)
                candidateBounds[i].nounStart = nounStarts.contains(bare)
                candidateBounds[i].bareID = bare.utf8.allSatisfy { $0 < 0x80 } ? vocabulary.id(of: bare) : -2
                growPersonTables()
            }
            let bareID = Int(candidateBounds[i].bareID)
            if candidateBounds[i].nounStart {
                out[k] = true
            } else if bareID >= 0 && peopleASCII {
                out[k] = candidateBounds[bareID].personMark == personGeneration
            } else {
                out[k] = personStarts.contains(ActorResolver.stripPossessive(t.text))
            }
        }
        return out
    }

    /// Makes the per-word person tables cover every word of the vocabulary.
    private mutating func growPersonTables() {
        let n = vocabulary.count - candidateBounds.count
        guard n > 0 else { return }
        candidateBounds += Array(repeating: Bounds(), count: n)
    }

    /// Whether every anchor of sequence `s` occurs in the current segment.
    mutating func anchorsPresent(_ s: Int, in compiled: CompiledCodebook) -> Bool {
        if anchorStamp[s] == stamp { return anchorOK[s] }
        var ok = true
        var a = Int(compiled.anchorStart[s])
        let anchorEnd = Int(compiled.anchorStart[s + 1])
        while ok && a < anchorEnd {
            var k = Int(compiled.anchorItemStart[a])
            let itemEnd = Int(compiled.anchorItemStart[a + 1])
            var found = false
            while !found && k < itemEnd {
                let item = Int(compiled.anchorItems[k])
                found = item >= 0 ? wordStamp[item] == stamp : prefixStamp[-1 - item] == stamp
                k += 1
            }
            ok = found
            a += 1
        }
        anchorStamp[s] = stamp
        anchorOK[s] = ok
        return ok
    }
}

/// Matcher state kept between transcripts, one per thread at a time: a transcript takes one
/// (or starts a fresh one), codes, and gives it back. A state whose vocabulary has grown past
/// `limit` words is dropped, so memory stays bounded on any input.
final class CandidateCachePool: Sendable {
    private let free = Mutex<[CandidateCache]>([])
    static let limit = 200_000

    func take(_ compiled: CompiledCodebook) -> CandidateCache {
        free.withLock { $0.popLast() } ?? CandidateCache(compiled)
    }

    func giveBack(_ cache: CandidateCache) {
        guard cache.vocabulary.count <= Self.limit else { return }
        free.withLock { $0.append(cache) }
    }
}
