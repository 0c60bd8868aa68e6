import ArgumentParser
import Coding
import Exports
import Transcripts

/// `rapport code`: apply a codebook to transcripts and print every segment's codes with evidence.
struct Code: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Code transcripts with a codebook; prints one JSON line per segment (or CSV per annotation)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, tei }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var codebook: CodebookOption

    @Option(help: "Output format: jsonl (one object per segment) or csv (one row per annotation).")
    var format: Format = .jsonl

    func run() throws {
        Console.ignoreSigpipe()
        let coder = Coder(codebook: try codebook.load())
        let (transcripts, errors) = try inputs.load()
        let coded = ParallelMap.map(transcripts) { coder.code($0) }
        switch format {
        case .jsonl:
            var writer = JSONWriter()
            for c in coded { Console.write(CodingOutput.jsonl(c, into: &writer)) }
        case .csv:
            var csv = CSVWriter(header: CodingOutput.csvHeader)
            for c in coded { CodingOutput.csvRows(c, into: &csv) }
            Console.write(csv.text)
        case .tei:
            Console.write(try TEIExport.corpus(coded, codebook: coder.codebook))
        }
        if !errors.isEmpty { throw ExitCode(1) }
    }
}
