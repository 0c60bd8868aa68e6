/// Someone who speaks or acts in an encounter: the label as written in the transcript, the role,
/// and the name when the transcript gives one (used to recognise people named in observation prose).
public struct Participant: Hashable, Codable, Sendable {
    public var label: String
    public var role: Role
    public var name: String?

    public init(label: String, role: Role, name: String? = nil) {
        self.label = label
        self.role = role
        self.name = name
    }
}
