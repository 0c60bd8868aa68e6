import ArgumentParser
import Coding
import Reports
import Transcripts

/// `rapport evaluate`: how far the automatic coder agrees with a hand-coded sample.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the automatic coder against hand-coded rows (TSV: id, source, codes, text, phenomenon)."
    )

    @Option(help: "The hand-coded TSV file.")
    var gold: String

    @OptionGroup var codebook: CodebookOption

    @Flag(help: "List every row where the coder and the gold codes differ, with the evidence.")
    var errors = false

    func run() throws {
        Console.ignoreSigpipe()
        let coder = Coder(codebook: try codebook.load())
        let set: GoldSet
        do throws(Diagnostic) { set = try GoldSet.load(path: gold) } catch {
            throw ExitStatus.failed(error)
        }
        Console.write(EvaluationReport.text(Evaluation(gold: set, coder: coder), errors: errors))
    }
}
