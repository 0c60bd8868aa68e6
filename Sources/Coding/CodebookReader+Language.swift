import Transcripts
import Yams

/// Reads a codebook's `language:` section into a `Language`, starting from `Language.english`.
/// Every list is either a YAML list, which replaces the default, or a mapping `{add: […],
/// remove: […]}`, which edits it; so "cannae" or a speech verb is added without restating the rest.
extension CodebookReader {
    /// What an entry of a list must be.
    enum EntryKind {
        /// One word as the tokenizer reads it ("didn't", "no-one").
        case word
        /// One or more words ("rather than").
        case phrase
        /// One or two words (role nouns: "mum", "social worker").
        case noun
        /// The end of a word ("n't").
        case ending
        /// The id of a top-level code of this codebook.
        case code
    }

    static let editKeys: Set<String> = ["add", "remove"]

    /// The language a `language:` node describes; `codes` are the codebook's top-level ids. The
    /// settings and their kinds come from `LanguageList.all`.
    mutating func language(_ node: Node, codes: Set<String>) -> Language {
        var language = Language.english
        let topLevel = LanguageList.topLevelKeys
        guard let mapping = node.mapping else {
            error("'language' must be a mapping (\(topLevel.joined(separator: ", ")))", at: node)
            return language
        }
        checkKeys(mapping, allowed: Set(topLevel), what: "language")
        var sections: [String: Node.Mapping] = [:]
        for name in Set(LanguageList.all.compactMap(\.section)).sorted() {
            guard let node = mapping[name] else { continue }
            let keys = LanguageList.keys(of: name)
            guard let inner = node.mapping else {
                error("'\(name)' must be a mapping with \(keys.sorted().joined(separator: ", "))", at: node)
                continue
            }
            checkKeys(inner, allowed: Set(keys), what: "language.\(name)")
            sections[name] = inner
        }
        func written(_ setting: LanguageList) -> Node? {
            guard let section = setting.section else { return mapping[setting.key] }
            return sections[section]?[setting.key]
        }
        for setting in LanguageList.all {
            guard let value = written(setting) else { continue }
            switch setting.value {
            case .words(let property, let kind):
                language[keyPath: property] = list(value, key: setting.path, default: language[keyPath: property],
                                                   kind: kind, codes: codes)
            case .window:
                if let n = value.int, (1...20).contains(n) { language.negationWindow = n } else {
                    error("'\(setting.path)' must be a whole number of words from 1 to 20", at: value)
                }
            case .roleNouns:
                language.roleNouns = roleNouns(value, default: language.roleNouns)
            }
        }
        checkPseudoNegations(sections["negation"]?["pseudo-triggers"], language: language)
        if let listeners = mapping["listener-verbs"] {
            for verb in language.listenerVerbs.sorted() where !language.speechVerbs.contains(verb) {
                warning("listener verb '\(verb)' has no effect unless it is also in 'speech-verbs'", at: listeners)
            }
        }
        return language
    }

    /// A list that replaces `defaults` (a YAML list) or edits it (`{add: […], remove: […]}`).
    mutating func list(
        _ node: Node?, key: String, default defaults: Set<String>, kind: EntryKind, codes: Set<String>
    ) -> Set<String> {
        var written: [String: Node] = [:]
        return list(node, key: key, default: defaults, kind: kind, codes: codes, written: &written)
    }

    /// `list(_:key:default:kind:codes:)`, also giving the node of each entry the codebook wrote.
    mutating func list(
        _ node: Node?, key: String, default defaults: Set<String>, kind: EntryKind, codes: Set<String>,
        written: inout [String: Node]
    ) -> Set<String> {
        guard let node else { return defaults }
        if node.sequence != nil {
            let list = entries(node, key: key, kind: kind, codes: codes)
            for entry in list { written[entry.text] = entry.node }
            return Set(list.map(\.text))
        }
        guard let mapping = node.mapping else {
            error("'\(key)' must be a list (replacing the default) or a mapping with 'add' and/or 'remove'"
                    + " (editing it); write [\(node.string ?? "")] for a one-entry list", at: node)
            return defaults
        }
        checkKeys(mapping, allowed: Self.editKeys, what: key)
        var out = defaults
        for entry in entries(mapping["add"], key: key + ".add", kind: kind, codes: codes) {
            written[entry.text] = entry.node
            if !out.insert(entry.text).inserted {
                warning("'\(entry.text)' is already in '\(key)'", at: entry.node)
            }
        }
        for entry in entries(mapping["remove"], key: key + ".remove", kind: kind, codes: codes) {
            if out.remove(entry.text) == nil {
                warning("'\(entry.text)' is not in '\(key)'; nothing to remove", at: entry.node)
            }
        }
        return out
    }

    /// The entries of a YAML list, normalised (lower case, straight apostrophes, single spaces) and
    /// checked against `kind`; bad, empty and repeated entries are reported and left out.
    mutating func entries(_ node: Node?, key: String, kind: EntryKind, codes: Set<String>) -> [(text: String, node: Node)] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            error("'\(key)' must be a list", at: node)
            return []
        }
        var out: [(text: String, node: Node)] = []
        var seen: Set<String> = []
        for item in sequence {
            guard let raw = item.scalar?.string else {
                error("an entry of '\(key)' must be a word or phrase, not a list or mapping", at: item)
                continue
            }
            guard let text = entry(raw, key: key, kind: kind, codes: codes, at: item) else { continue }
            if !seen.insert(text).inserted {
                warning("'\(text)' appears twice in '\(key)'", at: item)
                continue
            }
            out.append((text, item))
        }
        return out
    }

    /// One entry checked against `kind`, or nil after reporting why it cannot be used.
    mutating func entry(_ raw: String, key: String, kind: EntryKind, codes: Set<String>, at node: Node) -> String? {
        let trimmed = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !trimmed.isEmpty else {
            error("empty entry in '\(key)'", at: node)
            return nil
        }
        switch kind {
        case .code:
            guard codes.contains(trimmed) else {
                error("'\(trimmed)' in '\(key)' is not a top-level code of this codebook (\(codes.sorted().joined(separator: ", ")))",
                      at: node)
                return nil
            }
            return trimmed
        case .ending:
            let text = Self.normalisedApostrophes(trimmed.lowercased())
            guard !text.contains(" ") else {
                error("'\(trimmed)' in '\(key)' is a word ending and cannot contain spaces", at: node)
                return nil
            }
            return text
        case .word, .phrase, .noun:
            let tokens = Tokenizer.tokenize(trimmed)
            let words = tokens.filter { $0.kind == .word }.map(\.text)
            guard words.count == tokens.count, !words.isEmpty else {
                error("'\(trimmed)' in '\(key)' is not made of words (punctuation splits or ends a clause)", at: node)
                return nil
            }
            if kind == .word && words.count > 1 {
                error("'\(trimmed)' in '\(key)' is \(words.count) words; '\(key)' takes single words", at: node)
                return nil
            }
            if kind == .noun && words.count > 2 {
                error("'\(trimmed)' in '\(key)' is \(words.count) words; role nouns are one or two words", at: node)
                return nil
            }
            // People and animals are looked up with a possessive 's removed ("the dog's bark").
            if key.hasPrefix("role-nouns") || key.hasPrefix("non-human.actors"), let last = words.last,
               last.hasSuffix("'s") {
                warning("'\(trimmed)' in '\(key)' can never match: a possessive 's is removed before "
                            + "look-up; write '\(last.dropLast(2))'", at: node)
            }
            return words.joined(separator: " ")
        }
    }

    /// `role-nouns: {worker: …, client: …}`: per role, a list or an `add`/`remove` edit of the
    /// default nouns of that role. A noun may name one role only.
    mutating func roleNouns(_ node: Node, default defaults: [String: Role]) -> [String: Role] {
        guard let mapping = node.mapping else {
            error("'role-nouns' must be a mapping from roles (\(Role.allCases.map(\.rawValue).joined(separator: ", "))) "
                    + "to lists of nouns", at: node)
            return defaults
        }
        var byRole: [Role: Set<String>] = [:]
        for (noun, role) in defaults { byRole[role, default: []].insert(noun) }
        var nodes: [Role: Node] = [:]
        var written: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            guard let role = Role(rawValue: name) else {
                error("unknown role '\(name)' in 'role-nouns' (use \(Role.allCases.map(\.rawValue).joined(separator: ", ")))",
                      at: key)
                continue
            }
            byRole[role] = list(value, key: "role-nouns.\(name)", default: byRole[role] ?? [], kind: .noun, codes: [],
                                written: &written)
            nodes[role] = value
        }
        var out: [String: Role] = [:]
        // Roles the codebook edits first, so a noun it adds and a default elsewhere is reported there.
        let order = Role.allCases.sorted { (nodes[$0] != nil ? 0 : 1, $0.rawValue) < (nodes[$1] != nil ? 0 : 1, $1.rawValue) }
        for role in order {
            for noun in (byRole[role] ?? []).sorted() {
                if let other = out[noun] {
                    error("role noun '\(noun)' is listed under both '\(other.rawValue)' and '\(role.rawValue)'; "
                            + "remove it from one", at: written[noun] ?? nodes[role] ?? nodes[other] ?? node)
                    continue
                }
                out[noun] = role
            }
        }
        return out
    }

    /// A pseudo-negation that holds no trigger word changes nothing: say so.
    mutating func checkPseudoNegations(_ node: Node?, language: Language) {
        guard let node else { return }
        let triggers = language.negationTriggers.flatMap { $0.split(separator: " ").map(String.init) }
        for phrase in language.pseudoNegations.sorted() {
            let words = phrase.split(separator: " ").map(String.init)
            let holds = words.contains { word in
                triggers.contains(word) || language.negationSuffixes.contains { word.hasSuffix($0) }
            }
            if !holds { warning("pseudo-trigger '\(phrase)' holds no negation trigger and changes nothing", at: node) }
        }
    }

    static func normalisedApostrophes(_ text: String) -> String {
        String(text.map { "\u{2019}\u{2018}\u{02BC}".contains($0) ? "'" : $0 })
    }
}
