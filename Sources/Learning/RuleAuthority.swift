import Coding
import Transcripts

/// Where the rules' decision stands over the model for one code: the model never adds the code to
/// a turn whose speaker's known role the codebook excludes (a client's kindness is not empathy),
/// nor to a passage where a cue of the code matched and the rules cancelled it (negation, a
/// question or imagined act, a condition, reported speech, a known role the cue excludes, a
/// non-human subject, an `unless` phrase): "I'm not angry with you" stays without hostility.
struct RuleAuthority {
    let code: String
    let roles: Set<Role>

    init(codebook: Codebook, code: String) {
        self.code = code
        roles = codebook.code(code)?.roles ?? []
    }

    /// Whether the model may add the code to this passage.
    func allowsAdding(_ view: PassageView) -> Bool {
        if view.cancelled.contains(code) { return false }
        guard !roles.isEmpty, !view.observation else { return true }
        let known = view.roles.subtracting([.unknown])
        return known.isEmpty || !known.isDisjoint(with: roles)
    }

    /// The codes a segment's cancelled cues rule out for the model. A cue cancelled only because
    /// nobody's role is known is no decision: the rules did not see who spoke.
    static func ruledOut(_ cancelled: [CancelledCue]) -> Set<String> {
        Set(cancelled.filter { !($0.reason == .role && ($0.role ?? .unknown) == .unknown) }.map(\.code))
    }
}
