import ArgumentParser
import Coding
import HTMLReport
import Interchange
import Learning
import Project
import Reports
import Transcripts

/// `rapport report`: code frequencies per encounter, case, setting, role or month.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Code frequencies per encounter (or case, setting, role, month), with codebook statistics."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json, html }

    @OptionGroup var inputs: InputOptions
    @OptionGroup var codebook: CodebookOption
    @OptionGroup var model: ModelOption
    @OptionGroup var project: ProjectInput

    @Option(help: "Group rows by encounter, case, setting, role (the speaker's), actor (the role of whoever performs the coded act) or month.")
    var by: FrequencyReport.Grouping = .encounter

    @Option(name: .customLong("context"), parsing: .singleValue,
            help: "Count only segments in this context: encounter (talk in the observed encounter), interview (interviews and meta-talk) or observation (the observer's prose). Repeat for several.")
    var contexts: [Annotation.Context] = []

    @Option(help: "Output format: table (default on a terminal), csv (tidy, long), json or html (a self-contained page; the default for -o FILE.html).")
    var format: Format?

    @Flag(help: "Report sub-codes as well as the top-level codes.")
    var subcodes = false

    @Flag(help: "Add codebook statistics (frequency, encounters, cases, co-occurrence, timelines) to the table.")
    var codebookStats = false

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: "Add inter-coder agreement to the HTML report: a file from 'rapport agree --format json'.")
    var agreement: String?

    func validate() throws {
        try project.validate(paths: inputs.paths)
        if ProjectInput.isProject(inputs.paths) {
            if project.coders.count > 1 { throw ValidationError("report counts one coder's codings; give --coder once") }
            if codebook.codebook != nil || model.model != nil || model.noModel {
                throw ValidationError("a project carries its codebook and codings; --codebook, --model and --no-model do not apply")
            }
        }
    }

    func run() throws {
        Console.ignoreSigpipe()
        let extensionFormat: Format = output?.hasSuffix(".json") == true ? .json : (output.map { $0.hasSuffix(".html") || $0.hasSuffix(".htm") } == true ? .html : .csv)
        let chosen = format ?? (output == nil && Console.stdoutIsTerminal ? .table : extensionFormat)
        if agreement != nil && chosen != .html { throw ValidationError("--agreement goes into the HTML report; add --format html") }
        if codebookStats && chosen == .csv {
            throw ValidationError("CSV rows hold the frequencies only; codebook statistics are in --format table (with --codebook-stats), json and html")
        }
        let agreementFigures = try agreement.map(Self.readAgreement)
        let only: Set<Annotation.Context>? = contexts.isEmpty ? nil : Set(contexts)
        if ProjectInput.isProject(inputs.paths) {
            return try reportProject(inputs.paths[0], format: chosen, contexts: only, agreement: agreementFigures)
        }
        let coder = try codebook.coder(model, quiet: inputs.quiet)
        var report = FrequencyReport(codebook: coder.codebook, subcodes: subcodes, contexts: only)
        report.automaticCoder = Self.provenance(of: coder, modelFile: model.model)
        var coded: [CodedTranscript] = []
        let errors: [Diagnostic]
        if chosen == .csv && (by == .encounter || by == .role || by == .actor) {
            // Rows of single encounters stream straight to the output: memory stays flat.
            let codes = report.codes
            let grouping = by
            let sink = try Output.Sink(path: output, inputs: inputs.paths)
            // The header goes out with the first rows: when nothing could be read, nothing is written.
            var header: [UInt8]? = Array(CSVWriter(header: ReportOutput.csvHeader).text.utf8)
            let failed = try inputs.stream(transform: { transcript in
                let figures = FrequencyReport.figures(for: coder.code(transcript), codes: codes, contexts: only)
                return Array(ReportOutput.csvRows(FrequencyReport.rows(of: figures, by: grouping), codes: codes, contexts: only).utf8)
            }, consume: { rows in
                if let first = header { try sink.write(first); header = nil }
                try sink.write(rows)
            })
            try sink.commit()
            if !failed.isEmpty { throw ExitStatus.failure }
            return
        }
        if chosen == .html {
            // The HTML report shows every transcript, so it keeps them all.
            let loaded = try inputs.load()
            coded = ParallelMap.map(loaded.transcripts, serial: inputs.jobs == 1) { coder.code($0) }
            for c in coded { report.add(c) }
            errors = loaded.errors
        } else {
            // Everything else streams: only the figures of each transcript are kept.
            let codes = report.codes
            errors = try inputs.stream(transform: { transcript in
                let c = coder.code(transcript)
                return (FrequencyReport.figures(for: c, codes: codes, contexts: only), c)
            }, consume: { report.add(figures: $0.0, statisticsOf: $0.1) })
        }
        try write(report, coded: coded, format: chosen, agreement: agreementFigures)
        if !errors.isEmpty { throw ExitStatus.failure }
    }

    /// The report of one coder's codings in a project file (default: the machine's suggestions).
    func reportProject(_ path: String, format: Format, contexts: Set<Annotation.Context>?, agreement: AgreementSummary?) throws {
        let (store, book, known) = try ProjectInput.open(path)
        let coder = try project.chosen(in: path, coders: known, default: [ProjectCoder.machineName])[0]
        let coded: [CodedTranscript]
        do throws(ProjectError) { coded = try store.codedTranscripts(coders: [coder]) } catch {
            Console.error(error.description)
            throw ExitStatus.failure
        }
        var report = FrequencyReport(codebook: book, subcodes: subcodes, contexts: contexts)
        if known.first(where: { $0.name == coder })?.kind == .machine { report.automaticCoder = "\(coder) in \(path)" }
        for c in coded { report.add(c) }
        try write(report, coded: coded, format: format, agreement: agreement)
    }

    func write(_ report: FrequencyReport, coded: [CodedTranscript], format: Format, agreement: AgreementSummary?) throws {
        let bytes: [UInt8]
        switch format {
        case .table:
            var text = FrequencyTable.text(report, by: by)
            if codebookStats { text += "\n" + StatisticsTable.text(report.statistics) }
            bytes = Array(text.utf8)
        case .csv: bytes = Array(ReportOutput.csv(report, by: by).utf8)
        case .json: bytes = ReportOutput.json(report, by: by)
        case .html: bytes = Array(HTMLReport.render(report: report, coded: coded, agreement: agreement).utf8)
        }
        try Output.write(bytes, to: output, inputs: inputs.paths)
    }

    /// How the report names the maker of its automatic codes: the codebook, and the learned model
    /// that revised the rules' codes (or that the rules coded alone), so a reader can tell runs apart.
    static func provenance(of coder: HybridCoder, modelFile: String?) -> String {
        guard coder.model != nil else { return coder.codebook.provenance + ", rules alone" }
        return coder.codebook.provenance + " with the learned model " + (modelFile.map { "‘\($0)’" } ?? "shipped with Rapport")
    }

    /// The agreement figures in `path`; a message and exit code 1 when it is not agreement JSON.
    static func readAgreement(_ path: String) throws -> AgreementSummary {
        let bytes: [UInt8]
        do throws(Diagnostic) { bytes = try TranscriptLoader.readBytes(path) } catch {
            throw ExitStatus.failed(error)
        }
        do throws(AgreementSummary.ReadError) { return try AgreementSummary(json: bytes) } catch {
            throw ExitStatus.failed(Diagnostic(path: path, message: error.message))
        }
    }
}

extension FrequencyReport.Grouping: ExpressibleByArgument {}
extension Annotation.Context: ExpressibleByArgument {}
