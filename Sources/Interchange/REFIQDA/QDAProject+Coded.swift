import Coding
import Transcripts

/// A code of a Rapport codebook (named apart from `QDAProject.Code` and `QDAProject.Coding`).
typealias CodebookCode = Coding.Code

extension QDAProject {
    /// Rapport's export as a project: a user per coder (`rapport` for the automatic coder), the
    /// codebook as nested codes, each transcript as a text source named `sourceNames[i]` (by
    /// default its file name, made unique; never a path) with one coded selection per annotation,
    /// and one case per encounter (its case id, date, setting and kind as variables) that refers
    /// to its source; no uncoded selections, which other tools show as empty codings. Sources,
    /// selections and codings carry their creating user and, when `date` (ISO 8601, UTC) is
    /// given, that creation date. GUIDs are name-based UUIDs of stable keys (path, encounter,
    /// code id, range, coder), so the same input always gives the same project.
    public init(coded: [CodedTranscript], codebook: Codebook, name: String = "Rapport export",
                sourceNames: [String]? = nil, date: String? = nil) {
        self.init(name: name, origin: "Rapport")
        creationDate = date
        let names = sourceNames ?? Self.sourceNames(for: coded.map(\.transcript.path))
        var coderNames = ["rapport"]
        for c in coded {
            for annotation in c.annotations.joined().joined() where !coderNames.contains(annotation.coder) {
                coderNames.append(annotation.coder)
            }
        }
        users = coderNames.map { User(guid: Self.guid(user: $0), name: $0) }
        creatingUser = users.first?.guid

        var known: Set<String> = []
        codes = codebook.codes.map { Self.code($0, inheritedColour: nil, known: &known) }
        for c in coded {
            for annotation in c.annotations.joined().joined() where !known.contains(annotation.code) {
                known.insert(annotation.code)
                codes.append(Code(guid: Self.guid(code: annotation.code), name: annotation.code, isCodable: true,
                                  colour: nil, description: Self.description(of: nil, id: annotation.code), children: []))
            }
        }

        let variableNames = ["Case", "Date", "Setting", "Kind"]
        variables = variableNames.map { Variable(guid: NameBasedUUID.guid("variable:" + $0), name: $0, type: "Text") }

        for (c, sourceName) in zip(coded, names) {
            let transcript = c.transcript
            let sourceGUID = Self.guid(source: transcript.path)
            var source = TextSource(guid: sourceGUID, name: sourceName, plainTextPath: "internal://\(sourceGUID).txt",
                                    text: transcript.text, selections: [], codings: [], creatingUser: creatingUser,
                                    creationDate: date)
            let scalars = Array(transcript.text.unicodeScalars)
            var seen: [String: Int] = [:]
            for (e, encounter) in transcript.encounters.enumerated() {
                let key = "\(transcript.path)#\(e)#\(encounter.id)"
                let values = [encounter.caseID, encounter.date, encounter.setting, encounter.kind]
                cases.append(Case(
                    guid: NameBasedUUID.guid("case:" + key), name: encounter.id,
                    description: "Encounter \(encounter.id) in \(sourceName)",
                    values: zip(variables, values).compactMap { variable, value in
                        value.flatMap { $0.isEmpty ? nil : VariableValue(variableGUID: variable.guid, text: $0) }
                    },
                    sourceGUIDs: [sourceGUID], selectionGUIDs: []))
                for (s, segment) in encounter.segments.enumerated() {
                    for annotation in c.annotations[e][s] {
                        var selectionKey = "\(key)#\(segment.index)#\(annotation.start)-\(annotation.end)#\(annotation.code)#\(annotation.coder)"
                        let occurrence = seen[selectionKey, default: 0]
                        seen[selectionKey] = occurrence + 1
                        if occurrence > 0 { selectionKey += "#\(occurrence)" }
                        let userGUID = Self.guid(user: annotation.coder)
                        let lo = max(0, min(annotation.start, scalars.count)), hi = max(lo, min(annotation.end, scalars.count))
                        source.selections.append(Selection(
                            guid: NameBasedUUID.guid("selection:" + selectionKey),
                            name: Self.excerpt(scalars[lo..<hi]), start: annotation.start, end: annotation.end,
                            creatingUser: userGUID, description: annotation.evidence.map(Self.description(of:)),
                            codings: [Coding(guid: NameBasedUUID.guid("coding:" + selectionKey),
                                             codeGUID: Self.guid(code: annotation.code), creatingUser: userGUID,
                                             creationDate: date)],
                            creationDate: date))
                    }
                }
            }
            sources.append(source)
        }
    }

    /// Source names for transcripts at `paths`: each file's name without its folders (which
    /// often name families), made unique with ` (2)`, ` (3)` … on clashes.
    public static func sourceNames(for paths: [String]) -> [String] {
        var used: Set<String> = []
        return paths.map { path in
            let base = path.split(separator: "/").last.map(String.init) ?? path
            var name = base.isEmpty ? "transcript" : base
            var n = 1
            while used.contains(name.lowercased()) {
                n += 1
                name = Self.numbered(base, n)
            }
            used.insert(name.lowercased())
            return name
        }
    }

    /// Pseudonymous source names (`Transcript 1` …) in input order, for `--pseudonymise`.
    public static func pseudonymousSourceNames(count: Int) -> [String] {
        (0..<count).map { "Transcript \($0 + 1)" }
    }

    /// `visit.txt`, 2 → `visit (2).txt`.
    private static func numbered(_ name: String, _ n: Int) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "\(name) (\(n))" }
        return "\(name[..<dot]) (\(n))\(name[dot...])"
    }

    static func guid(user name: String) -> String { NameBasedUUID.guid("user:" + name) }
    static func guid(code id: String) -> String { NameBasedUUID.guid("code:" + id) }
    static func guid(source path: String) -> String { NameBasedUUID.guid("source:" + path) }

    private static func code(_ code: CodebookCode, inheritedColour: String?, known: inout Set<String>) -> Code {
        known.insert(code.id)
        let colour = code.colour.flatMap(Self.colour) ?? inheritedColour
        return Code(guid: guid(code: code.id), name: code.name, isCodable: true, colour: colour,
                    description: description(of: code, id: code.id),
                    children: code.children.map { Self.code($0, inheritedColour: colour, known: &known) })
    }

    /// `#RRGGBB` upper-cased (`#rgb` expanded), or nil when `text` is not a hex colour.
    static func colour(_ text: String) -> String? {
        var digits = Array(text.trimmingSpaces())
        guard digits.first == "#" else { return nil }
        digits.removeFirst()
        guard digits.allSatisfy(\.isHexDigit), digits.count == 6 || digits.count == 3 else { return nil }
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        return "#" + String(digits).uppercased()
    }

    /// The definition, when to use it and not, examples, and the Rapport code id (so an import
    /// finds the code again whatever a tool does to names and GUIDs).
    static func description(of code: CodebookCode?, id: String) -> String {
        var lines: [String] = []
        if let text = code?.definition?.trimmingSpaces(), !text.isEmpty { lines.append("Definition: " + text) }
        if let text = code?.useWhen?.trimmingSpaces(), !text.isEmpty { lines.append("Use when: " + text) }
        if let text = code?.doNotUseWhen?.trimmingSpaces(), !text.isEmpty { lines.append("Do not use when: " + text) }
        if let examples = code?.examples, !examples.isEmpty {
            lines.append("Examples:")
            lines += examples.map { "- " + $0.trimmingSpaces() }
        }
        lines.append(rapportCodePrefix + id)
        return lines.joined(separator: "\n")
    }

    /// Marks the line of a code's description that names its Rapport code id.
    static let rapportCodePrefix = "Rapport code: "

    /// The evidence of an automatic code, one `key: value` line each.
    static func description(of evidence: Evidence) -> String {
        ["cue: " + evidence.cue, "rule: " + evidence.rule, "matched: " + evidence.matched,
         "negation: " + evidence.negation, "actor: " + evidence.actor].joined(separator: "\n")
    }

    /// Up to 60 characters of the selected text on one line, for tools that list selections.
    static func excerpt(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String(String.UnicodeScalarView(scalars))
        text = String(text.map { $0.isNewline ? " " : $0 })
        guard text.count > 60 else { return text }
        return String(text.prefix(59)) + "…"
    }
}

extension String {
    /// Without leading and trailing whitespace and newlines.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
