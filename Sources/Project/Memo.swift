/// A coder's note on a passage, a code or an encounter.
public struct Memo: Hashable, Sendable {
    public enum Target: String, Sendable, CaseIterable, Codable {
        case passage, code, encounter
    }

    public var id: Int64
    public var coder: String
    public var target: Target
    public var sourceID: Int64?
    public var encounter: Int?
    public var start: Int?
    public var end: Int?
    public var code: String?
    public var text: String
    public var createdAt: String
    public var updatedAt: String

    public init(id: Int64 = 0, coder: String, target: Target, sourceID: Int64? = nil, encounter: Int? = nil,
                start: Int? = nil, end: Int? = nil, code: String? = nil, text: String,
                createdAt: String = "", updatedAt: String = "") {
        self.id = id
        self.coder = coder
        self.target = target
        self.sourceID = sourceID
        self.encounter = encounter
        self.start = start
        self.end = end
        self.code = code
        self.text = text
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
