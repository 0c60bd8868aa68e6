/// What the coder's linguistic checks need to know about one vocabulary word, as bits: which of
/// the codebook language's lists it is on and which shapes it has ("ends in -ed", "possessive").
/// Worked out once per distinct word (`Lexicon.facts(of:)`) and carried by every token of it, so
/// the segment index, negation scope and actor resolver test bits instead of hashing Strings.
/// Facts marked "bare" are about the word without a possessive 's ("mum's" → "mum").
struct WordFacts: OptionSet, Hashable, Sendable {
    let rawValue: UInt64

    // SegmentIndex: questions, modality, conditions, subjects.
    static let but = WordFacts(rawValue: 1 << 0)
    static let questionOpener = WordFacts(rawValue: 1 << 1)
    static let questionAuxiliary = WordFacts(rawValue: 1 << 2)
    static let questionSubject = WordFacts(rawValue: 1 << 3)
    static let who = WordFacts(rawValue: 1 << 4)
    static let endsED = WordFacts(rawValue: 1 << 5)
    static let counterfactualWord = WordFacts(rawValue: 1 << 6)
    static let counterfactualModal = WordFacts(rawValue: 1 << 7)
    /// Allowed between a counterfactual modal and "have" ("would never have").
    static let modalAdverb = WordFacts(rawValue: 1 << 8)
    static let haveOrOf = WordFacts(rawValue: 1 << 9)
    static let of = WordFacts(rawValue: 1 << 10)
    /// Ends a modal or conditional clause ("but", "because").
    static let clauseEnder = WordFacts(rawValue: 1 << 11)
    static let conditionMarker = WordFacts(rawValue: 1 << 12)
    /// "as" or "even" before a condition marker: a comparison or concession, not a condition.
    static let asOrEven = WordFacts(rawValue: 1 << 13)
    static let firstOrSecondPerson = WordFacts(rawValue: 1 << 14)
    /// Ends a condition's scope ("then", "he'll").
    static let conditionBreak = WordFacts(rawValue: 1 << 15)
    /// A personal subject, contracted or not ("she", "they'd"): starts a new clause in a condition.
    static let subjectStem = WordFacts(rawValue: 1 << 16)
    static let wereOrOnly = WordFacts(rawValue: 1 << 17)
    /// "had" or a contracted "'d": with a participle after it, a past counterfactual.
    static let hadLike = WordFacts(rawValue: 1 << 18)
    /// Cannot be a past participle after "have" ("a", "lunch", "got").
    static let notParticiple = WordFacts(rawValue: 1 << 19)
    /// An -er/-ers noun ("snatcher"), not a verb.
    static let agentNoun = WordFacts(rawValue: 1 << 20)
    /// Bare: an animal, infant or thing.
    static let nonHuman = WordFacts(rawValue: 1 << 21)
    static let possessivePronoun = WordFacts(rawValue: 1 << 22)
    /// May stand between a non-human subject and its verb ("was", "suddenly").
    static let nonHumanSkip = WordFacts(rawValue: 1 << 23)
    /// May stand between a named subject and its verb ("just", "kept").
    static let subjectSkip = WordFacts(rawValue: 1 << 24)

    // NegationScope.
    static let negationTrigger = WordFacts(rawValue: 1 << 25)
    static let negationPhraseStart = WordFacts(rawValue: 1 << 26)
    static let inPseudoNegation = WordFacts(rawValue: 1 << 27)
    static let scopeBreaker = WordFacts(rawValue: 1 << 28)
    /// "and", "or", "nor": coordinated negations do not cancel out.
    static let coordinator = WordFacts(rawValue: 1 << 29)
    static let endsING = WordFacts(rawValue: 1 << 30)
    static let disclaimerSubject = WordFacts(rawValue: 1 << 31)

    // ActorResolver.
    static let speechVerb = WordFacts(rawValue: 1 << 32)
    static let listenerVerb = WordFacts(rawValue: 1 << 33)
    /// May stand between a verb of saying and the person it introduces ("says his old …").
    static let speechSkip = WordFacts(rawValue: 1 << 34)
    /// An adverb in -ly of 5+ letters, skipped before a verb.
    static let lyAdverb = WordFacts(rawValue: 1 << 35)
    static let copula = WordFacts(rawValue: 1 << 36)
    /// Reads as a verb: an irregular or auxiliary verb, or ends in -ed or a verb's -s.
    static let verbShape = WordFacts(rawValue: 1 << 37)
    /// Bare: a one-word role noun.
    static let roleNoun = WordFacts(rawValue: 1 << 38)
    /// Bare: a modifier that may start a three-word role ("family support worker").
    static let roleModifier = WordFacts(rawValue: 1 << 39)
    /// Bare: a title joined to the next word ("Mr Hughes").
    static let title = WordFacts(rawValue: 1 << 40)
    /// Bare: a capitalised word that is never a name ("The", "Monday").
    static let notName = WordFacts(rawValue: 1 << 41)
    /// Bare: more than one character.
    static let longerThanOne = WordFacts(rawValue: 1 << 42)
    /// Ends in 's.
    static let possessive = WordFacts(rawValue: 1 << 43)
    /// Bare: the first word of a two-word role noun.
    static let pairFirst = WordFacts(rawValue: 1 << 44)
    /// As written (not bare): the first word of a two-word role noun.
    static let pairFirstAsWritten = WordFacts(rawValue: 1 << 45)
    /// Bare: the second word of a two-word role noun.
    static let pairSecond = WordFacts(rawValue: 1 << 46)

    // SegmentIndex, continued: near misses, wishes, coordinated verbs.
    /// "nearly" or "almost": with a past form after it, the act did not happen.
    static let nearlyAlmost = WordFacts(rawValue: 1 << 47)
    /// A past form: in -ed, or a common irregular past ("lost", "threw").
    static let pastForm = WordFacts(rawValue: 1 << 48)
    /// "wish" or "wished".
    static let wish = WordFacts(rawValue: 1 << 49)
    /// A contracted "'d" ("I'd").
    static let contractedD = WordFacts(rawValue: 1 << 50)
    /// A personal subject pronoun ("she"), not contracted.
    static let personalSubject = WordFacts(rawValue: 1 << 51)
    static let had = WordFacts(rawValue: 1 << 52)
    static let and = WordFacts(rawValue: 1 << 53)
    static let close = WordFacts(rawValue: 1 << 54)
    static let to = WordFacts(rawValue: 1 << 55)
    static let verge = WordFacts(rawValue: 1 << 56)
    /// An -ing form of 5+ letters ("walking"): after "close to", "verge of", a near miss.
    static let ingForm = WordFacts(rawValue: 1 << 57)
}
