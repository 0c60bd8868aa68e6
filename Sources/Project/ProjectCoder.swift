/// Someone (or something) who codes in a project.
public struct ProjectCoder: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// A person reviewing and coding in the page.
        case person
        /// The automatic coder (`rapport`).
        case machine
        /// A coder whose codings came from another tool's project.
        case imported
    }

    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    /// The name of the automatic coder.
    public static let machineName = "rapport"

    /// The coder whose codings resolve two coders' disagreements (the compare view's adjudication).
    public static let adjudicatedName = "adjudicated"

    /// A coder name is 1–64 characters, letters, digits, `-`, `_`, `.` or space, not starting with a space.
    public static func isValidName(_ name: String) -> Bool {
        guard (1...64).contains(name.count), name.first != " ", name.last != " " else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_. ".unicodeScalars.contains($0) }
    }
}
