import ArgumentParser
import Coding
import Learning
import Transcripts

/// The shipped static embedding table for `--embeddings`, or a clear error when it is missing
/// or broken (never a silent fall-back to words only).
enum EmbeddingOption {
    static func table() throws -> EmbeddingTable {
        let table: EmbeddingTable?
        do throws(Diagnostic) { table = try EmbeddingTable.shipped() } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        guard let table else {
            Console.error("rapport: error: --embeddings: the embedding table \(EmbeddingTable.name) is not installed beside the binary (Rapport_Learning.resources/MiniLM)")
            throw ExitCode(1)
        }
        return table
    }
}
