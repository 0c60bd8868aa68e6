import ArgumentParser
import Coding
import Exports
import Reports
import Transcripts

/// `rapport report`: code frequencies per encounter, case, setting, role or month.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Code frequencies per encounter (or case, setting, role, month), with codebook statistics."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var codebook: CodebookOption

    @Option(help: "Group rows by encounter, case, setting, role or month.")
    var by: FrequencyReport.Grouping = .encounter

    @Option(help: "Output format: table (default on a terminal), csv (tidy, long) or json.")
    var format: Format?

    @Flag(help: "Report sub-codes as well as the top-level codes.")
    var subcodes = false

    @Flag(help: "Add codebook statistics (frequency, encounters, cases, co-occurrence, timelines) to the table.")
    var codebookStats = false

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    func run() throws {
        Console.ignoreSigpipe()
        let coder = Coder(codebook: try codebook.load())
        let (transcripts, errors) = try inputs.load()
        let coded = ParallelMap.map(transcripts) { coder.code($0) }
        let report = FrequencyReport(coded: coded, codebook: coder.codebook, subcodes: subcodes)
        let bytes: [UInt8]
        switch format ?? (output == nil && Console.stdoutIsTerminal ? .table : (output?.hasSuffix(".json") == true ? .json : .csv)) {
        case .table:
            var text = FrequencyTable.text(report, by: by)
            if codebookStats { text += "\n" + StatisticsTable.text(report.statistics) }
            bytes = Array(text.utf8)
        case .csv: bytes = Array(ReportOutput.csv(report, by: by).utf8)
        case .json: bytes = ReportOutput.json(report, by: by)
        }
        try Output.write(bytes, to: output, inputs: inputs.paths)
        if !errors.isEmpty { throw ExitCode(1) }
    }
}

extension FrequencyReport.Grouping: ExpressibleByArgument {}
