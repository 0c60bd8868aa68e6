/// Reads Rapport's own transcript XML (see docs/transcript-xml.md and its RELAX NG schema):
/// `<transcript>` of `<encounter>`s with `<meta>`, `<participant>`, `<turn>` and
/// `<observation>`, notes as `<note>`. Strict: an unknown element is an error with its line.
struct NativeReader {
    let path: String
    let stem: String
    private(set) var warnings: [Diagnostic] = []

    init(path: String, stem: String) {
        self.path = path
        self.stem = stem
    }

    mutating func read(_ root: XMLTree.Element) throws(Diagnostic) -> [EncounterDraft] {
        checkAttributes(root, allowed: ["version"])
        var drafts: [EncounterDraft] = []
        for content in root.children {
            switch content {
            case .text(let text):
                try rejectText(text, in: root)
            case .element(let e):
                guard e.is("encounter", in: nil) else { throw unknown(e, in: root, expected: "<encounter>") }
                drafts.append(try encounter(e))
            }
        }
        return drafts
    }

    private mutating func encounter(_ e: XMLTree.Element) throws(Diagnostic) -> EncounterDraft {
        checkAttributes(e, allowed: ["id", "case", "date", "setting", "kind"])
        var draft = EncounterDraft(id: nonEmpty(e["id"]) ?? stem, line: e.line)
        draft.caseID = nonEmpty(e["case"])
        draft.date = nonEmpty(e["date"]).map { DateText.iso($0) ?? $0 }
        draft.setting = nonEmpty(e["setting"])
        draft.kind = nonEmpty(e["kind"])
        // Participants and metadata first, so turns may come before the declarations.
        for child in e.elements where child.namespace == nil {
            switch child.name {
            case "meta":
                checkAttributes(child, allowed: ["key", "value"])
                guard let key = nonEmpty(child["key"]) else { throw error(child, "<meta> needs a non-empty 'key' attribute") }
                try rejectChildren(child)
                draft.metadata[key.lowercased()] = InlineText.collapsed(child["value"] ?? "")
            case "participant":
                checkAttributes(child, allowed: ["id", "role", "name"])
                guard let id = nonEmpty(child["id"]) else { throw error(child, "<participant> needs a non-empty 'id' attribute") }
                try rejectChildren(child)
                let (participant, warning) = RoleText.participant(label: id, roleText: child["role"], name: child["name"])
                if let warning { warn(child.line, warning) }
                draft.participants.removeAll { $0.label == id }
                draft.participants.append(participant)
            default:
                continue
            }
        }
        var undeclared: Set<String> = []
        for item in e.children {
            guard case .element(let child) = item else {
                if case .text(let text) = item { try rejectText(text, in: e) }
                continue
            }
            guard child.namespace == nil else {
                throw unknown(child, in: e, expected: "<meta>, <participant>, <turn> or <observation>")
            }
            switch child.name {
            case "meta", "participant":
                continue
            case "turn":
                checkAttributes(child, allowed: ["speaker", "time"])
                guard let speaker = nonEmpty(child["speaker"]) else { throw error(child, "<turn> needs a non-empty 'speaker' attribute") }
                var segment = SegmentDraft(kind: .utterance, speaker: speaker, line: child.line,
                                           timestamp: nonEmpty(child["time"]), content: try inlineContent(of: child))
                if let participant = draft.participant(speaker) {
                    segment.role = participant.role
                } else {
                    segment.role = .unknown
                    draft.participants.append(Participant(label: speaker, role: .unknown))
                    if undeclared.insert(speaker).inserted {
                        warn(child.line, "speaker '\(speaker)' has no <participant> in encounter '\(draft.id)'; role 'unknown'")
                    }
                }
                draft.segments.append(segment)
            case "observation":
                checkAttributes(child, allowed: [])
                draft.segments.append(SegmentDraft(kind: .observation, line: child.line, content: try inlineContent(of: child)))
            default:
                throw unknown(child, in: e, expected: "<meta>, <participant>, <turn> or <observation>")
            }
        }
        return draft
    }

    /// Text with `<note>`s, as in `<turn>` and `<observation>`.
    private mutating func inlineContent(of element: XMLTree.Element) throws(Diagnostic) -> InlineText {
        var inline = InlineText()
        for content in element.children {
            switch content {
            case .text(let text):
                inline.append(text)
            case .element(let note):
                guard note.is("note", in: nil) else { throw unknown(note, in: element, expected: "text and <note>") }
                checkAttributes(note, allowed: ["kind"])
                try rejectChildren(note)
                let text = note.text()
                var kind = Note.kind(of: text)
                if let written = note["kind"] {
                    guard let parsed = Note.Kind(rawValue: written.lowercased()) else {
                        throw error(note, "unknown note kind '\(written)'; expected pause, vocal, kinesic, inaudible, incident or comment")
                    }
                    kind = parsed
                }
                if text.isEmpty {
                    guard kind == .pause || note["kind"] != nil else { throw error(note, "empty <note>; give its text or a 'kind'") }
                    inline.appendNote(kind: kind, text: kind.rawValue)
                } else {
                    inline.appendNote(kind: kind, text: text)
                }
            }
        }
        return inline
    }

    // MARK: Checks

    private func nonEmpty(_ value: String?) -> String? {
        guard let value = value.map(InlineText.collapsed), !value.isEmpty else { return nil }
        return value
    }

    private mutating func checkAttributes(_ element: XMLTree.Element, allowed: Set<String>) {
        for key in element.attributes.keys.sorted() where !allowed.contains(key) && !key.hasPrefix("xml:") {
            warn(element.line, "unknown attribute '\(key)' on <\(element.name)> ignored")
        }
    }

    private func rejectChildren(_ element: XMLTree.Element) throws(Diagnostic) {
        if let child = element.elements.first {
            throw unknown(child, in: element, expected: "text only")
        }
    }

    private func rejectText(_ text: String, in element: XMLTree.Element) throws(Diagnostic) {
        if !InlineText.isBlank(text) {
            let sample = InlineText.collapsed(text).prefix(30)
            throw error(element, "text '\(sample)' directly inside <\(element.name)>; put it in a <turn> or <observation>")
        }
    }

    private func unknown(_ element: XMLTree.Element, in parent: XMLTree.Element, expected: String) -> Diagnostic {
        let name = element.namespace.map { "\(element.name)' (namespace \($0))" } ?? "\(element.name)'"
        return error(element, "unknown element '\(name) in <\(parent.name)>; expected \(expected)")
    }

    private func error(_ element: XMLTree.Element, _ message: String) -> Diagnostic {
        Diagnostic(path: path, line: element.line, column: 0, message: message)
    }

    private mutating func warn(_ line: Int, _ message: String) {
        warnings.append(Diagnostic(path: path, line: line, column: 0, severity: .warning, message: message))
    }
}
