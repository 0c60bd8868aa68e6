/// An encounter read from XML, before it is rendered to text: the readers (TEI, native) fill
/// these and `XMLTextRenderer` turns them into `Encounter`s with ranges into the rendered text.
struct EncounterDraft {
    var id: String
    var caseID: String?
    var date: String?
    var setting: String?
    var kind: String?
    /// Extra metadata (`title`, `<meta>` entries), lower-cased keys.
    var metadata: [String: String] = [:]
    var participants: [Participant] = []
    var segments: [SegmentDraft] = []
    var line: Int

    init(id: String, line: Int) {
        self.id = id
        self.line = line
    }

    /// The declared participant with this label (exact, then ignoring case).
    func participant(_ label: String) -> Participant? {
        participants.first { $0.label == label }
            ?? participants.first { $0.label.lowercased() == label.lowercased() }
    }
}

/// A turn or observation paragraph read from XML: its speaker, source line and content.
struct SegmentDraft {
    var kind: Segment.Kind
    var speaker: String?
    var role: Role?
    var line: Int
    var timestamp: String?
    var content: InlineText
}
