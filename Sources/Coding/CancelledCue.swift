import Transcripts

/// A cue that matched a segment's words but that the rules' checks cancelled, and why: the rules'
/// decision that the passage does not show the code, which a learned model must not overturn.
public struct CancelledCue: Hashable, Sendable {
    /// Why the rules cancelled a matched cue.
    public enum Reason: String, Hashable, Sendable {
        /// In a negation's scope ("I'm not angry with you").
        case negation
        /// Asked about ("Did the neighbour shout at you again?").
        case question
        /// Imagined, not done ("he could have sworn at the worker").
        case counterfactual
        /// Set as a condition ("If you hit him again, …") for a code that conditions cancel.
        case condition
        /// The speaker's or actor's role is one the code excludes (`role` says which).
        case role
        /// Someone else's words reported in the turn, by a person whose role the code excludes.
        case reportedSpeech
        /// A non-human subject ("the dog barked").
        case nonHuman
        /// One of the cue's `unless` phrases stands in the sentence.
        case unless
    }

    /// The top-level code of the cancelled cue.
    public var code: String
    public var reason: Reason
    /// The role that ruled the code out (for `role` and `reportedSpeech`).
    public var role: Role?

    public init(code: String, reason: Reason, role: Role? = nil) {
        self.code = code
        self.reason = reason
        self.role = role
    }
}
