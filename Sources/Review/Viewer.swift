import Project

/// Who is asking, and what blind mode lets them see: their own work and the machine's
/// suggestions always; other coders' codings, decisions and memos only in encounters the viewer
/// has marked done. Blind mode is on for every request when the server runs with `--blind`,
/// else for requests that say `blind=true`.
struct Viewer: Sendable {
    var coder: String?
    var blind: Bool
    var done: Set<EncounterKey>

    /// Whether work by `author` in `encounter` (nil: not tied to an encounter) may be shown.
    func sees(_ author: String, in encounter: EncounterKey?) -> Bool {
        guard blind else { return true }
        if author == coder || author == ProjectCoder.machineName { return true }
        guard let encounter else { return false }
        return done.contains(encounter)
    }

    /// Whether everything of these coders may be shown (each is the viewer or the machine).
    func seesAll(of coders: [String]) -> Bool {
        !blind || coders.allSatisfy { $0 == coder || $0 == ProjectCoder.machineName }
    }
}
