import Transcripts

/// A tree of codes with the cues that detect them: what researchers attach to passages.
public struct Codebook: Hashable, Sendable {
    public var name: String
    public var description: String?
    /// Top-level codes in file order; sub-codes hang below them.
    public var codes: [Code]
    /// Where the codebook was read from (a path, or `<default>` for the embedded one).
    public var source: String
    /// Word lists for questions, modality, conditions and non-human actors.
    public var language: Language = .english

    public init(name: String, description: String? = nil, codes: [Code], source: String) {
        self.name = name
        self.description = description
        self.codes = codes
        self.source = source
    }

    /// Every code, depth first, parents before children.
    public var allCodes: [Code] {
        var out: [Code] = []
        func visit(_ code: Code) {
            out.append(code)
            code.children.forEach(visit)
        }
        codes.forEach(visit)
        return out
    }

    /// The ids of the top-level codes, in codebook order.
    public var topLevelIDs: [String] { codes.map(\.id) }

    /// The code with this id, at any depth.
    public func code(_ id: String) -> Code? { allCodes.first { $0.id == id } }
}

/// One code: id (a dotted path such as `power.surveillance`), its definition in the tradition of
/// team-based qualitative research, a colour for reports, and its cues.
public struct Code: Hashable, Sendable {
    public var id: String
    public var name: String
    public var definition: String?
    public var useWhen: String?
    public var doNotUseWhen: String?
    public var examples: [String]
    /// `#RRGGBB`.
    public var colour: String?
    public var cues: [Cue]
    public var children: [Code]
    /// Roles that may show this code (speaker of a turn, actor in observation prose); empty = anyone.
    public var roles: Set<Role>
    /// 1-based line of the code in its codebook file.
    public var line: Int

    public init(
        id: String, name: String, definition: String? = nil, useWhen: String? = nil, doNotUseWhen: String? = nil,
        examples: [String] = [], colour: String? = nil, cues: [Cue] = [], children: [Code] = [],
        roles: Set<Role> = [], line: Int = 0
    ) {
        self.id = id
        self.name = name
        self.definition = definition
        self.useWhen = useWhen
        self.doNotUseWhen = doNotUseWhen
        self.examples = examples
        self.colour = colour
        self.cues = cues
        self.children = children
        self.roles = roles
        self.line = line
    }

    /// The top-level code this one belongs to (`power` for `power.surveillance`).
    public var topLevelID: String { String(id.split(separator: ".").first ?? Substring(id)) }
}

/// A phrase that signals a code, with the rules that decide whether a match counts.
public struct Cue: Hashable, Sendable {
    /// What negation in scope does to a match of this cue.
    public enum NegationRule: String, Sendable, CaseIterable {
        /// "she did not shout" is not hostility.
        case cancels
        /// The cue counts negated or not ("I'm not threatening you, but …").
        case ignores
        /// The cue counts only when negated ("doesn't let her in").
        case requires
    }

    /// The phrase as written in the codebook (`go ... to court`, `threaten*`).
    public var phrase: String
    public var negation: NegationRule
    /// Roles that must be speaking or acting; empty = the code's roles.
    public var roles: Set<Role>
    /// Segment kinds the cue applies to; empty = both.
    public var kinds: Set<Segment.Kind>
    /// How much the cue counts towards the code (cues below 1 need support from another cue).
    public var weight: Double
    /// Phrases that cancel the cue when they occur in the same sentence ("shouting at his sister"
    /// is not hostility towards the worker).
    public var unless: [String]
    /// A stable id for evidence: `<code id>#<n>` (1-based position among the code's cues).
    public var rule: String
    public var line: Int
    public var column: Int

    public init(
        phrase: String, negation: NegationRule = .cancels, roles: Set<Role> = [], kinds: Set<Segment.Kind> = [],
        weight: Double = 1, unless: [String] = [], rule: String = "", line: Int = 0, column: Int = 0
    ) {
        self.unless = unless
        self.phrase = phrase
        self.negation = negation
        self.roles = roles
        self.kinds = kinds
        self.weight = weight
        self.rule = rule
        self.line = line
        self.column = column
    }
}
