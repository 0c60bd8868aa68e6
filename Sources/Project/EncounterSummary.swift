/// An encounter as the project lists it, without its text: enough for an overview of the work.
public struct EncounterSummary: Hashable, Sendable {
    public var sourceID: Int64
    public var path: String
    /// Index of the encounter within its source.
    public var index: Int
    /// The encounter's id as the transcript names it.
    public var name: String
    public var caseID: String?
    public var date: String?
    public var setting: String?
    public var kind: String?
    public var segments: Int
    public var words: Int
}
