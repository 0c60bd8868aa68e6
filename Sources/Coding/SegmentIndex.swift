/// What the coder needs to know about a segment's tokens, computed once per segment in a few
/// linear passes so that every cue hit is answered by array look-ups: sentence bounds, quotation
/// marks, whether a "but" follows in the sentence, and the people mentioned with what follows
/// them. Cost grows with the number of tokens, never with sentence length times hits.
struct SegmentIndex {
    /// A person mentioned in the segment, found by a forward scan from each sentence start.
    struct Reference {
        var index: Int
        var next: Int
        var actor: ActorResolver.Actor
    }

    let tokens: [Token]
    /// Per token: the index of the first token of its sentence (tokens after a stop mark).
    private(set) var sentenceFirst: [Int]
    /// Per token: the index of the last token of its sentence (the stop mark, or the last token).
    private(set) var sentenceLast: [Int]
    /// Per token: how many quote marks stand in its sentence before it, and the last of them (-1 for none).
    private(set) var quotesBefore: [Int]
    private(set) var lastQuoteBefore: [Int]
    /// Per token: the first quote mark of its sentence (-1 for none).
    private(set) var firstQuote: [Int]
    /// Per position (one past the end included): a word "but" stands at or after it before the next stop.
    private(set) var butAhead: [Bool]
    /// People mentioned, in token order, and per token the number of references starting before it.
    private(set) var references: [Reference] = []
    private(set) var referencesBefore: [Int]
    /// Per reference: the last reference at or before it (in its sentence) with each property, or -1.
    private(set) var lastReporter: [Int] = []
    private(set) var lastIntroduced: [Int] = []
    private(set) var lastActing: [Int] = []
    private(set) var lastBeing: [Int] = []

    /// Per token: inside a yes/no or wh- question about an event ("Did he shout at you?").
    private(set) var question: [Bool]
    /// Per token: inside a counterfactual ("she'd have hung up", "if I'd known").
    private(set) var hypothetical: [Bool]
    /// Per token: inside the condition of a plain conditional ("if he comes back").
    private(set) var condition: [Bool]

    /// `maybePerson[i]`, when given, is false for a token that cannot start a person reference
    /// (see `CandidateCache.maybePerson`), so the resolver is not asked there.
    /// The tokens' `WordFacts` must come from the same language as `actors`.
    init(tokens: [Token], actors: ActorResolver, maybePerson: [Bool]? = nil) {
        self.tokens = tokens
        let n = tokens.count
        question = Array(repeating: false, count: n)
        hypothetical = Array(repeating: false, count: n)
        condition = Array(repeating: false, count: n)
        sentenceFirst = Array(repeating: 0, count: n)
        sentenceLast = Array(repeating: 0, count: n)
        quotesBefore = Array(repeating: 0, count: n)
        lastQuoteBefore = Array(repeating: -1, count: n)
        firstQuote = Array(repeating: -1, count: n)
        butAhead = Array(repeating: false, count: n + 1)
        referencesBefore = Array(repeating: 0, count: n + 1)

        var first = 0, count = 0, last = -1
        for i in 0..<n {
            sentenceFirst[i] = first
            quotesBefore[i] = count
            lastQuoteBefore[i] = last
            if tokens[i].kind == .quote { count += 1; last = i }
            if tokens[i].kind == .stop || i == n - 1 {
                var quote = -1
                for k in first...i {
                    sentenceLast[k] = i
                    if quote < 0 && tokens[k].kind == .quote { quote = k }
                }
                for k in first...i { firstQuote[k] = quote }
                first = i + 1; count = 0; last = -1
            }
        }
        for j in stride(from: n - 1, through: 0, by: -1) {
            let t = tokens[j]
            butAhead[j] = t.kind != .stop && ((t.kind == .word && t.facts.contains(.but)) || butAhead[j + 1])
        }

        // People: one greedy forward scan per sentence, as the resolver reads them.
        var i = 0
        while i < n {
            referencesBefore[i] = references.count
            if let maybePerson, !maybePerson[i] {
                i += 1
                continue
            }
            if let (actor, next) = actors.reference(tokens, at: i, sentenceStart: sentenceFirst[i]) {
                let r = references.count
                references.append(Reference(index: i, next: next, actor: actor))
                let previous = r > 0 && sentenceFirst[references[r - 1].index] == sentenceFirst[i] ? r - 1 : -1
                func carry(_ flag: Bool, _ list: [Int]) -> Int { flag ? r : (previous >= 0 ? list[previous] : -1) }
                lastReporter.append(carry(
                    actor.role != .researcher && next < n && tokens[next].kind == .word
                        && tokens[next].facts.contains(.speechVerb), lastReporter))
                lastIntroduced.append(carry(
                    actor.role != .unknown && actors.introducedBySpeech(tokens, at: i, sentenceStart: sentenceFirst[i]),
                    lastIntroduced))
                lastActing.append(carry(actors.followedByVerb(tokens, at: next, copulas: false), lastActing))
                lastBeing.append(carry(actors.followedByVerb(tokens, at: next), lastBeing))
                // A reference never runs past the end of its sentence's scan.
                let stop = min(next, sentenceLast[i] + 1)
                for k in (i + 1)..<max(i + 1, stop) { referencesBefore[k] = references.count }
                i = max(i + 1, stop)
            } else {
                i += 1
            }
        }
        referencesBefore[n] = references.count
        markQuestions()
        markModality()
    }

    /// The facts of token `i` when it is a word, else nil.
    @inline(__always)
    func word(_ i: Int) -> WordFacts? { i >= 0 && i < tokens.count && tokens[i].kind == .word ? tokens[i].facts : nil }

    /// A sentence ending in "?" whose clause opens (after a few discourse words) with an
    /// auxiliary and a subject, or with "who" and a past verb, is a question from there to its end.
    mutating func markQuestions() {
        var first = 0
        while first < tokens.count {
            let last = sentenceLast[first]
            defer { first = last + 1 }
            guard tokens[last].kind == .stop, tokens[last].text == "?" else { continue }
            var p = first
            while p <= last {
                if p == first || [.comma, .dash, .quote].contains(tokens[p - 1].kind) {
                    var q = p, skipped = 0
                    while skipped < 2, let w = word(q), w.contains(.questionOpener) { q += 1; skipped += 1 }
                    if let w = word(q), let next = word(q + 1),
                       (w.contains(.questionAuxiliary) && (next.contains(.questionSubject)
                            || tokens[q + 1].capitalised || next.contains(.roleNoun)))
                        || (w.contains(.who) && (next.contains(.endsED) || next.contains(.questionAuxiliary))) {
                        for k in p...last { question[k] = true }
                        break
                    }
                }
                p += 1
            }
        }
    }

    /// Counterfactual modal perfects ("would have", "she'd have", "could've") reach to the end of
    /// their clause; a condition ("if …") reaches to a comma, "then", a new subject with a modal,
    /// or ten words, and is counterfactual when it says "had", "'d" or "were" ("if I'd known").
    mutating func markModality() {
        func clauseEnd(_ i: Int) -> Bool {
            tokens[i].kind == .stop || tokens[i].kind == .comma || tokens[i].kind == .dash
                || (tokens[i].kind == .word && tokens[i].facts.contains(.clauseEnder))
        }
        var i = 0
        while i < tokens.count {
            guard let w = word(i) else { i += 1; continue }
            var scopeStart = -1
            if w.contains(.counterfactualWord) {
                scopeStart = i + 1
            } else if w.contains(.counterfactualModal) {
                var k = i + 1
                if let m = word(k), m.contains(.modalAdverb) { k += 1 }
                if let h = word(k), h.contains(.haveOrOf), participle(k + 1) { scopeStart = k + 1 }
            } else if w.contains(.nearlyAlmost), let v = word(i + 1), v.contains(.pastForm) {
                // "I nearly walked out", "she almost lost it": it did not happen ("nearly always" is not past).
                scopeStart = i + 1
            } else if (w.contains(.close) && word(i + 1)?.contains(.to) == true)
                        || (w.contains(.verge) && word(i + 1)?.contains(.of) == true),
                      let v = word(i + 2), v.contains(.ingForm) {
                // "I was this close to walking out", "on the verge of hitting him": it did not happen.
                scopeStart = i + 2
            } else if w.contains(.wish), let n = word(i + 1),
                      n.contains(.contractedD) || (n.contains(.personalSubject) && word(i + 2)?.contains(.had) == true) {
                // "I wish I'd told her to get lost": a wish about the past is not the act.
                scopeStart = i + 1
            }
            if scopeStart >= 0 {
                var k = scopeStart
                while k < tokens.count, !clauseEnd(k) { hypothetical[k] = true; k += 1 }
                i = max(i + 1, k)
                continue
            }
            // "as if", "even if" compare or concede; "if you …", "if I …" set terms to the listener
            // ("if you kick off again …"), which is the stated condition a sanction rests on.
            if w.contains(.conditionMarker), !(word(i - 1)?.contains(.asOrEven) ?? false),
               let subject = word(i + 1), !subject.contains(.firstOrSecondPerson) {
                var k = i + 1, words = 0
                var counterfactual = false
                while k < tokens.count, words < 10, !clauseEnd(k) {
                    if let v = word(k) {
                        if v.contains(.conditionBreak) { break }
                        if words >= 2, v.contains(.subjectStem) { break }
                        if words < 3, v.contains(.wereOrOnly) || (v.contains(.hadLike) && participle(k + 1)) {
                            counterfactual = true
                        }
                        words += 1
                    }
                    k += 1
                }
                for j in (i + 1)..<max(i + 1, k) {
                    if counterfactual { hypothetical[j] = true } else { condition[j] = true }
                }
            }
            i += 1
        }
    }

    static let subjects: Set<String> = ["i", "we", "they", "you", "he", "she"]

    /// A past-tense form after "nearly"/"almost": regular "-ed" or a common irregular past.
    static func pastForm(_ word: String) -> Bool {
        (word.hasSuffix("ed") && word.count > 3) || [
            "lost", "hit", "threw", "told", "swore", "left", "broke", "got", "went", "came", "gave", "hung", "bit",
            "took", "said", "ran", "blew", "had", "made", "put", "let", "kept", "struck", "tore", "spat", "fell",
        ].contains(word)
    }

    static func firstOrSecondPerson(_ word: String) -> Bool {
        ["i", "we", "you"].contains(word.split(separator: "'").first.map(String.init) ?? word)
    }

    static let possessivePronouns: Set<String> = ["hers", "his", "theirs", "mine", "yours", "ours"]

    /// The facts the checks here read from a word's shape (not from a list).
    static func shapeFacts(of w: String) -> WordFacts {
        var facts: WordFacts = []
        if w.hasSuffix("ed") { facts.insert(.endsED) }
        // Splitting at apostrophes and searching for "'ll" are slow; a word without one is its own stem.
        let apostrophe = w.utf8.contains(UInt8(ascii: "'"))
        if apostrophe ? firstOrSecondPerson(w) : ["i", "we", "you"].contains(w) { facts.insert(.firstOrSecondPerson) }
        if w == "then" || (apostrophe && w.contains("'ll")) { facts.insert(.conditionBreak) }
        if subjects.contains(apostrophe ? w.split(separator: "'").first.map(String.init) ?? w : w) { facts.insert(.subjectStem) }
        if w == "had" || (w.hasSuffix("'d") && w.count > 2) { facts.insert(.hadLike) }
        if w.hasSuffix("er") || w.hasSuffix("ers") { facts.insert(.agentNoun) }
        if ["nearly", "almost"].contains(w) { facts.insert(.nearlyAlmost) }
        if pastForm(w) { facts.insert(.pastForm) }
        if w == "wish" || w == "wished" { facts.insert(.wish) }
        if w.hasSuffix("'d") && w.count > 2 { facts.insert(.contractedD) }
        if subjects.contains(w) { facts.insert(.personalSubject) }
        if w == "had" { facts.insert(.had) }
        if w == "and" { facts.insert(.and) }
        if w == "close" { facts.insert(.close) }
        if w == "to" { facts.insert(.to) }
        if w == "verge" { facts.insert(.verge) }
        if w.hasSuffix("ing") && w.count > 4 { facts.insert(.ingForm) }
        return facts
    }

    /// Whether token `i` can be a past participle after "have"/"had" ("have hung up", "had
    /// known"), not the object of "have" as a main verb ("could have a look", "had a word").
    func participle(_ i: Int) -> Bool {
        guard let w = word(i) else { return false }
        return !w.contains(.notParticiple)
    }

    /// Whether the subject right before token `cue` is an animal or an infant ("the dog barks",
    /// "the baby was screaming"), looking back over a few auxiliaries and adverbs.
    func nonHumanSubject(before cue: Int) -> Bool {
        // "a baby snatcher": a noun, not an act of the baby.
        if let w = word(cue), w.contains(.agentNoun) { return false }
        var k = cue - 1, skipped = 0
        while let w = word(k) {
            if w.contains(.nonHuman) { return true }
            // "that cat of hers hisses": an "of" + possessive pronoun after the noun is part of the subject.
            if w.contains(.possessivePronoun), word(k - 1)?.contains(.of) == true {
                k -= 2
                continue
            }
            // "the cat hisses and spits at": an earlier verb of the same subject joined by "and".
            if w.contains(.and), skipped < 3, word(k - 1) != nil {
                k -= 2
                skipped += 1
                continue
            }
            guard skipped < 3, w.contains(.nonHumanSkip) else { return false }
            skipped += 1
            k -= 1
        }
        return false
    }

    /// The person named as the subject right before token `cue` in its sentence ("Dad slammed",
    /// "the worker just shouted"), skipping one auxiliary or adverb; never "I" or "we".
    func subject(before cue: Int) -> ActorResolver.Actor? {
        let upper = referencesBefore[cue]
        guard upper > referencesBefore[sentenceFirst[cue]] else { return nil }
        let r = references[upper - 1]
        guard r.actor.role != .researcher else { return nil }
        if r.next == cue { return r.actor }
        if r.next == cue - 1, let w = word(cue - 1), w.contains(.subjectSkip) {
            return r.actor
        }
        return nil
    }

    /// The last reference among those numbered `lower..<upper` that `flags` marks, else nil.
    func last(in flags: [Int], from lower: Int, to upper: Int) -> Reference? {
        guard upper > lower else { return nil }
        let r = flags[upper - 1]
        return r >= lower ? references[r] : nil
    }

    /// The code-point range of the sentence holding token `index`, from its first to its last token.
    func sentence(around index: Int, scalarCount: Int) -> Range<Int> {
        let lower = tokens[sentenceFirst[index]].start
        let upper = min(tokens[sentenceLast[index]].end, scalarCount)
        return lower..<max(lower, upper)
    }
}
