import ArgumentParser
import Coding
import Learning
import Transcripts

/// `rapport learn`: train a model for the codebook from the team's own coding.
struct Learn: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Learn from the team's coding (gold .tsv, .qdpx, annotated TEI) a model for the hybrid coder.",
        discussion: """
            Writes one model file (docs/model-format.md) to use with --model in code, report, export \
            and evaluate. Prints per code how many passages had it and, on folds of the training \
            passages, the kappa of the rules alone and of rules plus model (training-data estimates; \
            use 'rapport evaluate --gold FILE --cross-validate K' for an honest one).
            """
    )

    @Argument(help: ArgumentHelp("Hand-coded training data: gold .tsv, .qdpx/.qde projects, annotated TEI .xml.", valueName: "training"))
    var training: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the model to this file (atomically); optional with --next and --suggest-cues.", valueName: "model"))
    var output: String?

    @OptionGroup var codebook: CodebookOption

    @Flag(help: "Also learn from the codebook's own examples (each an example of its code only).")
    var withExamples = false

    @Option(parsing: .upToNextOption, help: ArgumentHelp("List the N passages of these transcripts the model is least sure about (and a few sure ones), as a TSV to code.", valueName: "N PATH"))
    var next: [String] = []

    @Flag(help: "Print phrases that predict a code but no cue covers, and cues the team's coding contradicts, as YAML.")
    var suggestCues = false

    @Flag(help: "Also offer a regression over the static MiniLM embedding table as a design per code (off by default: it has not yet shown a gain on unseen rows).")
    var embeddings = false

    @Flag(help: "Stop at the first training file that cannot be read.")
    var strict = false

    func validate() throws {
        if !next.isEmpty {
            guard next.count >= 2, let n = Int(next[0]), n > 0 else {
                throw ValidationError("--next takes a count and the transcripts to pick from: --next N PATH...")
            }
            _ = n
        }
        if output == nil && next.isEmpty && !suggestCues { throw ValidationError("name the model file: -o MODEL") }
        if !next.isEmpty && suggestCues { throw ValidationError("give --next or --suggest-cues, not both") }
    }

    /// `--next N PATH...` as (N, paths), when given.
    var nextRequest: (Int, [String])? {
        guard next.count >= 2, let n = Int(next[0]) else { return nil }
        return (n, Array(next.dropFirst()))
    }

    func run() throws {
        Console.ignoreSigpipe()
        let book = try codebook.load()
        var (passages, errors) = TrainingInput.passages(paths: training, codebook: book)
        try Interruption.check("training data read; nothing learned or written")
        if withExamples { passages = TrainingInput.examples(of: book) + passages }
        for error in errors { Console.error(error.description) }
        if strict && !errors.isEmpty { throw ExitCode(1) }
        guard !passages.isEmpty else {
            Console.error("rapport: error: no training passages read; nothing to learn")
            throw ExitCode(1)
        }
        var options = LearnedModel.TrainingOptions()
        options.isCancelled = { Interruption.requested }
        if embeddings { options.embeddings = try EmbeddingOption.table() }
        let model = LearnedModel.train(passages, codebook: book, options: options)
        try Interruption.check("training stopped; no model written")
        if let output {
            do { try model.write(to: output) } catch {
                Console.error("\(output): error: cannot write the model: \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        if let (count, paths) = nextRequest {
            Console.error(LearnSummary.text(model))
            let (files, missing) = TranscriptLoader.inputFiles(paths)
            var failed = missing
            var transcripts: [Transcript] = []
            for file in files {
                do throws(Diagnostic) { transcripts.append(try TranscriptLoader.load(path: file)) } catch { failed.append(error) }
            }
            for error in failed { Console.error(error.description) }
            Console.write(NextPassages(count: count, transcripts: transcripts, model: model, codebook: book).tsv)
            if !failed.isEmpty { throw ExitCode(1) }
        } else if suggestCues {
            Console.error(LearnSummary.text(model))
            Console.write(CueSuggestions(passages, codebook: book).yaml)
        } else {
            Console.write(LearnSummary.text(model))
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }
}
