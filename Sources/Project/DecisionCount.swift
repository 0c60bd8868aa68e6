/// How the coders' decisions in force on the machine's suggestions of one code stand.
public struct DecisionCount: Hashable, Sendable {
    /// The suggestions' code (as suggested, sub-codes included).
    public var code: String
    public var accepted = 0
    /// Accepted with another code or span.
    public var changed = 0
    public var rejected = 0

    public init(code: String) {
        self.code = code
    }
}
