import Transcripts

/// A codebook made ready for matching: every cue compiled, with an index from the words a cue
/// can start with to the cues, so a segment is matched in one pass over its tokens.
struct CompiledCodebook: Sendable {
    struct Entry: Sendable {
        var cue: Cue
        var code: String
        var topLevel: String
        var pattern: CuePattern
        var roles: Set<Role>
        var unless: [CuePattern]
    }

    var entries: [Entry] = []
    var byFirstWord: [String: [Int]] = [:]
    var byPrefix: [(prefix: String, entry: Int)] = []

    init(_ codebook: Codebook) {
        func visit(_ code: Code, inheritedRoles: Set<Role>) {
            let roles = code.roles.isEmpty ? inheritedRoles : code.roles
            for cue in code.cues {
                guard case .success(let pattern) = CuePattern.compile(cue.phrase) else { continue }
                let index = entries.count
                let unless = cue.unless.compactMap { try? CuePattern.compile($0).get() }
                entries.append(Entry(cue: cue, code: code.id, topLevel: code.topLevelID, pattern: pattern,
                                     roles: cue.roles.isEmpty ? roles : cue.roles, unless: unless))
                let start = pattern.startWords
                for word in start.words { byFirstWord[word, default: []].append(index) }
                for prefix in start.prefixes { byPrefix.append((prefix, index)) }
            }
            for child in code.children { visit(child, inheritedRoles: roles) }
        }
        for code in codebook.codes { visit(code, inheritedRoles: []) }
        byPrefix.sort { $0.prefix < $1.prefix }
    }

    /// Indices of the entries that may start at a word.
    func candidates(for word: String) -> [Int] {
        var out = byFirstWord[word] ?? []
        for (prefix, entry) in byPrefix where word.hasPrefix(prefix) { out.append(entry) }
        return out
    }
}
