import Transcripts

/// One passage of the team's own coding, in the plain form learning needs: its text, who spoke
/// it, the codes the human coder gave it, and where it came from (shown as evidence later).
public struct TrainingPassage: Hashable, Sendable {
    /// The passage as written. A gold row's `SW: …` label may stay in the text; it is read as a turn.
    public var text: String
    /// The speaker's role when the caller knows it (a segment of a transcript); nil to read it from a label.
    public var role: Role?
    /// Whether the passage is observation prose rather than a turn (only used when `role` is given).
    public var kind: Segment.Kind
    /// Codes the human coder gave the passage (top-level ids or sub-code ids).
    public var codes: Set<String>
    /// A row or segment id, for evidence (`d011`, `interview.txt#3`).
    public var id: String
    /// The source file or set the passage comes from.
    public var source: String
    /// The human coder's name.
    public var coder: String

    public init(text: String, role: Role? = nil, kind: Segment.Kind = .utterance, codes: Set<String>, id: String,
                source: String, coder: String) {
        self.text = text
        self.role = role
        self.kind = kind
        self.codes = codes
        self.id = id
        self.source = source
        self.coder = coder
    }
}
