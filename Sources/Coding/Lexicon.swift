/// A codebook language made ready to describe words: every word of its lists (and of the
/// grammar lists the checks use) mapped to the facts that membership gives, so a new vocabulary
/// word gets its `WordFacts` from two dictionary look-ups (the word, and the word without 's)
/// plus a few tests of its shape.
struct Lexicon: Sendable {
    /// Facts a word has by being on a list, by the word as written.
    private var written: [String: WordFacts] = [:]
    /// Facts a word has by being on a list, by the word without a possessive 's.
    private var bare: [String: WordFacts] = [:]
    let negation: NegationScope

    static let english = Lexicon(.english)

    init(_ language: Language) {
        negation = NegationScope(language)
        func add(_ words: some Sequence<String>, _ facts: WordFacts, bare isBare: Bool = false) {
            for word in words {
                if isBare { bare[word, default: []].formUnion(facts) } else { written[word, default: []].formUnion(facts) }
            }
        }
        // SegmentIndex
        add(["but"], .but)
        add(language.questionOpeners, .questionOpener)
        add(language.questionAuxiliaries, .questionAuxiliary)
        add(language.questionSubjects, .questionSubject)
        add(["who"], .who)
        add(language.counterfactualWords, .counterfactualWord)
        add(language.counterfactualModals, .counterfactualModal)
        add(language.counterfactualAdverbs, .modalAdverb)
        add(["have", "of"], .haveOrOf)
        add(["of"], .of)
        add(language.clauseEnders, .clauseEnder)
        add(language.conditionMarkers, .conditionMarker)
        add(["as", "even"], .asOrEven)
        add(["were", "only"], .wereOrOnly)
        add(language.notParticiples, .notParticiple)
        add(language.nonHumanActors, .nonHuman, bare: true)
        add(SegmentIndex.possessivePronouns, .possessivePronoun)
        add(language.nonHumanSkipWords, .nonHumanSkip)
        add(language.subjectSkipWords, .subjectSkip)
        // NegationScope
        add(negation.triggers, .negationTrigger)
        add(negation.phrases.keys, .negationPhraseStart)
        add(negation.pseudo.keys, .inPseudoNegation)
        add(language.scopeBreakers, .scopeBreaker)
        add(["and", "or", "nor"], .coordinator)
        add(language.disclaimerSubjects, .disclaimerSubject)
        // ActorResolver
        add(language.speechVerbs, .speechVerb)
        add(language.listenerVerbs, .listenerVerb)
        add(ActorResolver.speechSkipWords, .speechSkip)
        add(language.copulas, .copula)
        add(language.verbs, .verbShape)
        add(language.roleNouns.keys, .roleNoun, bare: true)
        add(ActorResolver.roleModifiers, .roleModifier, bare: true)
        add(ActorResolver.titles, .title, bare: true)
        add(language.notNames, .notName, bare: true)
        for noun in language.roleNouns.keys {
            guard let (first, second) = ActorResolver.pair(noun) else { continue }
            add([first], .pairFirst, bare: true)
            add([first], .pairFirstAsWritten)
            add([second], .pairSecond, bare: true)
        }
    }

    /// The facts of `word` (lower-cased, as the tokenizer gives it).
    func facts(of word: String) -> WordFacts {
        let stripped = ActorResolver.stripPossessive(word)
        var facts = written[word] ?? []
        if let b = bare[stripped] { facts.formUnion(b) }
        facts.formUnion(SegmentIndex.shapeFacts(of: word))
        facts.formUnion(negation.shapeFacts(of: word))
        facts.formUnion(ActorResolver.shapeFacts(of: word, bare: stripped))
        return facts
    }
}
