import ArgumentParser
import Coding
import Learning
import Transcripts

/// `--model FILE` / `--no-model`: the learned part of the hybrid coder. Without either, the
/// shipped default model is used with the shipped codebook (none with `--codebook FILE`).
struct ModelOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A model from 'rapport learn' to combine with the rules (default: the shipped model, with the shipped codebook).", valueName: "file"))
    var model: String?

    @Flag(name: .customLong("no-model"), help: "Code with the rules alone.")
    var noModel = false

    func validate() throws {
        if noModel && model != nil { throw ValidationError("--model and --no-model exclude each other") }
    }

    /// The hybrid coder for `codebook`; a broken or mismatched model is an error (exit 2), never
    /// a silent fall-back to the rules.
    func coder(codebook: Codebook, customCodebook: Bool, quiet: Bool = false) throws -> HybridCoder {
        let learned: LearnedModel?
        do throws(Diagnostic) {
            if let model {
                learned = try LearnedModel(contentsOf: model)
            } else if noModel || customCodebook {
                learned = nil
            } else {
                learned = try LearnedModel.defaultModel()
                if learned == nil && !quiet {
                    // Never a silent change of coder: a binary copied without its resources says so.
                    Console.report(Diagnostic.general(
                        "the shipped model is not installed (no Rapport_Learning.resources folder beside the binary): coding with the rules alone; copy that folder with the binary, or give --no-model",
                        severity: .warning))
                }
            }
        } catch {
            Console.error(error.description)
            throw ExitCode(2)
        }
        if let learned, let problem = learned.mismatch(withCodes: codebook.topLevelIDs) {
            Console.error("\(learned.path.isEmpty ? "default model" : learned.path): error: \(problem)")
            throw ExitCode(2)
        }
        return HybridCoder(codebook: codebook, model: learned)
    }
}

extension CodebookOption {
    /// The hybrid coder for this codebook and `model`.
    func coder(_ model: ModelOption, quiet: Bool = false) throws -> HybridCoder {
        try model.coder(codebook: load(), customCodebook: codebook != nil, quiet: quiet)
    }
}
