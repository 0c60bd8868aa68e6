import Transcripts

/// The automatic coder: a pure function of (segment, encounter, codebook) → annotations, with the
/// evidence for each (cue, rule, negation and role decisions), so every code can be audited.
public struct Coder: Sendable {
    public let codebook: Codebook
    let compiled: CompiledCodebook
    /// Matcher states (vocabulary and per-word candidates) reused from one transcript to the next.
    let caches = CandidateCachePool()
    let negation: NegationScope
    /// The name annotations carry as their coder.
    public var coderName = "rapport"

    public init(codebook: Codebook) {
        self.codebook = codebook
        self.compiled = CompiledCodebook(codebook)
        self.negation = NegationScope(codebook.language)
    }

    /// A cue that matched and survived the negation and role checks.
    struct Hit {
        var entry: Int
        var tokenStart: Int
        var tokenEnd: Int
        var negation: String
        var actor: String
        var actorRole: Role?
    }

    /// Codes one segment of `encounter`; annotation ranges are code points in the transcript text.
    public func code(_ segment: Segment, in encounter: Encounter) -> [Annotation] {
        code(text: segment.text, start: segment.start, kind: segment.kind, speaker: segment.speaker,
             role: segment.role, segmentIndex: segment.index, encounter: encounter)
    }

    /// Codes one segment and says which matched cues the checks cancelled (negation, question,
    /// role, reported speech …), so a learned model can leave those decisions alone.
    public func coding(_ segment: Segment, in encounter: Encounter?) -> SegmentCoding {
        var cache = caches.take(compiled)
        defer { caches.giveBack(cache) }
        var cancelled: [CancelledCue] = []
        let annotations = code(
            text: segment.text, start: segment.start, kind: segment.kind, speaker: segment.speaker, role: segment.role,
            segmentIndex: segment.index, encounter: encounter, actors: ActorResolver(encounter: encounter, language: codebook.language),
            cache: &cache, cancelled: &cancelled)
        return SegmentCoding(annotations: annotations, cancelled: cancelled)
    }

    /// Codes free text as one segment: the engine behind `code(_:in:)` and `rapport evaluate`.
    public func code(
        text: String, start: Int, kind: Segment.Kind, speaker: String?, role: Role?, segmentIndex: Int,
        encounter: Encounter?
    ) -> [Annotation] {
        var cache = caches.take(compiled)
        defer { caches.giveBack(cache) }
        var cancelled: [CancelledCue] = []
        return code(text: text, start: start, kind: kind, speaker: speaker, role: role, segmentIndex: segmentIndex,
                    encounter: encounter, actors: ActorResolver(encounter: encounter, language: codebook.language), cache: &cache,
                    cancelled: &cancelled)
    }

    func code(
        text: String, start: Int, kind: Segment.Kind, speaker: String?, role: Role?, segmentIndex: Int,
        encounter: Encounter?, actors: ActorResolver, cache: inout CandidateCache, cancelled: inout [CancelledCue]
    ) -> [Annotation] {
        let tokens = Tokenizer.tokenize(text, vocabulary: &cache.vocabulary)
        guard !tokens.isEmpty else { return [] }
        cache.nextSegment()
        for i in tokens.indices where tokens[i].kind == .word { cache.see(tokens[i].id, in: compiled) }
        // The segment's index and its `unless` phrases are worked out when a cue first matches:
        // most segments match none and never need them.
        var index: SegmentIndex! = nil
        var unlessFound: Set<Int> = []
        let kindBit: UInt8 = kind == .utterance ? 1 : 2
        var hits: [Hit] = []
        var matchedEntries: [Int] = []
        for i in tokens.indices where tokens[i].kind == .word {
            let bounds = cache.candidateBounds[Int(tokens[i].id)]
            guard bounds.start < bounds.end else { continue }
            var (a, alwaysEnd) = (Int(bounds.start), Int(bounds.keyed))
            var (k, keyedEnd) = (Int(bounds.keyed), Int(bounds.end))
            if k < keyedEnd { (k, keyedEnd) = cache.keyedRun(k..<keyedEnd, next: CueMatcher.nextWord(tokens, from: i + 1).map { tokens[$0].id } ?? -1) }
            matchedEntries.removeAll(keepingCapacity: true)
            // Both lists in rank order, merged: the candidates are tried in the same order as ever.
            while a < alwaysEnd || k < keyedEnd {
                let sequenceIndex: Int
                if k >= keyedEnd || (a < alwaysEnd && cache.candidateList[a].rank < cache.candidateList[k].rank) {
                    sequenceIndex = Int(cache.candidateList[a].sequence)
                    a += 1
                } else {
                    sequenceIndex = Int(cache.candidateList[k].sequence)
                    k += 1
                }
                let entryIndex = compiled.sequenceEntry[sequenceIndex]
                if compiled.sequenceKinds[sequenceIndex] & kindBit == 0 || matchedEntries.contains(entryIndex) { continue }
                if !cache.anchorsPresent(sequenceIndex, in: compiled) { continue }
                guard let end = CueMatcher.match(compiled.sequenceAtoms[sequenceIndex], tokens: tokens, prefixes: cache.prefixes, start: i) else { continue }
                matchedEntries.append(entryIndex)
                if index == nil { (index, unlessFound) = prepare(tokens, actors: actors, cache: &cache) }
                let entry = compiled.entries[entryIndex]
                if entry.unlessIDs.contains(where: { unlessFound.contains($0 &* tokens.count &+ index.sentenceFirst[i]) }) {
                    cancelled.append(CancelledCue(code: entry.topLevel, reason: .unless))
                    continue
                }
                // An act asked about, imagined or set as a condition is not the act; nor is a dog's bark.
                let language = codebook.language
                if language.questionCodes.contains(entry.topLevel), index.question[i] {
                    cancelled.append(CancelledCue(code: entry.topLevel, reason: .question))
                    continue
                }
                if language.counterfactualCodes.contains(entry.topLevel), index.hypothetical[i] {
                    cancelled.append(CancelledCue(code: entry.topLevel, reason: .counterfactual))
                    continue
                }
                if language.conditionCodes.contains(entry.topLevel), index.condition[i] {
                    cancelled.append(CancelledCue(code: entry.topLevel, reason: .condition))
                    continue
                }
                if language.nonHumanCodes.contains(entry.topLevel), index.nonHumanSubject(before: i) {
                    cancelled.append(CancelledCue(code: entry.topLevel, reason: .nonHuman))
                    continue
                }
                // Negation.
                let finding = negation.find(tokens: tokens, start: i, end: end, butAhead: index.butAhead)
                var negationNote = "none"
                switch (finding, entry.cue.negation) {
                case (.none, .requires): continue
                case (.none, _): break
                case (.negated, .cancels):
                    cancelled.append(CancelledCue(code: entry.topLevel, reason: .negation))
                    continue
                case (.negated(let t), _): negationNote = "negated by '\(t)', kept"
                case (.disclaimer(let t), _): negationNote = "disclaimer '\(t) …, but', kept"
                }
                // Roles: the speaker of a turn, or the actor named in observation prose.
                var actorNote = ""
                var actorRole: Role?
                if kind == .utterance, let speaker {
                    // A turn that reports someone else's words is coded by what it reports.
                    if let reported = actors.reporter(index, cue: i) {
                        actorNote = "reported '\(reported.words)' (\(reported.role.rawValue)) in turn of \(speaker)"
                        actorRole = reported.role
                        if !entry.roles.isEmpty && !entry.roles.contains(reported.role) {
                            cancelled.append(CancelledCue(code: entry.topLevel, reason: .reportedSpeech, role: reported.role))
                            continue
                        }
                    } else {
                        let r = role ?? .unknown
                        actorNote = "speaker \(speaker) (\(r.rawValue))"
                        // "Dad slammed the door on me": the act is the person's the turn names as
                        // its subject, not the speaker's.
                        actorRole = index.subject(before: i)?.role ?? r
                        if !entry.roles.isEmpty && !entry.roles.contains(r) {
                            cancelled.append(CancelledCue(code: entry.topLevel, reason: .role, role: r))
                            continue
                        }
                    }
                } else if let actor = actors.actor(index, cue: i) {
                    actorNote = "actor '\(actor.words)' (\(actor.role.rawValue))"
                    actorRole = actor.role
                    if !entry.roles.isEmpty && !entry.roles.contains(actor.role) {
                        cancelled.append(CancelledCue(code: entry.topLevel, reason: .role, role: actor.role))
                        continue
                    }
                } else {
                    actorNote = "no actor named"
                }
                hits.append(Hit(entry: entryIndex, tokenStart: i, tokenEnd: end, negation: negationNote, actor: actorNote,
                                actorRole: actorRole))
            }
        }
        guard index != nil else { return [] }
        // Weak cues (weight < 1) count only with support from another cue of the same code in
        // the same sentence.
        struct SentenceCode: Hashable { var code: String; var sentence: Int }
        var weight: [SentenceCode: Double] = [:]
        func key(_ hit: Hit) -> SentenceCode {
            SentenceCode(code: compiled.entries[hit.entry].topLevel, sentence: index.sentenceFirst[hit.tokenStart])
        }
        for hit in hits { weight[key(hit), default: 0] += compiled.entries[hit.entry].cue.weight }
        hits.removeAll { weight[key($0), default: 0] < 0.999 }
        guard !hits.isEmpty else { return [] }
        return annotations(for: hits, index: index, text: text, start: start, kind: kind, role: role,
                           segmentIndex: segmentIndex, encounter: encounter)
    }

    /// The index of a segment's tokens, and which `unless` phrases occur in which sentence (keys
    /// `pattern * tokens.count + sentence's first token`), found in one pass like the cues.
    func prepare(_ tokens: [Token], actors: ActorResolver, cache: inout CandidateCache) -> (SegmentIndex, Set<Int>) {
        let index = SegmentIndex(tokens: tokens, actors: actors,
                                 maybePerson: cache.maybePerson(tokens, actors: actors))
        var unlessFound: Set<Int> = []
        if !compiled.unlessPatterns.isEmpty {
            for i in tokens.indices where tokens[i].kind == .word {
                let bounds = cache.candidateBounds[Int(tokens[i].id)]
                for u in Int(bounds.unlessStart)..<Int(bounds.unlessEnd) {
                    let s = cache.unlessList[u]
                    let key = compiled.unlessSequencePattern[Int(s)] &* tokens.count &+ index.sentenceFirst[i]
                    if unlessFound.contains(key) { continue }
                    if CueMatcher.match(compiled.unlessSequenceAtoms[Int(s)], tokens: tokens, prefixes: cache.prefixes, start: i) != nil {
                        unlessFound.insert(key)
                    }
                }
            }
        }
        return (index, unlessFound)
    }

    /// One annotation per code and sentence: the passage is the sentence holding the cue.
    func annotations(
        for hits: [Hit], index: SegmentIndex, text: String, start: Int, kind: Segment.Kind, role: Role?,
        segmentIndex: Int, encounter: Encounter?
    ) -> [Annotation] {
        let context = Self.context(kind: kind, role: role, encounter: encounter)
        let scalars = Array(text.unicodeScalars)
        let tokens = index.tokens
        struct SentenceCode: Hashable { var code: String; var sentence: Int }
        var seen: Set<SentenceCode> = []
        var out: [Annotation] = []
        for hit in hits.sorted(by: { ($0.tokenStart, $0.entry) < ($1.tokenStart, $1.entry) }) {
            let entry = compiled.entries[hit.entry]
            let sentence = index.sentence(around: hit.tokenStart, scalarCount: scalars.count)
            guard seen.insert(SentenceCode(code: entry.code, sentence: sentence.lowerBound)).inserted else { continue }
            let matchStart = tokens[hit.tokenStart].start, matchEnd = tokens[hit.tokenEnd - 1].end
            let matched = String(String.UnicodeScalarView(scalars[matchStart..<matchEnd]))
            out.append(Annotation(
                code: entry.code, segment: segmentIndex, start: start + sentence.lowerBound, end: start + sentence.upperBound,
                coder: coderName, context: context,
                evidence: Evidence(matched: matched, cue: entry.cue.phrase, rule: entry.cue.rule,
                                   negation: hit.negation, actor: hit.actor),
                actorRole: hit.actorRole))
        }
        return out.sorted { ($0.start, $0.code) < ($1.start, $1.code) }
    }

    static func context(kind: Segment.Kind, role: Role?, encounter: Encounter?) -> Annotation.Context {
        if kind == .observation { return .observation }
        if role == .researcher || describesInterview(encounter) { return .interview }
        return .encounter
    }

    /// Whether the encounter's kind or setting says "interview" (any case). ASCII text, the
    /// usual case, is searched byte-wise; other text lower-cased as Unicode, as it always was.
    static func describesInterview(_ encounter: Encounter?) -> Bool {
        let kind = encounter?.kind ?? "", setting = encounter?.setting ?? ""
        guard kind.utf8.allSatisfy({ $0 < 0x80 }), setting.utf8.allSatisfy({ $0 < 0x80 }) else {
            return (kind + " " + setting).lowercased().contains("interview")
        }
        let word = Array("interview".utf8)
        func contains(_ text: String) -> Bool {
            let bytes = Array(text.utf8)
            guard bytes.count >= word.count else { return false }
            // `| 0x20` lower-cases an ASCII letter; only "I" and "i" (etc.) map to a letter of the word.
            return (0...(bytes.count - word.count)).contains { at in word.indices.allSatisfy { bytes[at + $0] | 0x20 == word[$0] } }
        }
        return contains(kind) || contains(setting)
    }
}
