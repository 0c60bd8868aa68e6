/// NegEx-style negation: a trigger ("not", "never", "didn't", "without", "hardly" …) negates the
/// words after it up to the end of the clause (punctuation, or a scope breaker such as "but").
/// A first-person denial followed by "but" ("I'm not threatening you, but …") is a disclaimer
/// that still performs the act, so it does not cancel. The words come from the codebook's
/// `Language`, compiled once per coder; tokens carry which lists their word is on (`WordFacts`),
/// so only trigger phrases and pseudo-negations compare text.
struct NegationScope: Sendable {
    enum Finding: Equatable {
        case none
        case negated(trigger: String)
        case disclaimer(trigger: String)
    }

    /// One-word triggers.
    let triggers: Set<String>
    /// Triggers of several words, by their first word (`rather` → [["rather", "than"]]).
    let phrases: [String: [[String]]]
    /// Pseudo-negations by each word they contain: the phrase and that word's position in it.
    let pseudo: [String: [(words: [String], at: Int)]]
    let suffixes: [String]
    let window: Int

    init(_ language: Language) {
        var triggers: Set<String> = [], phrases: [String: [[String]]] = [:]
        for trigger in language.negationTriggers {
            let words = trigger.split(separator: " ").map(String.init)
            if words.count == 1 { triggers.insert(trigger) } else if let first = words.first {
                phrases[first, default: []].append(words)
            }
        }
        var pseudo: [String: [(words: [String], at: Int)]] = [:]
        for phrase in language.pseudoNegations.sorted() {
            let words = phrase.split(separator: " ").map(String.init)
            for (n, word) in words.enumerated() { pseudo[word, default: []].append((words, n)) }
        }
        self.triggers = triggers
        self.phrases = phrases.mapValues { $0.sorted { $0.lexicographicallyPrecedes($1) } }
        self.pseudo = pseudo
        self.suffixes = language.negationSuffixes.sorted()
        self.window = language.negationWindow
    }

    /// The facts a word has by its shape: a negative ending ("didn't"), an -ing form.
    func shapeFacts(of word: String) -> WordFacts {
        var facts: WordFacts = []
        if suffixes.contains(where: { word.hasSuffix($0) }) { facts.insert(.negationTrigger) }
        if word.hasSuffix("ing") { facts.insert(.endsING) }
        return facts
    }

    /// Whether token `i` starts a negation: a trigger word, a word with a negative ending
    /// ("didn't"), or the first word of a trigger phrase ("rather than"), unless a
    /// pseudo-negation ("no doubt") holds it.
    func isTrigger(_ tokens: [Token], at i: Int) -> Bool {
        let facts = tokens[i].facts
        var found = facts.contains(.negationTrigger)
        if !found, facts.contains(.negationPhraseStart), let candidates = phrases[tokens[i].text] {
            found = candidates.contains { Self.words($0, matchAt: i, in: tokens) }
        }
        guard found, facts.contains(.inPseudoNegation), let holders = pseudo[tokens[i].text] else { return found }
        return !holders.contains { i - $0.at >= 0 && Self.words($0.words, matchAt: i - $0.at, in: tokens) }
    }

    /// Whether `words` stand as consecutive word tokens from token `start`.
    static func words(_ words: [String], matchAt start: Int, in tokens: [Token]) -> Bool {
        guard start + words.count <= tokens.count else { return false }
        for (n, word) in words.enumerated() where tokens[start + n].kind != .word || tokens[start + n].text != word {
            return false
        }
        return true
    }

    /// Whether the match starting at token `start` (ending before `end`) is in a negation's scope.
    /// `butAhead[j]` says whether a "but" stands at or after token `j` before the sentence ends.
    func find(tokens: [Token], start: Int, end: Int, butAhead: [Bool]) -> Finding {
        var i = start - 1
        var words = 0
        while i >= 0, words < window {
            let t = tokens[i]
            // A quotation mark starts or ends someone else's words: negation does not reach across it.
            if t.kind == .stop || t.kind == .comma || t.kind == .dash || t.kind == .quote { return .none }
            if t.kind == .word {
                if t.facts.contains(.scopeBreaker) { return .none }
                if isTrigger(tokens, at: i) {
                    // "doesn't mean you can't be a brilliant one": two negations cancel out.
                    if hasEarlierTrigger(tokens: tokens, before: i, budget: window - words) { return .none }
                    return isDisclaimer(tokens: tokens, trigger: i, start: start, end: end, butAhead: butAhead)
                        ? .disclaimer(trigger: t.text) : .negated(trigger: t.text)
                }
                words += 1
            }
            i -= 1
        }
        return .none
    }

    /// Whether another negation trigger stands before `index` within `budget` words of the clause.
    func hasEarlierTrigger(tokens: [Token], before index: Int, budget: Int) -> Bool {
        var i = index - 1
        var words = 0
        while i >= 0, words < max(budget, 3) {
            let t = tokens[i]
            if t.kind == .stop || t.kind == .comma || t.kind == .quote { return false }
            if t.kind == .word {
                // "Nobody shouts and nobody walks out": coordinated negations do not cancel out.
                if t.facts.contains(.coordinator) { return false }
                if isTrigger(tokens, at: i) { return true }
                words += 1
            }
            i -= 1
        }
        return false
    }

    /// "I'm not X-ing …, but …": first person just before the trigger, a "but" later in the
    /// sentence, and a denied doing ("threatening", "having a go"), not a denied state: "I'm not
    /// angry with you, but I'm tired" is a plain denial.
    func isDisclaimer(tokens: [Token], trigger: Int, start: Int, end: Int, butAhead: [Bool]) -> Bool {
        guard tokens[start].facts.contains(.endsING) else { return false }
        var hasFirstPerson = false
        var k = trigger - 1
        var seen = 0
        while k >= 0, seen < 3, tokens[k].kind == .word {
            if tokens[k].facts.contains(.disclaimerSubject) { hasFirstPerson = true }
            seen += 1
            k -= 1
        }
        return hasFirstPerson && butAhead[end]
    }
}
