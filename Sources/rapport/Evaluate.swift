import ArgumentParser
import Coding
import Learning
import Reports
import Transcripts

/// `rapport evaluate`: how far the automatic coder agrees with a hand-coded sample.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the automatic coder against hand-coded rows (TSV: id, source, codes, text, phenomenon).",
        discussion: """
            Scores the hybrid coder (rules plus the default model, or --model FILE; --no-model for the \
            rules alone). With --cross-validate K, instead estimates how far a model learned from \
            these rows can be trusted: each row is coded by a model trained on the other folds.
            """
    )

    @Option(help: "The hand-coded TSV file (with --cross-validate also a .qdpx/.qde project or annotated TEI file).")
    var gold: String

    @OptionGroup var codebook: CodebookOption
    @OptionGroup var model: ModelOption

    @Flag(help: "List every row where the coder and the gold codes differ, with the evidence.")
    var errors = false

    @Option(help: ArgumentHelp("Estimate per-code kappa, precision and recall by K-fold cross-validation on the gold rows.", valueName: "K"))
    var crossValidate: Int?

    @Flag(help: "With --cross-validate: also offer the static MiniLM embedding design, as 'learn --embeddings' does.")
    var embeddings = false

    func validate() throws {
        if let k = crossValidate, k < 2 { throw ValidationError("--cross-validate needs at least 2 folds, got \(k)") }
        if crossValidate != nil && model.model != nil { throw ValidationError("--cross-validate trains its own models; drop --model") }
        if crossValidate != nil && model.noModel {
            throw ValidationError("--cross-validate estimates rules plus a learned model (it prints the rules' kappa too); drop --no-model")
        }
        if crossValidate == nil && embeddings { throw ValidationError("--embeddings applies to training, so only with --cross-validate") }
        if crossValidate != nil && errors { throw ValidationError("--errors lists rows of a plain evaluation; it does not apply with --cross-validate") }
    }

    func run() throws {
        Console.ignoreSigpipe()
        if let k = crossValidate {
            let book = try codebook.load()
            let passages: [TrainingPassage]
            do throws(Diagnostic) { passages = try TrainingInput.read(gold, codebook: book) } catch {
                Console.error(error.description)
                throw ExitCode(1)
            }
            guard passages.count >= k else {
                Console.error("\(gold): error: \(passages.count) rows cannot be split into \(k) folds")
                throw ExitCode(1)
            }
            var options = LearnedModel.TrainingOptions()
            options.isCancelled = { Interruption.requested }
            if embeddings { options.embeddings = try EmbeddingOption.table() }
            let estimate = CrossValidation(passages, codebook: book, folds: k, options: options)
            try Interruption.check("cross-validation stopped; nothing printed")
            Console.write(estimate.text)
            return
        }
        let coder = try codebook.coder(model)
        let set: GoldSet
        do throws(Diagnostic) { set = try GoldSet.load(path: gold) } catch {
            throw ExitStatus.failed(error)
        }
        if let learned = coder.model {
            let seen = Set(learned.passages.map(\.text))
            let overlap = set.rows.filter { seen.contains($0.text) }.count
            if overlap > 0 {
                Console.error("rapport: note: \(overlap) of \(set.rows.count) rows are in the model's training data; these figures are not held-out")
            }
        }
        let evaluation = Evaluation(gold: set, codes: coder.codebook.topLevelIDs) { coder.code(row: $0.text) }
        Console.write(EvaluationReport.text(evaluation, errors: errors))
    }
}
