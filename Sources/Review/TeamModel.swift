import Coding
import Learning
import Project
import Transcripts

/// The model trained in the page from the team's decisions, kept in the project's `model` table
/// under one name (each training adds a row; the latest is in force).
public enum TeamModel {
    /// The name the project stores the team's models under.
    public static let name = "team"

    /// The latest team model, when there is one and it was trained for `codebook`'s top-level
    /// codes (a codebook change that alters them leaves the model unused until retrained).
    public static func latest(in store: ProjectStore, codebook: Codebook) throws(ProjectError) -> LearnedModel? {
        guard let stored = try store.latestModel(name: name) else { return nil }
        do throws(Diagnostic) {
            let model = try LearnedModel(fileBytes: stored.data, path: "\(store.path) (model \(stored.id))")
            return model.mismatch(withCodes: codebook.topLevelIDs) == nil ? model : nil
        } catch {
            throw ProjectError(path: store.path, message: "its team model \(stored.id) does not load: \(error.message)")
        }
    }
}
