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

    init(tokens: [Token], actors: ActorResolver) {
        self.tokens = tokens
        let n = tokens.count
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
            butAhead[j] = t.kind != .stop && ((t.kind == .word && t.text == "but") || butAhead[j + 1])
        }

        // People: one greedy forward scan per sentence, as the resolver reads them.
        var i = 0
        while i < n {
            referencesBefore[i] = references.count
            if let (actor, next) = actors.reference(tokens, at: i, sentenceStart: sentenceFirst[i]) {
                let r = references.count
                references.append(Reference(index: i, next: next, actor: actor))
                let previous = r > 0 && sentenceFirst[references[r - 1].index] == sentenceFirst[i] ? r - 1 : -1
                func carry(_ flag: Bool, _ list: [Int]) -> Int { flag ? r : (previous >= 0 ? list[previous] : -1) }
                lastReporter.append(carry(
                    actor.role != .researcher && next < n && tokens[next].kind == .word
                        && ActorResolver.speechVerbs.contains(tokens[next].text), lastReporter))
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
