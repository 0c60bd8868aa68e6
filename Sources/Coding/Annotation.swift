import Transcripts

/// A code attached to a stretch of a segment, with who coded it and why: the unit every report,
/// agreement figure and export is built from.
public struct Annotation: Hashable, Sendable {
    /// Where the coded text comes from, so reports can separate talk in an encounter from an
    /// interview about other encounters, and both from the observer's prose.
    public enum Context: String, Sendable, CaseIterable {
        case observation
        /// A turn spoken in the encounter being observed.
        case encounter
        /// A turn in an interview (car interview, research interview) about practice.
        case interview
    }

    public var code: String
    /// Index of the segment within its encounter.
    public var segment: Int
    /// Code-point range in the transcript's normalised text; `end` exclusive.
    public var start: Int
    public var end: Int
    /// `rapport` for the automatic coder, otherwise the human coder's name.
    public var coder: String
    public var context: Context
    public var evidence: Evidence?
    /// The role of whoever performs the coded act, kept apart from the speaker's: the speaker of
    /// a turn, the person whose words the turn reports ("Dad says the worker shouted"), or the
    /// actor named in observation prose; nil when nobody is named or the coder does not say.
    public var actorRole: Role?

    public init(
        code: String, segment: Int, start: Int, end: Int, coder: String, context: Context, evidence: Evidence? = nil,
        actorRole: Role? = nil
    ) {
        self.code = code
        self.segment = segment
        self.start = start
        self.end = end
        self.coder = coder
        self.context = context
        self.evidence = evidence
        self.actorRole = actorRole
    }

    /// The context of `segment` in `encounter`: observation prose, an interview (an encounter
    /// whose kind or setting says so, or a researcher's turn), or talk in the encounter.
    public static func context(of segment: Segment, in encounter: Encounter?) -> Context {
        Coder.context(kind: segment.kind, role: segment.role, encounter: encounter)
    }

    /// The top-level code id (`power` for `power.statutory`).
    public var topLevelCode: String { String(code.split(separator: ".").first ?? Substring(code)) }
}

/// Why the automatic coder applied a code: the cue, the rule, and what the checks decided.
public struct Evidence: Hashable, Sendable {
    /// The text the cue matched, as it stands in the transcript.
    public var matched: String
    /// The cue phrase as written in the codebook.
    public var cue: String
    /// `<code>#<n>`: the cue's position in the codebook.
    public var rule: String
    /// Negation found in scope and why it did or did not cancel (`none`, `negated-kept`, `disclaimer`).
    public var negation: String
    /// Who was taken to speak or act, and from what (`speaker SW (worker)`, `actor "the worker" (worker)`).
    public var actor: String

    public init(matched: String, cue: String, rule: String, negation: String, actor: String) {
        self.matched = matched
        self.cue = cue
        self.rule = rule
        self.negation = negation
        self.actor = actor
    }
}
