import Foundation
import Transcripts

extension EmbeddingTable {
    /// The table's file name inside the Learning resource bundle's `MiniLM` folder.
    static let resourceName = "minilm-l6-v2.embeddings"

    /// The table shipped with Rapport, read once on first use (about 12 MB), or nil when the
    /// resource is not installed beside the binary. Only models that use embeddings ask for it,
    /// so start-up without such a model does not pay for it.
    public static func shipped() throws(Diagnostic) -> EmbeddingTable? {
        try loadedShipped.get()
    }

    private static let loadedShipped: Result<EmbeddingTable?, Diagnostic> = {
        guard let path = LearnedModel.resourcePath("MiniLM/" + resourceName) else { return .success(nil) }
        do throws(Diagnostic) { return .success(try EmbeddingTable(contentsOf: path)) } catch { return .failure(error) }
    }()
}
