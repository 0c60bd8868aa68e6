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

    /// A coder name is 1–64 code points: letters (any script, Unicode category L), digits 0-9,
    /// `-`, `_`, `.` or space, not starting or ending with a space (the API documents the same
    /// as a pattern, so a checker generating names from it and the server agree).
    public static func isValidName(_ name: String) -> Bool {
        let scalars = name.unicodeScalars
        guard (1...64).contains(scalars.count), scalars.first != " ", scalars.last != " " else { return false }
        return scalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
            default: return ("0"..."9").contains(scalar) || "-_. ".unicodeScalars.contains(scalar)
            }
        }
    }
}
