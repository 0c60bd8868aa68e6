/// Walks the `<text>` of one `<TEI>`, turning its body into encounter drafts: encounter
/// divisions start encounters, content outside them forms an encounter of its own (id from the
/// `<TEI>`), turns and paragraphs become segments, and notes between turns become observation
/// segments holding just the note. Recursion is bounded by the tree's depth limit.
struct TEITextReader {
    let path: String
    let ns: String?
    let header: TEIHeader
    let timeline: TEITimeline
    /// Id for content outside encounter divisions, and prefix for divisions without ids.
    let baseID: String
    /// Line of the `<TEI>`, for an encounter with no content.
    let line: Int

    /// Participants of the header, resolved once.
    private let declared: [String: Participant]
    private(set) var headerWarnings: [Diagnostic] = []
    private var warnings: [Diagnostic] = []
    private var drafts: [EncounterDraft] = []

    private enum State { case none, loose, division }
    private var state = State.none
    private var draft: EncounterDraft
    private var undeclaredWarned: Set<String> = []
    private var divisions = 0

    init(path: String, ns: String?, header: TEIHeader, timeline: TEITimeline, baseID: String, line: Int) {
        self.path = path
        self.ns = ns
        self.header = header
        self.timeline = timeline
        self.baseID = baseID
        self.line = line
        self.draft = EncounterDraft(id: baseID, line: line)
        var declared: [String: Participant] = [:]
        for person in header.knownPersons where declared[person.id] == nil {
            let (participant, warning) = RoleText.participant(label: person.id, roleText: person.roleText, name: person.name)
            declared[person.id] = participant
            if let warning {
                headerWarnings.append(Diagnostic(path: path, line: person.line, column: 0, severity: .warning, message: warning))
            }
        }
        self.declared = declared
    }

    /// The drafts read, and warnings about the text.
    mutating func finish() -> ([EncounterDraft], [Diagnostic]) {
        close()
        if drafts.isEmpty { drafts.append(makeDraft(id: baseID, line: line, setting: nil)) }
        return (drafts, warnings)
    }

    mutating func readText(_ text: XMLTree.Element, depth: Int) {
        guard depth < 16 else { return }
        for e in text.elements where e.namespace == ns {
            if e.name == "body" {
                block(e)
            } else if e.name == "group" {
                for inner in e.children("text", in: ns) { readText(inner, depth: depth + 1) }
            }
        }
    }

    // MARK: Blocks

    /// Reads the content of a container (`<body>`, a division, a list …).
    private mutating func block(_ element: XMLTree.Element) {
        for content in element.children {
            switch content {
            case .text(let text):
                guard !InlineText.isBlank(text) else { continue }
                var inline = InlineText()
                inline.append(text)
                addSegment(SegmentDraft(kind: .observation, line: element.line, content: inline))
            case .element(let e):
                guard e.namespace == ns else { continue }
                switch e.name {
                case "div" where state != .division && e["type"]?.lowercased() == "encounter":
                    division(e)
                case "u":
                    utterance(e)
                case "sp":
                    speech(e)
                case "p", "ab":
                    paragraph(e)
                case "pause", "vocal", "kinesic", "incident", "gap", "note":
                    // Between turns: a segment holding just the note, as `[phone rings]` on its own
                    // line is in a plain transcript.
                    var inline = InlineText()
                    self.inline([content], into: &inline)
                    addSegment(SegmentDraft(kind: .observation, line: e.line, content: inline))
                case _ where TEIReader.skipped.contains(e.name):
                    continue
                default:
                    if e.hasDirectText { paragraph(e) } else { block(e) }
                }
            }
        }
    }

    private mutating func division(_ div: XMLTree.Element) {
        close()
        divisions += 1
        let id = div.xmlID ?? div["n"] ?? "\(baseID)-\(divisions)"
        draft = makeDraft(id: id, line: div.line, setting: header.setting(referencedBy: div["decls"] ?? div["corresp"]))
        if let title = div.child("head", in: ns)?.nonEmptyText() { draft.metadata["title"] = title }
        if div.xmlID != nil, let n = div["n"] { draft.metadata["n"] = n }
        state = .division
        block(div)
        close()
    }

    private mutating func utterance(_ u: XMLTree.Element) {
        let label = speakerLabel(u["who"], line: u.line)
        var content = InlineText()
        inline(u.children, into: &content)
        let time = timeline.resolve(u["start"] ?? u["synch"] ?? u["time"])
        addSegment(SegmentDraft(kind: .utterance, speaker: label, line: u.line, timestamp: time, content: content))
    }

    /// A drama-style `<sp who="#x"><speaker>X</speaker><p>…</p></sp>` read as a turn.
    private mutating func speech(_ sp: XMLTree.Element) {
        let label = sp["who"] != nil ? speakerLabel(sp["who"], line: sp.line)
            : speakerLabel(sp.child("speaker", in: ns)?.nonEmptyText(), line: sp.line)
        var content = InlineText()
        inline(sp.children, into: &content)
        addSegment(SegmentDraft(kind: .utterance, speaker: label, line: sp.line, content: content))
    }

    private mutating func paragraph(_ p: XMLTree.Element) {
        var content = InlineText()
        inline(p.children, into: &content)
        addSegment(SegmentDraft(kind: .observation, line: p.line, content: content))
    }

    // MARK: Inline content

    private func inline(_ children: [XMLTree.Content], into text: inout InlineText) {
        for content in children {
            switch content {
            case .text(let piece):
                text.append(piece)
            case .element(let e):
                guard e.namespace == ns else { inline(e.children, into: &text); continue }
                switch e.name {
                case "pause": text.appendNote(kind: .pause, text: "pause")
                case "vocal": text.appendNote(kind: .vocal, text: description(e, or: e["type"] ?? "vocal"))
                case "kinesic": text.appendNote(kind: .kinesic, text: description(e, or: e["type"] ?? "kinesic"))
                case "incident": text.appendNote(kind: .incident, text: description(e, or: e["type"] ?? "incident"))
                case "gap": text.appendNote(kind: .inaudible, text: description(e, or: e["reason"] ?? "inaudible"))
                case "note":
                    if let note = e.nonEmptyText() { text.appendNote(kind: .comment, text: note) }
                case "lb", "pb", "cb", "milestone":
                    text.appendSpace()
                case "choice":
                    let preferred = ["corr", "reg", "expan"].lazy.compactMap { e.child($0, in: ns) }.first ?? e.elements.first
                    if let preferred { inline(preferred.children, into: &text) }
                case "p", "ab", "l", "lg", "q", "said":
                    text.appendSpace()
                    inline(e.children, into: &text)
                    text.appendSpace()
                case _ where TEIReader.skipped.contains(e.name):
                    continue
                default:
                    inline(e.children, into: &text)
                }
            }
        }
    }

    private func description(_ element: XMLTree.Element, or fallback: String) -> String {
        element.child("desc", in: ns)?.nonEmptyText() ?? InlineText.collapsed(fallback)
    }

    // MARK: Encounters and speakers

    private mutating func addSegment(_ segment: SegmentDraft) {
        if state == .none {
            // Content before any division belongs to the `<TEI>`; content after one starts where it is.
            draft = makeDraft(id: baseID, line: divisions == 0 ? line : segment.line, setting: nil)
            state = .loose
        }
        var segment = segment
        if let speaker = segment.speaker { segment.role = role(of: speaker, line: segment.line) }
        draft.segments.append(segment)
    }

    /// Ends the current encounter, keeping it unless it is loose content with nothing in it.
    private mutating func close() {
        if state == .division || (state == .loose && !draft.segments.isEmpty) { drafts.append(draft) }
        state = .none
        undeclaredWarned = []
    }

    private func makeDraft(id: String, line: Int, setting referenced: TEIHeader.Setting?) -> EncounterDraft {
        var draft = EncounterDraft(id: id, line: line)
        let setting = referenced ?? header.defaultSetting
        draft.caseID = header.caseID
        draft.setting = setting?.name
        draft.date = setting?.date ?? header.date
        draft.kind = setting?.activity
        if let title = header.title { draft.metadata["title"] = title }
        if let locale = setting?.locale, locale != setting?.name { draft.metadata["locale"] = locale }
        if let who = setting?.who, !who.isEmpty {
            draft.participants = who.map { declared[$0] ?? Participant(label: $0, role: .unknown) }
        } else {
            draft.participants = header.persons.compactMap { declared[$0.id] }
        }
        return draft
    }

    /// The speaker label a `who` pointer gives (`#sw1` → `sw1`), warning when there is none.
    private mutating func speakerLabel(_ who: String?, line: Int) -> String {
        let first = (who ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init)
        guard let first, case let label = TEIHeader.localID(first), !label.isEmpty else {
            warnings.append(Diagnostic(path: path, line: line, column: 0, severity: .warning,
                                       message: "turn without a speaker (@who); labelled 'unknown'"))
            return "unknown"
        }
        return label
    }

    /// The role of a speaker, adding them to the encounter's participants if needed; a speaker
    /// the header does not declare gets `.unknown` and a warning.
    private mutating func role(of label: String, line: Int) -> Role {
        if let known = draft.participant(label) { return known.role }
        if let participant = declared[label] {
            draft.participants.append(participant)
            return participant.role
        }
        draft.participants.append(Participant(label: label, role: .unknown))
        if undeclaredWarned.insert(label).inserted {
            warnings.append(Diagnostic(path: path, line: line, column: 0, severity: .warning,
                                       message: "speaker '#\(label)' is not declared in the teiHeader (particDesc); role 'unknown'"))
        }
        return .unknown
    }
}
