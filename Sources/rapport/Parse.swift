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
        switch format ?? (Console.stdoutIsTerminal ? .summary : .json) {
        case .json where inputs.strict:
            // --strict prints nothing unless every input reads, so the document waits for all.
            let (transcripts, errors) = try inputs.load()
            Console.write(TranscriptJSON.document(transcripts, errors: errors))
            if !errors.isEmpty { throw ExitStatus.failure }
        case .json:
            // Each transcript is written as soon as it is read: memory stays flat on any corpus.
            // The document opens with the first transcript: when nothing can be read, nothing is written.
            let sink = try Output.Sink(path: nil, inputs: inputs.paths)
            var first = true
            var warnings: [Diagnostic] = []
            let errors = try inputs.stream(transform: { ($0.warnings, TranscriptJSON.element($0, first: false)) }, consume: { piece in
                if first { try sink.write(TranscriptJSON.documentStart) }
                try sink.write(first ? Array(piece.1.dropFirst()) : piece.1)
                first = false
                warnings += piece.0
            })
            try sink.write(TranscriptJSON.documentEnd(errors: errors, warnings: warnings))
            if !errors.isEmpty { throw ExitStatus.failure }
        case .summary:
            let (transcripts, errors) = try inputs.load()
            Console.write(TranscriptSummary.text(transcripts))
            if !errors.isEmpty { throw ExitStatus.failure }
        }
    }
}
