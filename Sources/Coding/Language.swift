import Transcripts

/// The word lists behind the coder's linguistic checks: negation and its scope, questions,
/// modality and counterfactuals, hypothetical conditions, reported speech, role nouns and
/// non-human or infant actors, and which codes these checks apply to. `Language.english` is the
/// default; a codebook's `language:` section edits it (Codebooks/README.md).
public struct Language: Hashable, Sendable {
    // MARK: Negation

    /// Words and phrases that negate what follows in their clause ("not", "never", "cannae",
    /// "rather than").
    public var negationTriggers: Set<String>
    /// Phrases holding a trigger that do not negate ("no doubt", "not only").
    public var pseudoNegations: Set<String>
    /// Word endings that make a negative ("didn't", "won't").
    public var negationSuffixes: Set<String>
    /// Words that end a negation's scope ("not angry, but upset").
    public var scopeBreakers: Set<String>
    /// How many words before a cue a negation reaches.
    public var negationWindow: Int
    /// Subjects of a denied doing that, with a "but" later, make a disclaimer that still performs
    /// the act ("I'm not threatening you, but …"); empty turns the disclaimer rule off.
    public var disclaimerSubjects: Set<String>

    // MARK: Questions, modality, conditions

    /// Auxiliaries that open a yes/no question about an event ("Did he …?", "Has anyone …?").
    public var questionAuxiliaries: Set<String>
    /// Words that may open a question before the auxiliary ("why did he …", "so has anyone …").
    public var questionOpeners: Set<String>
    /// Subjects that may follow a question's auxiliary.
    public var questionSubjects: Set<String>
    /// Top-level codes that a question cancels (an act asked about is not the act).
    public var questionCodes: Set<String>
    /// Modals that, followed by "have", make a counterfactual ("she'd have hung up").
    public var counterfactualModals: Set<String>
    /// Contracted modal perfects written as one word ("would've").
    public var counterfactualWords: Set<String>
    /// Adverbs that may stand between a modal and "have" ("would never have").
    public var counterfactualAdverbs: Set<String>
    /// Words after "have" that make it a main verb, not a perfect: "could have a look", "had a word".
    public var notParticiples: Set<String>
    /// Top-level codes that a counterfactual cancels (an act imagined is not the act).
    public var counterfactualCodes: Set<String>
    /// Conjunctions that open a condition ("if he comes back …").
    public var conditionMarkers: Set<String>
    /// Top-level codes that a hypothetical condition about a third party cancels.
    public var conditionCodes: Set<String>
    /// Words that end a counterfactual's or a condition's clause, as a comma does ("but", "because").
    public var clauseEnders: Set<String>

    // MARK: People

    /// Verbs of saying: "Jordan says his social worker told him …" reports someone else's act.
    public var speechVerbs: Set<String>
    /// Verbs of saying whose following person is the listener, not the speaker ("tells Dad").
    public var listenerVerbs: Set<String>
    /// Nouns of one or two words that name a person of a role ("social worker", "mum").
    public var roleNouns: [String: Role]
    /// Animals, infants and things: a coded act whose subject is one of these is not relational.
    public var nonHumanActors: Set<String>
    /// Auxiliaries and adverbs that may stand between a non-human subject and its act ("the dog
    /// was suddenly barking"); three at most are skipped.
    public var nonHumanSkipWords: Set<String>
    /// Top-level codes that a non-human subject cancels.
    public var nonHumanCodes: Set<String>

    // MARK: Actors

    /// Capitalised words that start sentences or clauses but are never a person's name ("The",
    /// "Monday", "Council").
    public var notNames: Set<String>
    /// Verbs recognised as such after a person (besides words in -ed and a verb's -s): a person
    /// followed by one of these acts in the sentence ("Dad said", "Mum can").
    public var verbs: Set<String>
    /// Verbs of being and having: a person followed by one of these is described, not acting
    /// ("how scared Priya is").
    public var copulas: Set<String>
    /// Auxiliaries and adverbs that may stand between a named subject and its act ("Dad just
    /// slammed"); one is skipped.
    public var subjectSkipWords: Set<String>

    /// English as the default codebook is written for (UK social-work talk).
    public static let english = Language(
        negationTriggers: Set([
            "not", "no", "never", "nobody", "nothing", "none", "neither", "nor", "without", "hardly", "barely",
            "scarcely", "cannot", "nowhere", "noone", "instead", "nobody's", "no-one", "nothing's", "nae", "naw",
            "rather than",
        ]).union(
            // Scots negative auxiliaries ("cannae", "wouldnae"): an auxiliary plus "nae", never any
            // word that happens to end in it ("Renae").
            ["can", "din", "do", "does", "did", "wid", "would", "could", "cud", "should", "shid", "will", "wull", "is",
             "was", "wis", "has", "hasn", "have", "huv", "hae", "are", "were", "must", "micht", "might", "dae", "didn"]
                .map { $0 + "nae" }),
        // "if nothing changes, this goes to court": the negation stays inside the condition.
        pseudoNegations: ["if nothing"],
        negationSuffixes: ["n't"],
        scopeBreakers: ["but", "although", "though", "however", "yet", "except", "whereas", "until"],
        negationWindow: 6,
        disclaimerSubjects: ["i", "i'm", "we", "we're", "im"],
        questionAuxiliaries: ["did", "didn't", "has", "hasn't", "have", "haven't", "had", "was", "wasn't", "were",
                              "weren't", "does", "doesn't"],
        questionOpeners: ["and", "so", "but", "oh", "ok", "okay", "right", "well", "erm", "um", "now", "then",
                          "why", "when", "where", "how", "what", "sorry", "just"],
        questionSubjects: ["he", "she", "they", "you", "anyone", "anybody", "someone", "somebody", "it", "we", "i",
                           "the", "your", "his", "her", "their", "mum", "dad", "nobody", "no-one", "everyone"],
        questionCodes: ["hostility", "power"],
        counterfactualModals: ["would", "could", "might", "wouldn't", "couldn't", "mightn't", "i'd", "you'd", "he'd",
                               "she'd", "we'd", "they'd", "it'd"],
        counterfactualWords: ["would've", "could've", "might've", "wouldn't've", "couldn't've", "i'd've",
                              "she'd've", "he'd've", "they'd've", "you'd've", "we'd've"],
        counterfactualAdverbs: ["never", "not", "probably", "just", "definitely", "really", "even"],
        notParticiples: [
            "a", "an", "the", "some", "any", "my", "your", "his", "her", "their", "our", "this", "that", "these",
            "those", "it", "them", "him", "me", "us", "you", "to", "no", "one", "more", "enough", "lunch", "tea",
            "dinner", "breakfast", "time", "fun", "words", "word", "kids", "children", "baby", "got",
        ],
        counterfactualCodes: ["hostility", "power"],
        conditionMarkers: ["if", "unless"],
        conditionCodes: ["hostility"],
        clauseEnders: ["but", "because", "cos"],
        speechVerbs: [
            "says", "said", "tells", "told", "asks", "asked", "reckons", "thinks", "thought", "explains", "explained",
            "promises", "promised", "warns", "warned", "texts", "texted", "writes", "wrote", "reports", "reported",
        ],
        listenerVerbs: ["tells", "told", "asks", "asked", "warns", "warned", "promises", "promised", "texts", "texted"],
        roleNouns: [
            "social worker": .worker, "support worker": .worker, "duty worker": .worker, "independent worker": .worker,
            "health visitor": .professional, "police officer": .professional, "head teacher": .professional,
            "team manager": .worker, "duty manager": .worker, "family worker": .worker,
            "personal adviser": .worker, "personal advisor": .worker, "youth worker": .worker, "key worker": .worker,
            "justice worker": .worker, "contact supervisor": .worker, "deputy head": .professional,
            "school nurse": .professional, "young person": .child,
            "worker": .worker, "sw": .worker, "fsw": .worker, "manager": .worker, "practitioner": .worker,
            "caseworker": .worker, "student": .worker, "adviser": .worker, "advisor": .worker, "pa": .worker,
            "supervisor": .worker, "pc": .professional, "senco": .professional, "head": .professional,
            "lad": .child, "yp": .child,
            "mum": .client, "mother": .client, "dad": .client, "father": .client, "parent": .client,
            "parents": .client, "nan": .client, "gran": .client, "grandad": .client, "grandma": .client,
            "grandmother": .client, "grandfather": .client, "stepdad": .client, "stepmum": .client, "carer": .client,
            "aunt": .client, "uncle": .client, "mr": .client, "mrs": .client, "ms": .client, "boyfriend": .client,
            "girlfriend": .client, "partner": .client, "couple": .client,
            "child": .child, "children": .child, "teenager": .child, "teenagers": .child, "son": .child,
            "daughter": .child, "boy": .child, "girl": .child, "toddler": .child, "kids": .child, "twins": .child,
            "chair": .professional, "teacher": .professional, "nurse": .professional, "gp": .professional,
            "doctor": .professional, "police": .professional, "officer": .professional, "solicitor": .professional,
            "midwife": .professional, "judge": .professional, "hv": .professional, "panel": .professional,
            "interviewer": .researcher, "researcher": .researcher, "i": .researcher,
        ],
        nonHumanActors: ["dog", "dogs", "puppy", "puppies", "cat", "cats", "kitten", "baby", "babies", "infant",
                         "newborn", "bird", "birds", "parrot", "budgie", "fox", "foxes", "horse", "pony", "rabbit",
                         "hamster", "alarm", "kettle", "telly", "tv", "radio", "machine", "hoover", "wind", "rain",
                         // Breeds and other pets by name, and toddlers (not parties to the relationship either).
                         "staffie", "staffy", "staffies", "terrier", "terriers", "alsatian", "labrador", "collie",
                         "spaniel", "rottweiler", "husky", "pup", "pups", "kittens", "goat", "goats", "hen", "hens",
                         "chickens", "goose", "geese", "parrots", "budgies", "hamsters", "rabbits", "ferret", "tortoise",
                         "whippet", "whippets", "lurcher", "greyhound", "bulldog", "pug", "poodle", "beagle", "shepherd",
                         "pitbull", "mastiff", "chihuahua", "dachshund", "cockapoo", "cavapoo", "retriever", "doberman",
                         "westie", "yorkie",
                         "toddler", "toddlers"],
        nonHumanSkipWords: [
            "was", "is", "has", "had", "been", "just", "then", "started", "starts", "keeps", "kept", "suddenly",
            "always", "still", "would", "will", "begins", "began", "be", "won't", "constantly", "never", "stops",
            "stopped", "literally",
        ],
        nonHumanCodes: ["hostility"],
        notNames: [
            "the", "a", "an", "she", "he", "they", "it", "when", "as", "at", "after", "before", "without", "according",
            "nobody", "this", "that", "there", "then", "while", "if", "in", "on", "of", "for", "and", "but", "so",
            "we", "you", "her", "his", "their", "our", "my", "your", "one", "two", "three", "both", "all", "every",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "oh", "ok", "okay", "yes", "no", "well", "right", "honestly", "perhaps", "maybe", "with", "from",
            "christmas", "easter", "council", "court", "conference", "social", "services", "police", "school",
        ],
        verbs: [
            "is", "was", "has", "had", "said", "told", "sat", "stood", "took", "went", "came", "gave", "kept", "left",
            "made", "put", "ran", "saw", "spoke", "knew", "felt", "heard", "held", "let", "set", "got", "rang",
            "can", "could", "will", "would", "won't", "can't", "doesn't", "does", "did", "didn't", "isn't", "wasn't",
            "must", "should", "may", "might", "just", "then", "also", "still", "never", "always", "stays",
        ],
        copulas: ["is", "was", "has", "had", "isn't", "wasn't", "does", "doesn't"],
        subjectSkipWords: [
            "was", "is", "has", "had", "just", "then", "kept", "keeps", "started", "starts", "always", "never",
            "suddenly", "literally", "proper",
        ])
}
