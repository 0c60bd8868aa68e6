/// One speaker turn or one observation paragraph: the unit that is coded and counted.
public struct Segment: Hashable, Codable, Sendable {
    /// A turn someone speaks, or a paragraph of the observer's prose.
    public enum Kind: String, Codable, Sendable {
        case utterance, observation
    }

    /// Position within its encounter, from 0.
    public var index: Int
    public var kind: Kind
    /// The speaker label as written (`SW`, `Dr Khan`); nil for observation prose.
    public var speaker: String?
    /// The speaker's role; nil for observation prose.
    public var role: Role?
    /// Exactly the normalised text from `start` to `end` (label and timestamp excluded).
    public var text: String
    /// Code-point range in the transcript's normalised text (NFC, LF line ends); `end` is exclusive.
    public var start: Int
    public var end: Int
    /// 1-based line in the source file where the segment starts.
    public var line: Int
    /// The turn's timestamp as written (`00:14:32`), if any.
    public var timestamp: String?
    public var notes: [Note]
    /// Whitespace-separated tokens with a letter or digit, notes and timestamps excluded.
    public var words: Int

    public init(
        index: Int, kind: Kind, speaker: String?, role: Role?, text: String, start: Int, end: Int,
        line: Int, timestamp: String? = nil, notes: [Note] = [], words: Int
    ) {
        self.index = index
        self.kind = kind
        self.speaker = speaker
        self.role = role
        self.text = text
        self.start = start
        self.end = end
        self.line = line
        self.timestamp = timestamp
        self.notes = notes
        self.words = words
    }
}
