import ArgumentParser
import Coding
import Transcripts

/// `--codebook FILE`, defaulting to the embedded relationship codebook.
struct CodebookOption: ParsableArguments {
    @Option(name: .long, help: "Codebook YAML (default: the built-in relationship codebook).")
    var codebook: String?

    func load() throws -> Codebook {
        guard let path = codebook else { return Codebook.relationship() }
        do throws(Diagnostic) {
            return try Codebook.load(path: path)
        } catch {
            throw ExitStatus.failed(error)
        }
    }
}
