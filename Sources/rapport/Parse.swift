import ArgumentParser
import Interchange
import Transcripts

/// `rapport parse`: the structure Rapport reads from transcripts, as JSON or a summary.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the encounters, speakers and segments Rapport reads from transcripts."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, summary }

    @OptionGroup var inputs: InputOptions

    @Option(help: "Output format: json or summary (default: summary on a terminal, json otherwise).")
    var format: Format?

    func run() throws {
        Console.ignoreSigpipe()
        let (transcripts, errors) = try inputs.load()
        switch format ?? (Console.stdoutIsTerminal ? .summary : .json) {
        case .json: Console.write(TranscriptJSON.document(transcripts, errors: errors))
        case .summary: Console.write(TranscriptSummary.text(transcripts))
        }
        if !errors.isEmpty { throw ExitStatus.failure }
    }
}
