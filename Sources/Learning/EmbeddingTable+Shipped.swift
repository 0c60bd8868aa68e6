import Foundation
import Transcripts

extension EmbeddingTable {
    /// The table's name in model files.
    public static let name = "minilm-l6-v2"

    /// The table's file name inside the Learning resource bundle's `MiniLM` folder.
    static let resourceName = "minilm-l6-v2.embeddings"

    /// The table shipped with Rapport, read once on first use (about 12 MB), or nil when the
    /// resource is not installed beside the binary. Only models that use embeddings ask for it,
    /// so start-up without such a model does not pay for it.
    public static func shipped() throws(Diagnostic) -> EmbeddingTable? {
        try loadedShipped.get()
    }

    /// The checksum the shipped table's header states, read without loading the table (nil when
    /// the resource is not installed or its header is unreadable).
    public static func shippedChecksum() -> String? {
        guard let path = LearnedModel.resourcePath("MiniLM/" + resourceName),
              let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 400), let newline = head.firstIndex(of: 0x0A) else { return nil }
        let line = String(decoding: head[head.startIndex..<newline], as: UTF8.self)
        return line.split(separator: " ").first { $0.hasPrefix("sha256=") }.map { String($0.dropFirst(7)) }
    }

    private static let loadedShipped: Result<EmbeddingTable?, Diagnostic> = {
        guard let path = LearnedModel.resourcePath("MiniLM/" + resourceName) else { return .success(nil) }
        do throws(Diagnostic) { return .success(try EmbeddingTable(contentsOf: path)) } catch { return .failure(error) }
    }()

    /// Reads a model file's optional `embeddings<TAB>name<TAB>sha256` line: the checksum, or nil
    /// when the next line is not one. The table must be the one installed beside the binary.
    static func checksumLine(_ reader: inout ModelFileReader) throws(Diagnostic) -> String? {
        guard reader.nextTag() == "embeddings" else { return nil }
        let f = try reader.fields(tag: "embeddings", count: 3)
        guard f[1] == name else { throw reader.error("unknown embedding table '\(f[1].prefix(40))' (this build has \(name))", column: 12) }
        guard let installed = shippedChecksum() else {
            throw reader.error("the model reads the embedding table \(name), which is not installed beside the binary "
                + "(Rapport_Learning.resources/MiniLM)")
        }
        guard installed == f[2] else {
            throw reader.error("the model was trained with another \(name) table (sha256 \(f[2].prefix(12))…; installed "
                + "\(installed.prefix(12))…)", column: 13 + name.count)
        }
        return f[2]
    }
}
