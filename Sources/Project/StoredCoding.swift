import Coding

/// One coder's code on a stretch of a source, as the project keeps it: the annotation plus where
/// it came from (the machine, a review decision, a hand coding, an import).
public struct StoredCoding: Hashable, Sendable {
    /// How a coding came to be.
    public enum Origin: String, Sendable, CaseIterable, Codable {
        /// A suggestion of the automatic coder.
        case machine
        /// A suggestion the coder accepted as it stood.
        case accepted
        /// A suggestion the coder accepted with another code or span.
        case changed
        /// Coded by hand: selected text and a code.
        case hand
        /// Read from another tool's project (REFI-QDA).
        case imported
        /// The resolution of a disagreement between two coders.
        case adjudicated
    }

    public var id: Int64
    public var sourceID: Int64
    /// Index of the encounter within its source.
    public var encounter: Int
    public var annotation: Annotation
    public var origin: Origin
    /// The coding this one answers (the suggestion accepted or changed), if any.
    public var suggestionID: Int64?
    /// The codebook version the automatic coder used for this coding (nil for people's codings).
    public var codebookID: Int64?
    public var createdAt: String

    public init(id: Int64, sourceID: Int64, encounter: Int, annotation: Annotation, origin: Origin,
                suggestionID: Int64? = nil, codebookID: Int64? = nil, createdAt: String) {
        self.id = id
        self.sourceID = sourceID
        self.encounter = encounter
        self.annotation = annotation
        self.origin = origin
        self.suggestionID = suggestionID
        self.codebookID = codebookID
        self.createdAt = createdAt
    }
}
