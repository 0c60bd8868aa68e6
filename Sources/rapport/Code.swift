import ArgumentParser
import Coding
import Interchange
import Learning
import Transcripts

/// `rapport code`: apply a codebook to transcripts and print every segment's codes with evidence.
struct Code: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Code transcripts with a codebook; prints one JSON line per segment (or CSV per annotation)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, tei }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var codebook: CodebookOption
    @OptionGroup var model: ModelOption

    @Option(help: "Output format: jsonl (one object per segment) or csv (one row per annotation).")
    var format: Format = .jsonl

    func run() throws {
        Console.ignoreSigpipe()
        let coder = try codebook.coder(model, quiet: inputs.quiet)
        let errors: [Diagnostic]
        switch format {
        case .jsonl:
            // Coded and rendered in parallel, written in input order, one file at a time.
            errors = try inputs.stream(transform: { transcript in
                var writer = JSONWriter()
                return CodingOutput.jsonl(coder.code(transcript), into: &writer)
            }, consume: { Console.write($0) })
        case .csv:
            // The header goes out with the first rows: when nothing can be read, nothing is written.
            var header: String? = CSVWriter(header: CodingOutput.csvHeader).text
            errors = try inputs.stream(transform: { transcript in
                var csv = CSVWriter(header: [])
                CodingOutput.csvRows(coder.code(transcript), into: &csv)
                return csv.text
            }, consume: { rows in
                if let first = header { Console.write(first); header = nil }
                Console.write(rows)
            })
        case .tei:
            let loaded = try inputs.load()
            let coded = ParallelMap.map(loaded.transcripts, serial: inputs.jobs == 1) { coder.code($0) }
            Console.write(try TEIExport.corpus(coded, codebook: coder.codebook))
            errors = loaded.errors
        }
        if !errors.isEmpty { throw ExitStatus.failure }
    }
}
