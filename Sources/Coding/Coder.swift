import Transcripts

/// The automatic coder: a pure function of (segment, encounter, codebook) → annotations, with the
/// evidence for each (cue, rule, negation and role decisions), so every code can be audited.
public struct Coder: Sendable {
    public let codebook: Codebook
    let compiled: CompiledCodebook
    /// The name annotations carry as their coder.
    public var coderName = "rapport"

    public init(codebook: Codebook) {
        self.codebook = codebook
        self.compiled = CompiledCodebook(codebook)
    }

    /// A cue that matched and survived the negation and role checks.
    struct Hit {
        var entry: Int
        var tokenStart: Int
        var tokenEnd: Int
        var negation: String
        var actor: String
    }

    /// Codes one segment of `encounter`; annotation ranges are code points in the transcript text.
    public func code(_ segment: Segment, in encounter: Encounter) -> [Annotation] {
        code(text: segment.text, start: segment.start, kind: segment.kind, speaker: segment.speaker,
             role: segment.role, segmentIndex: segment.index, encounter: encounter)
    }

    /// Codes free text as one segment: the engine behind `code(_:in:)` and `rapport evaluate`.
    public func code(
        text: String, start: Int, kind: Segment.Kind, speaker: String?, role: Role?, segmentIndex: Int,
        encounter: Encounter?
    ) -> [Annotation] {
        var cache = CandidateCache(compiled)
        return code(text: text, start: start, kind: kind, speaker: speaker, role: role, segmentIndex: segmentIndex,
                    encounter: encounter, actors: ActorResolver(encounter: encounter), cache: &cache)
    }

    func code(
        text: String, start: Int, kind: Segment.Kind, speaker: String?, role: Role?, segmentIndex: Int,
        encounter: Encounter?, actors: ActorResolver, cache: inout CandidateCache
    ) -> [Annotation] {
        let tokens = Tokenizer.tokenize(text)
        guard !tokens.isEmpty else { return [] }
        cache.nextSegment()
        var infos: [CandidateCache.WordInfo?] = []
        infos.reserveCapacity(tokens.count)
        for t in tokens {
            guard t.kind == .word else { infos.append(nil); continue }
            let info = compiled.info(for: t.text, cache: &cache)
            cache.mark(info)
            infos.append(info)
        }
        let kindBit: UInt8 = kind == .utterance ? 1 : 2
        var hits: [Hit] = []
        for i in tokens.indices {
            guard let info = infos[i], !info.candidates.isEmpty else { continue }
            var matchedEntries: [Int] = []
            for sequenceIndex in info.candidates {
                let entryIndex = compiled.sequenceEntry[sequenceIndex]
                if compiled.sequenceKinds[sequenceIndex] & kindBit == 0 || matchedEntries.contains(entryIndex) { continue }
                if !cache.anchorsPresent(sequenceIndex, in: compiled) { continue }
                guard let end = CueMatcher.match(compiled.sequenceAtoms[sequenceIndex], tokens: tokens, start: i) else { continue }
                matchedEntries.append(entryIndex)
                let entry = compiled.entries[entryIndex]
                if !entry.unless.isEmpty && Self.sentenceMatches(entry.unless, tokens: tokens, around: i) { continue }
                // Negation.
                let finding = NegationScope.find(tokens: tokens, start: i, end: end)
                var negationNote = "none"
                switch (finding, entry.cue.negation) {
                case (.none, .requires): continue
                case (.none, _): break
                case (.negated(let t), .cancels): _ = t; continue
                case (.negated(let t), _): negationNote = "negated by '\(t)', kept"
                case (.disclaimer(let t), _): negationNote = "disclaimer '\(t) …, but', kept"
                }
                // Roles: the speaker of a turn, or the actor named in observation prose.
                var actorNote = ""
                if kind == .utterance, let speaker {
                    // A turn that reports someone else's words is coded by what it reports.
                    if let reported = actors.reporter(tokens: tokens, cue: i) {
                        actorNote = "reported '\(reported.words)' (\(reported.role.rawValue)) in turn of \(speaker)"
                        if !entry.roles.isEmpty && !entry.roles.contains(reported.role) { continue }
                    } else {
                        let r = role ?? .unknown
                        actorNote = "speaker \(speaker) (\(r.rawValue))"
                        if !entry.roles.isEmpty && !entry.roles.contains(r) { continue }
                    }
                } else if let actor = actors.actor(tokens: tokens, cue: i) {
                    actorNote = "actor '\(actor.words)' (\(actor.role.rawValue))"
                    if !entry.roles.isEmpty && !entry.roles.contains(actor.role) { continue }
                } else {
                    actorNote = "no actor named"
                }
                hits.append(Hit(entry: entryIndex, tokenStart: i, tokenEnd: end, negation: negationNote, actor: actorNote))
            }
        }
        // Weak cues (weight < 1) count only with support from another cue of the same code in
        // the same sentence.
        var weight: [String: Double] = [:]
        func key(_ hit: Hit) -> String {
            "\(compiled.entries[hit.entry].topLevel)@\(Self.sentence(tokens: tokens, around: hit.tokenStart, scalarCount: Int.max).lowerBound)"
        }
        for hit in hits { weight[key(hit), default: 0] += compiled.entries[hit.entry].cue.weight }
        hits.removeAll { weight[key($0), default: 0] < 0.999 }
        return annotations(for: hits, tokens: tokens, text: text, start: start, kind: kind, role: role,
                           segmentIndex: segmentIndex, encounter: encounter)
    }

    /// One annotation per code and sentence: the passage is the sentence holding the cue.
    func annotations(
        for hits: [Hit], tokens: [Token], text: String, start: Int, kind: Segment.Kind, role: Role?,
        segmentIndex: Int, encounter: Encounter?
    ) -> [Annotation] {
        let context = Self.context(kind: kind, role: role, encounter: encounter)
        let scalars = Array(text.unicodeScalars)
        var seen: Set<String> = []
        var out: [Annotation] = []
        for hit in hits.sorted(by: { ($0.tokenStart, $0.entry) < ($1.tokenStart, $1.entry) }) {
            let entry = compiled.entries[hit.entry]
            let sentence = Self.sentence(tokens: tokens, around: hit.tokenStart, scalarCount: scalars.count)
            let key = "\(entry.code)@\(sentence.lowerBound)"
            if seen.contains(key) { continue }
            seen.insert(key)
            let matchStart = tokens[hit.tokenStart].start, matchEnd = tokens[hit.tokenEnd - 1].end
            let matched = String(String.UnicodeScalarView(scalars[matchStart..<matchEnd]))
            out.append(Annotation(
                code: entry.code, segment: segmentIndex, start: start + sentence.lowerBound, end: start + sentence.upperBound,
                coder: coderName, context: context,
                evidence: Evidence(matched: matched, cue: entry.cue.phrase, rule: entry.cue.rule,
                                   negation: hit.negation, actor: hit.actor)))
        }
        return out.sorted { ($0.start, $0.code) < ($1.start, $1.code) }
    }

    /// Whether any of `patterns` matches in the sentence holding token `index`.
    static func sentenceMatches(_ patterns: [CuePattern], tokens: [Token], around index: Int) -> Bool {
        var first = index
        while first > 0, tokens[first - 1].kind != .stop { first -= 1 }
        var k = first
        while k < tokens.count, k == first || tokens[k - 1].kind != .stop {
            if tokens[k].kind == .word, patterns.contains(where: { CueMatcher.match($0, tokens: tokens, start: k) != nil }) {
                return true
            }
            k += 1
        }
        return false
    }

    /// The code-point range of the sentence holding token `index`, from its first to its last token.
    static func sentence(tokens: [Token], around index: Int, scalarCount: Int) -> Range<Int> {
        var first = index
        while first > 0, tokens[first - 1].kind != .stop { first -= 1 }
        var last = index
        while last + 1 < tokens.count, tokens[last].kind != .stop { last += 1 }
        let lower = tokens[first].start
        let upper = min(tokens[last].end, scalarCount)
        return lower..<max(lower, upper)
    }

    static func context(kind: Segment.Kind, role: Role?, encounter: Encounter?) -> Annotation.Context {
        if kind == .observation { return .observation }
        let description = ((encounter?.kind ?? "") + " " + (encounter?.setting ?? "")).lowercased()
        if description.contains("interview") || role == .researcher { return .interview }
        return .encounter
    }
}
