import Foundation
import Transcripts
import Yams

extension Codebook {
    /// The default relationship codebook (hostility, empathy, acceptance, power), embedded in the
    /// binary so `rapport` works from any folder without `--codebook`.
    public static func relationship() -> Codebook {
        let yaml = relationshipYAML
        // The embedded codebook is tested to load; a failure here is a build defect.
        do throws(Diagnostic) {
            return try load(yaml: yaml, source: "relationship.yaml")
        } catch {
            fatalError("embedded codebook does not load: \(error)")
        }
    }

    /// The text of the default codebook, so a project can keep the exact version it was coded with.
    public static var relationshipYAML: String { String(decoding: PackageResources.relationship_yaml, as: UTF8.self) }

    /// Reads a codebook file (YAML); throws the first error as `path:line:col: error: …`.
    public static func load(path: String) throws(Diagnostic) -> Codebook {
        let bytes = try TranscriptLoader.readBytes(path)
        guard let yaml = String(validating: bytes, as: UTF8.self) else {
            throw Diagnostic(path: path, line: 1, column: 1, message: "codebook is not valid UTF-8")
        }
        return try load(yaml: yaml, source: path)
    }

    /// Parses codebook YAML; throws the first error found.
    public static func load(yaml: String, source: String) throws(Diagnostic) -> Codebook {
        let result = CodebookReader.read(yaml: yaml, source: source)
        if let error = result.diagnostics.first(where: { $0.severity == .error }) { throw error }
        guard let codebook = result.codebook else {
            throw Diagnostic(path: source, line: 1, column: 1, message: "empty codebook")
        }
        return codebook
    }

    /// Every problem in a codebook file: errors (unknown keys, duplicate ids, cues that can never
    /// match) and warnings (codes without definitions or cues, duplicate cues).
    public static func lint(yaml: String, source: String) -> [Diagnostic] {
        CodebookReader.read(yaml: yaml, source: source).diagnostics
    }
}

/// Walks the YAML node tree, keeping every node's line and column for error messages.
struct CodebookReader {
    var source: String
    var diagnostics: [Diagnostic] = []
    var ids: [String: Int] = [:]

    static let codebookKeys: Set<String> = ["name", "description", "version", "codes", "language"]
    static let codeKeys: Set<String> = [
        "id", "name", "definition", "use-when", "do-not-use-when", "examples", "colour", "color", "cues", "codes", "roles",
    ]
    static let cueKeys: Set<String> = ["phrase", "negation", "roles", "kinds", "weight", "unless"]

    static func read(yaml: String, source: String) -> (codebook: Codebook?, diagnostics: [Diagnostic]) {
        var reader = CodebookReader(source: source)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return (nil, [reader.diagnostic(for: error)])
        } catch {
            return (nil, [Diagnostic(path: source, line: 1, column: 1, message: "\(error)")])
        }
        guard let root, let mapping = root.mapping else {
            reader.error("a codebook is a mapping with 'name' and 'codes'", at: root)
            return (nil, reader.diagnostics)
        }
        reader.checkKeys(mapping, allowed: codebookKeys, what: "codebook")
        var codes: [Code] = []
        if let list = mapping["codes"] {
            guard let sequence = list.sequence else {
                reader.error("'codes' must be a list", at: list)
                return (nil, reader.diagnostics)
            }
            for node in sequence { if let code = reader.code(node, parent: nil) { codes.append(code) } }
        } else {
            reader.error("codebook has no 'codes'", at: root)
        }
        var codebook = Codebook(name: mapping["name"]?.string ?? source, description: mapping["description"]?.string,
                                codes: codes, source: source)
        if let language = mapping["language"] { codebook.language = reader.language(language, codes: Set(codes.map(\.id))) }
        reader.diagnostics.sort { ($0.line, $0.column) < ($1.line, $1.column) }
        return (codebook, reader.diagnostics)
    }

    mutating func code(_ node: Node, parent: String?) -> Code? {
        guard let mapping = node.mapping else {
            error("a code is a mapping with at least 'id' and 'name'", at: node)
            return nil
        }
        checkKeys(mapping, allowed: Self.codeKeys, what: "code")
        guard let idNode = mapping["id"], let id = idNode.string, !id.isEmpty else {
            error("code has no 'id'", at: node)
            return nil
        }
        let line = node.mark?.line ?? 0
        if let parent, !id.hasPrefix(parent + ".") {
            error("sub-code id '\(id)' must start with its parent's id '\(parent).'", at: idNode)
        }
        if parent == nil && id.contains(".") {
            error("top-level code id '\(id)' must not contain '.'", at: idNode)
        }
        if let previous = ids[id] {
            error("duplicate code id '\(id)' (first defined on line \(previous))", at: idNode)
        } else {
            ids[id] = line
        }
        var code = Code(id: id, name: mapping["name"]?.string ?? id, line: line)
        if mapping["name"] == nil { error("code '\(id)' has no 'name'", at: node) }
        code.definition = mapping["definition"]?.string
        if code.definition?.isEmpty ?? true { warning("code '\(id)' has no definition", at: node) }
        code.useWhen = mapping["use-when"]?.string
        code.doNotUseWhen = mapping["do-not-use-when"]?.string
        code.examples = strings(mapping["examples"], what: "examples")
        if let colourNode = mapping["colour"] ?? mapping["color"] {
            let colour = colourNode.string ?? ""
            if Self.isColour(colour) { code.colour = colour.uppercased() } else {
                error("colour '\(colour)' is not of the form #RRGGBB", at: colourNode)
            }
        }
        code.roles = roles(mapping["roles"])
        if let cues = mapping["cues"] {
            guard let sequence = cues.sequence else {
                error("'cues' must be a list", at: cues)
                return code
            }
            var phrases: Set<String> = []
            for (n, cueNode) in sequence.enumerated() {
                guard var cue = cue(cueNode) else { continue }
                cue.rule = "\(id)#\(n + 1)"
                if !phrases.insert(cue.phrase.lowercased()).inserted {
                    warning("cue '\(cue.phrase)' appears twice in '\(id)'", at: cueNode)
                }
                code.cues.append(cue)
            }
        }
        if let children = mapping["codes"] {
            if let sequence = children.sequence {
                for child in sequence { if let c = self.code(child, parent: id) { code.children.append(c) } }
            } else {
                error("'codes' must be a list", at: children)
            }
        }
        return code
    }

    mutating func cue(_ node: Node) -> Cue? {
        var cue: Cue
        if let phrase = node.scalar?.string {
            cue = Cue(phrase: phrase)
        } else if let mapping = node.mapping {
            checkKeys(mapping, allowed: Self.cueKeys, what: "cue")
            guard let phrase = mapping["phrase"]?.string else {
                error("cue has no 'phrase'", at: node)
                return nil
            }
            cue = Cue(phrase: phrase)
            if let negation = mapping["negation"] {
                if let rule = negation.string.flatMap(Cue.NegationRule.init(rawValue:)) { cue.negation = rule } else {
                    error("negation must be one of cancels, ignores, requires", at: negation)
                }
            }
            cue.roles = roles(mapping["roles"])
            for kind in strings(mapping["kinds"], what: "kinds") {
                if let k = Segment.Kind(rawValue: kind) { cue.kinds.insert(k) } else {
                    error("unknown segment kind '\(kind)' (use utterance or observation)", at: mapping["kinds"])
                }
            }
            cue.unless = strings(mapping["unless"], what: "unless")
            for phrase in cue.unless {
                if case .failure(let problem) = CuePattern.compile(phrase) {
                    error("'unless' phrase can never match: \(problem.message)", at: mapping["unless"])
                }
            }
            if let weight = mapping["weight"] {
                if let w = weight.float, w > 0, w <= 1 { cue.weight = w } else {
                    error("weight must be a number above 0 and at most 1", at: weight)
                }
            }
        } else {
            error("a cue is a phrase or a mapping with 'phrase'", at: node)
            return nil
        }
        cue.line = node.mark?.line ?? 0
        cue.column = node.mark?.column ?? 0
        if cue.phrase.trimmingCharacters(in: .whitespaces).isEmpty {
            error("cue is an empty string", at: node)
            return nil
        }
        if case .failure(let problem) = CuePattern.compile(cue.phrase) {
            error("cue can never match: \(problem.message)", at: node)
            return nil
        }
        return cue
    }

    mutating func roles(_ node: Node?) -> Set<Role> {
        var out: Set<Role> = []
        for name in strings(node, what: "roles") {
            if let role = Role(rawValue: name) { out.insert(role) } else {
                error("unknown role '\(name)' (use \(Role.allCases.map(\.rawValue).joined(separator: ", ")))", at: node)
            }
        }
        return out
    }

    mutating func strings(_ node: Node?, what: String) -> [String] {
        guard let node else { return [] }
        if let s = node.scalar?.string { return [s] }
        guard let sequence = node.sequence else {
            error("'\(what)' must be a list", at: node)
            return []
        }
        return sequence.compactMap { $0.string }
    }

    mutating func checkKeys(_ mapping: Node.Mapping, allowed: Set<String>, what: String) {
        for (key, _) in mapping {
            guard let name = key.string else { continue }
            if !allowed.contains(name) {
                let hint = Self.closest(name, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                error("unknown key '\(name)' in \(what)\(hint)", at: key)
            }
        }
    }

    static func closest(_ word: String, in candidates: Set<String>) -> String? {
        candidates.sorted().first { $0.hasPrefix(word) || word.hasPrefix($0) }
    }

    static func isColour(_ s: String) -> Bool {
        s.count == 7 && s.hasPrefix("#") && s.dropFirst().allSatisfy(\.isHexDigit)
    }

    mutating func error(_ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(path: source, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0,
                                      severity: .error, message: message))
    }

    mutating func warning(_ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(path: source, line: node?.mark?.line ?? 0, column: node?.mark?.column ?? 0,
                                      severity: .warning, message: message))
    }

    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(path: source, line: mark.line, column: mark.column, message: "YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(path: source, line: context.mark.line, column: context.mark.column,
                              message: "duplicate keys: \(duplicates.joined(separator: ", "))")
        default:
            return Diagnostic(path: source, line: 1, column: 1, message: "YAML: \(error)")
        }
    }
}
