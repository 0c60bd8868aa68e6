/// A coder's verdict on another coder's coding (usually a machine suggestion), as logged: the
/// log only grows, so two tabs or two coders deciding at once never lose a decision; the latest
/// decision of a coder on a suggestion is the one in force.
public struct Decision: Hashable, Sendable {
    public enum Action: String, Sendable, CaseIterable, Codable {
        case accept, reject, change
    }

    public var id: Int64
    public var suggestionID: Int64
    public var coder: String
    public var action: Action
    /// For `change`: the code and span the coder gave instead.
    public var code: String?
    public var start: Int?
    public var end: Int?
    /// The coding the decision produced (none for `reject`).
    public var resultID: Int64?
    public var at: String

    public init(id: Int64, suggestionID: Int64, coder: String, action: Action, code: String? = nil,
                start: Int? = nil, end: Int? = nil, resultID: Int64? = nil, at: String) {
        self.id = id
        self.suggestionID = suggestionID
        self.coder = coder
        self.action = action
        self.code = code
        self.start = start
        self.end = end
        self.resultID = resultID
        self.at = at
    }
}
