import Coding
import Transcripts

/// The rules' word on who may show a code: the model never adds a code to a turn whose speaker's
/// known role the codebook excludes (a client's kindness is not empathy).
struct RolePolicy {
    let roles: Set<Role>

    init(codebook: Codebook, code: String) {
        roles = codebook.code(code)?.roles ?? []
    }

    func allows(_ view: PassageView) -> Bool {
        guard !roles.isEmpty, !view.observation else { return true }
        let known = view.roles.subtracting([.unknown])
        return known.isEmpty || !known.isDisjoint(with: roles)
    }
}
