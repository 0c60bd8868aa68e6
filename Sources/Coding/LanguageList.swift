/// One setting of a codebook's `language:` section: where it stands in the YAML (a key directly
/// under `language:`, or a key of one of its sections) and the `Language` property it sets. The
/// reader, the printer (`rapport codebook language`) and Codebooks/README.md follow this table.
struct LanguageList: Sendable {
    enum Value: Sendable {
        /// A list of entries of one kind.
        case words(WritableKeyPath<Language, Set<String>> & Sendable, CodebookReader.EntryKind)
        /// `negation.window`, a number of words.
        case window
        /// `role-nouns`, per role a list of nouns.
        case roleNouns
    }

    /// The section under `language:` holding the key, or nil for a key directly under it.
    var section: String?
    var key: String
    var value: Value

    /// The key as lint messages name it ("negation.triggers").
    var path: String { section.map { $0 + "." + key } ?? key }

    init(_ section: String?, _ key: String, _ value: Value) {
        self.section = section
        self.key = key
        self.value = value
    }

    init(_ section: String?, _ key: String, _ property: WritableKeyPath<Language, Set<String>> & Sendable,
         _ kind: CodebookReader.EntryKind) {
        self.init(section, key, .words(property, kind))
    }

    /// Every setting, in the order they are read and printed.
    static let all: [LanguageList] = [
        LanguageList("negation", "triggers", \.negationTriggers, .phrase),
        LanguageList("negation", "pseudo-triggers", \.pseudoNegations, .phrase),
        LanguageList("negation", "endings", \.negationSuffixes, .ending),
        LanguageList("negation", "scope-breakers", \.scopeBreakers, .word),
        LanguageList("negation", "window", .window),
        LanguageList("negation", "disclaimer-subjects", \.disclaimerSubjects, .word),
        LanguageList("questions", "auxiliaries", \.questionAuxiliaries, .word),
        LanguageList("questions", "openers", \.questionOpeners, .word),
        LanguageList("questions", "subjects", \.questionSubjects, .word),
        LanguageList("questions", "codes", \.questionCodes, .code),
        LanguageList("counterfactuals", "modals", \.counterfactualModals, .word),
        LanguageList("counterfactuals", "words", \.counterfactualWords, .word),
        LanguageList("counterfactuals", "adverbs", \.counterfactualAdverbs, .word),
        LanguageList("counterfactuals", "not-participles", \.notParticiples, .word),
        LanguageList("counterfactuals", "codes", \.counterfactualCodes, .code),
        LanguageList("conditions", "markers", \.conditionMarkers, .word),
        LanguageList("conditions", "codes", \.conditionCodes, .code),
        LanguageList(nil, "clause-enders", \.clauseEnders, .word),
        LanguageList(nil, "speech-verbs", \.speechVerbs, .word),
        LanguageList(nil, "listener-verbs", \.listenerVerbs, .word),
        LanguageList(nil, "role-nouns", .roleNouns),
        LanguageList("non-human", "actors", \.nonHumanActors, .word),
        LanguageList("non-human", "skip-words", \.nonHumanSkipWords, .word),
        LanguageList("non-human", "codes", \.nonHumanCodes, .code),
        LanguageList("actors", "not-names", \.notNames, .word),
        LanguageList("actors", "verbs", \.verbs, .word),
        LanguageList("actors", "copulas", \.copulas, .word),
        LanguageList("actors", "subject-skip-words", \.subjectSkipWords, .word),
    ]

    /// The keys directly under `language:`, in order (sections and lists).
    static var topLevelKeys: [String] {
        var out: [String] = []
        for list in all where !out.contains(list.section ?? list.key) { out.append(list.section ?? list.key) }
        return out
    }

    /// The keys of `section`, in order.
    static func keys(of section: String) -> [String] {
        all.filter { $0.section == section }.map(\.key)
    }
}
