/// NegEx-style negation: a trigger ("not", "never", "didn't", "without", "hardly" …) negates the
/// words after it up to the end of the clause (punctuation, or a contrastive "but"). A first-person
/// denial followed by "but" ("I'm not threatening you, but …") is a disclaimer that still performs
/// the act, so it does not cancel.
enum NegationScope {
    enum Finding: Equatable {
        case none
        case negated(trigger: String)
        case disclaimer(trigger: String)
    }

    static let triggers: Set<String> = [
        "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without", "hardly",
        "barely", "scarcely", "cannot", "nowhere", "noone", "instead", "nobody's", "no-one", "nothing's",
        "nae", "naw",
    ]
    /// Scots negative auxiliaries ("cannae", "wouldnae"): an auxiliary plus "nae", never any
    /// word that happens to end in it ("Renae").
    static let scotsNegatives: Set<String> = Set(
        ["can", "din", "do", "does", "did", "wid", "would", "could", "cud", "should", "shid", "will", "wull", "is",
         "was", "wis", "has", "hasn", "have", "huv", "hae", "are", "were", "must", "micht", "might", "dae", "didn"]
            .map { $0 + "nae" })
    static let clauseBreakers: Set<String> = ["but", "although", "though", "however", "yet", "except", "whereas", "until"]
    static let firstPerson: Set<String> = ["i", "i'm", "we", "we're", "im"]
    static let window = 6

    static func isTrigger(_ word: String) -> Bool {
        // "didn't", and the Scots "wouldnae", "cannae", "dinnae".
        triggers.contains(word) || word.hasSuffix("n't") || scotsNegatives.contains(word)
    }

    /// Whether the match starting at token `start` (ending before `end`) is in a negation's scope.
    /// `butAhead[j]` says whether a "but" stands at or after token `j` before the sentence ends.
    static func find(tokens: [Token], start: Int, end: Int, butAhead: [Bool]) -> Finding {
        var i = start - 1
        var words = 0
        while i >= 0, words < window {
            let t = tokens[i]
            // A quotation mark starts or ends someone else's words: negation does not reach across it.
            if t.kind == .stop || t.kind == .comma || t.kind == .dash || t.kind == .quote { return .none }
            if t.kind == .word {
                if clauseBreakers.contains(t.text) { return .none }
                if isTrigger(t.text) || (t.text == "rather" && i + 1 < tokens.count && tokens[i + 1].text == "than") {
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
    static func hasEarlierTrigger(tokens: [Token], before index: Int, budget: Int) -> Bool {
        var i = index - 1
        var words = 0
        while i >= 0, words < max(budget, 3) {
            let t = tokens[i]
            if t.kind == .stop || t.kind == .comma || t.kind == .quote { return false }
            if t.kind == .word {
                // "Nobody shouts and nobody walks out": coordinated negations do not cancel out.
                if t.text == "and" || t.text == "or" || t.text == "nor" { return false }
                if isTrigger(t.text) { return true }
                words += 1
            }
            i -= 1
        }
        return false
    }

    /// "I'm not X-ing …, but …": first person just before the trigger, a "but" later in the
    /// sentence, and a denied doing ("threatening", "having a go"), not a denied state: "I'm not
    /// angry with you, but I'm tired" is a plain denial.
    static func isDisclaimer(tokens: [Token], trigger: Int, start: Int, end: Int, butAhead: [Bool]) -> Bool {
        guard tokens[start].text.hasSuffix("ing") else { return false }
        var hasFirstPerson = false
        var k = trigger - 1
        var seen = 0
        while k >= 0, seen < 3, tokens[k].kind == .word {
            if firstPerson.contains(tokens[k].text) { hasFirstPerson = true }
            seen += 1
            k -= 1
        }
        return hasFirstPerson && butAhead[end]
    }
}
