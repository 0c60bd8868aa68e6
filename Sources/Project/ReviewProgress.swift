/// How far one coder has got with one encounter.
public struct ReviewProgress: Hashable, Sendable {
    public var sourceID: Int64
    public var encounter: Int
    /// Machine suggestions in the encounter.
    public var suggestions: Int
    /// Of those, how many the coder has decided on.
    public var decided: Int
    /// The coder's own codings in the encounter.
    public var codings: Int
    /// The coder marked the encounter done.
    public var done: Bool
}
