/// The word lists behind the coder's linguistic checks: what counts as a question, a modal or
/// counterfactual, a hypothetical condition, and a non-human or infant actor, and which codes
/// these checks apply to. `Language.english` is what the shipped codebook uses.
public struct Language: Hashable, Sendable {
    /// Auxiliaries that open a yes/no question about an event ("Did he …?", "Has anyone …?").
    public var questionAuxiliaries: Set<String>
    /// Words that may open a question before the auxiliary ("why did he …", "so has anyone …").
    public var questionOpeners: Set<String>
    /// Subjects that may follow a question's auxiliary.
    public var questionSubjects: Set<String>
    /// Modals that, followed by "have", make a counterfactual ("she'd have hung up").
    public var counterfactualModals: Set<String>
    /// Contracted modal perfects written as one word ("would've").
    public var counterfactualWords: Set<String>
    /// Conjunctions that open a condition ("if he comes back …").
    public var conditionMarkers: Set<String>
    /// Animals and infants: a coded act whose subject is one of these is not relational.
    public var nonHumanActors: Set<String>
    /// Top-level codes that a question or a counterfactual cancels (an act asked about or
    /// imagined is not the act).
    public var actCodes: Set<String>
    /// Top-level codes that a hypothetical condition ("if he shouts at you, …") or a non-human
    /// subject cancels.
    public var conditionCodes: Set<String>
    public var nonHumanCodes: Set<String>

    /// English as the default codebook is written for (UK social-work talk).
    public static let english = Language(
        questionAuxiliaries: ["did", "didn't", "has", "hasn't", "have", "haven't", "had", "was", "wasn't", "were",
                              "weren't", "does", "doesn't"],
        questionOpeners: ["and", "so", "but", "oh", "ok", "okay", "right", "well", "erm", "um", "now", "then",
                          "why", "when", "where", "how", "what", "sorry", "just"],
        questionSubjects: ["he", "she", "they", "you", "anyone", "anybody", "someone", "somebody", "it", "we", "i",
                           "the", "your", "his", "her", "their", "mum", "dad", "nobody", "no-one", "everyone"],
        counterfactualModals: ["would", "could", "might", "wouldn't", "couldn't", "mightn't", "i'd", "you'd", "he'd",
                               "she'd", "we'd", "they'd", "it'd"],
        counterfactualWords: ["would've", "could've", "might've", "wouldn't've", "couldn't've", "i'd've",
                              "she'd've", "he'd've", "they'd've", "you'd've", "we'd've"],
        conditionMarkers: ["if", "unless"],
        nonHumanActors: ["dog", "dogs", "puppy", "puppies", "cat", "cats", "kitten", "baby", "babies", "infant",
                         "newborn", "bird", "birds", "parrot", "budgie", "fox", "foxes", "horse", "pony", "rabbit",
                         "hamster", "alarm", "kettle", "telly", "tv", "radio", "machine", "hoover", "wind", "rain"],
        actCodes: ["hostility", "power"],
        conditionCodes: ["hostility"],
        nonHumanCodes: ["hostility"])
}
