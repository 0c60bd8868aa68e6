/// A REFI-QDA project (QDA-XML 1.0, `project.qde`) as far as Rapport writes and reads it: users,
/// the code tree, case variables, cases, and text sources with coded selections. Positions are
/// Unicode code points from 0 into the source's text; `end` is exclusive.
public struct QDAProject: Sendable {
    public struct User: Sendable, Equatable {
        public var guid: String
        public var name: String
    }

    public struct Code: Sendable, Equatable {
        public var guid: String
        public var name: String
        public var isCodable: Bool
        /// `#RRGGBB` (or `#RGB`), if any.
        public var colour: String?
        public var description: String?
        public var children: [Code]
    }

    /// A case attribute (`Text` typed: Rapport writes case id, date, setting and kind this way).
    public struct Variable: Sendable, Equatable {
        public var guid: String
        public var name: String
        public var type: String
    }

    public struct Case: Sendable, Equatable {
        public var guid: String
        public var name: String
        public var description: String?
        /// Variable GUID and text value, in variable order.
        public var values: [VariableValue]
        public var sourceGUIDs: [String]
        public var selectionGUIDs: [String]
    }

    public struct VariableValue: Sendable, Equatable {
        public var variableGUID: String
        public var text: String
    }

    /// One code applied to a selection (or to a whole source).
    public struct Coding: Sendable, Equatable {
        public var guid: String
        public var codeGUID: String
        public var creatingUser: String?
        /// `creationDateTime` (ISO 8601, UTC), if known.
        public var creationDate: String? = nil
    }

    /// A `PlainTextSelection`: code points `start..<end` of its source's text.
    public struct Selection: Sendable, Equatable {
        public var guid: String
        public var name: String?
        public var start: Int
        public var end: Int
        public var creatingUser: String?
        public var description: String?
        public var codings: [Coding]
        /// Source line of the element (0 when built in memory).
        public var line: Int = 0
        /// `creationDateTime` (ISO 8601, UTC), if known.
        public var creationDate: String? = nil
    }

    /// A `TextSource`: its text (from `sources/` in a .qdpx, or inline) and its selections.
    public struct TextSource: Sendable, Equatable {
        public var guid: String
        public var name: String
        /// `internal://<GUID>.txt`, `relative://…` or `absolute://…`; nil with inline content.
        public var plainTextPath: String?
        /// The text, once known (inline `PlainTextContent`, or read from the path).
        public var text: String?
        public var selections: [Selection]
        /// Codings of the whole source.
        public var codings: [Coding]
        public var line: Int = 0
        public var creatingUser: String? = nil
        /// `creationDateTime` (ISO 8601, UTC), if known.
        public var creationDate: String? = nil
    }

    public var name: String
    public var origin: String?
    public var basePath: String?
    public var creatingUser: String?
    /// `creationDateTime` (ISO 8601, UTC), if known.
    public var creationDate: String?
    public var users: [User]
    public var codes: [Code]
    public var variables: [Variable]
    public var cases: [Case]
    public var sources: [TextSource]

    public init(name: String, origin: String? = nil, basePath: String? = nil, creatingUser: String? = nil,
                users: [User] = [], codes: [Code] = [], variables: [Variable] = [], cases: [Case] = [],
                sources: [TextSource] = []) {
        self.name = name
        self.origin = origin
        self.basePath = basePath
        self.creatingUser = creatingUser
        self.users = users
        self.codes = codes
        self.variables = variables
        self.cases = cases
        self.sources = sources
    }

    /// Every code, depth first, parents before children, with the names of its ancestors.
    public var allCodes: [(code: Code, path: [String])] {
        var out: [(Code, [String])] = []
        func visit(_ code: Code, _ path: [String]) {
            out.append((code, path + [code.name]))
            for child in code.children { visit(child, path + [code.name]) }
        }
        for code in codes { visit(code, []) }
        return out
    }
}
