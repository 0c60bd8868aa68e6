import ArgumentParser
import Coding
import Interchange
import Reports
import Transcripts

/// `rapport import`: codings from a REFI-QDA project or an annotated TEI file as Rapport codings.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read codings from a REFI-QDA project (.qdpx, .qde) or annotated TEI (.tei.xml, .xml) as Rapport codings.",
        discussion: """
            Prints the codings as 'rapport code' does: JSONL (one object per segment; give it to \
            'rapport agree' with the tool's own codings) or CSV (one row per annotation, with a coder \
            column, so one file can hold a whole team). A project's text sources are parsed as \
            transcripts and each coded selection becomes an annotation of the segments it covers; \
            what cannot be carried over (other media, notes, sets …) is listed on stderr. A TEI file \
            gives its <seg ana>, @ana and <span> codes, with ranges in the text Rapport reads from it. \
            With --report, prints the frequency report of 'rapport report' over the imported codings \
            instead (codes as in --codebook).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv }
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @Argument(help: ArgumentHelp("A .qdpx or .qde project, or an annotated TEI file.", valueName: "file"))
    var file: String

    @Option(help: "Output format: jsonl (one object per segment, the default) or csv (one row per annotation).")
    var format: Format?

    @Option(help: "Keep only this coder's codings (a REFI-QDA user name, or a TEI respStmt's name).")
    var coder: String?

    @OptionGroup var codebook: CodebookOption

    @Option(help: "Print a frequency report of the imported codings instead: table, csv or json.")
    var report: ReportFormat?

    @Option(help: "With --report: group rows by encounter (the default), case, setting, role, actor or month.")
    var by: FrequencyReport.Grouping?

    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(help: ArgumentHelp("How the project counts selection positions: codepoints (the standard) or utf16 (NVivo, QualCoder). Detected when not given.", valueName: "unit"))
    var positions: PositionConvention.Unit?

    @Option(help: ArgumentHelp("Positions a CRLF line end counts: 2 (the standard) or 1 (QualCoder's MAXQDA line endings, ATLAS.ti). Detected when not given.", valueName: "1|2"))
    var crlf: Int?

    @Flag(name: .shortAndLong, help: "Do not print warnings.")
    var quiet = false

    func validate() throws {
        if let crlf, crlf != 1 && crlf != 2 { throw ValidationError("--crlf takes 1 or 2, not \(crlf)") }
        // An option that cannot apply is a usage error, never silently ignored.
        if by != nil && report == nil { throw ValidationError("--by groups the rows of --report; add --report table|csv|json") }
        if format != nil && report != nil { throw ValidationError("--report prints a frequency report in its own format; --format is for the codings, without --report") }
        if Self.isTEI(file) && (positions != nil || crlf != nil) {
            throw ValidationError("--positions and --crlf say how a REFI-QDA project counts; a TEI file's ranges come from its markup")
        }
    }

    /// Whether `path` is read as annotated TEI (by its extension) rather than as a REFI-QDA project.
    static func isTEI(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xml") || lower.hasSuffix(".tei")
    }

    func run() throws {
        Console.ignoreSigpipe()
        let book = try codebook.load()
        var result: ImportResult
        do throws(Diagnostic) {
            if Self.isTEI(file) {
                result = try TEIImport.read(bytes: TranscriptLoader.readBytes(file), path: file)
            } else {
                let imported = try REFIQDAImport.read(path: file, codebook: book,
                                                      options: REFIQDAImport.Options(unit: positions, crlf: crlf))
                result = imported.result
                let project = imported.project
                if !quiet {
                    let codes = project.allCodes.count, sources = project.sources.count
                    let users = project.users.map(\.name).joined(separator: ", ")
                    Console.error("\(file): \(project.users.count) users (\(users)), \(codes) codes, \(sources) text sources")
                    if let note = imported.conventionNote { Console.error("\(file): \(note)") }
                    Console.error("\(file): \(imported.importedSelections) of \(imported.codedSelections) coded selections imported")
                }
            }
        } catch {
            throw ExitStatus.failed(error)
        }
        if let coder {
            guard result.coders.contains(coder) else {
                let known = result.coders.isEmpty ? "it has no coded selections" : "its coders: \(result.coders.joined(separator: ", "))"
                Console.report(Diagnostic(path: file, message: "no coder '\(coder)' in this file; \(known)"))
                throw ExitCode(ExitStatus.usage)
            }
            result = result.filtered(coder: coder)
        }
        for diagnostic in result.warnings where !quiet || diagnostic.severity == .error { Console.report(diagnostic) }
        if !quiet {
            if (format ?? .jsonl) == .jsonl && result.coders.count > 1 {
                Console.report(Diagnostic(path: file, severity: .warning, message: "codings of \(result.coders.count) coders (\(result.coders.joined(separator: ", "))) in one JSONL stream; 'rapport agree' reads one coder per JSONL file: use --coder NAME or --format csv"))
            }
        }
        let bytes: [UInt8]
        if let report {
            let by = by ?? .encounter
            let figures = FrequencyReport(coded: result.coded, codebook: book, subcodes: false)
            switch report {
            case .table: bytes = Array(FrequencyTable.text(figures, by: by).utf8)
            case .csv: bytes = Array(ReportOutput.csv(figures, by: by).utf8)
            case .json: bytes = ReportOutput.json(figures, by: by)
            }
            try Output.write(bytes, to: output, inputs: [file])
            if result.warnings.contains(where: { $0.severity == .error }) { throw ExitStatus.failure }
            return
        }
        switch format ?? .jsonl {
        case .jsonl:
            var writer = JSONWriter()
            bytes = result.coded.flatMap { CodingOutput.jsonl($0, into: &writer) }
        case .csv:
            var csv = CSVWriter(header: CodingOutput.csvHeader)
            for c in result.coded { CodingOutput.csvRows(c, into: &csv) }
            bytes = Array(csv.text.utf8)
        }
        try Output.write(bytes, to: output, inputs: [file])
        // Broken parts of the input (unreadable sources, selections that cannot be placed, unknown
        // codes, repeated GUIDs) were reported and skipped; the rest is written, and the exit code says so.
        if result.warnings.contains(where: { $0.severity == .error }) { throw ExitStatus.failure }
    }
}

extension PositionConvention.Unit: ExpressibleByArgument {}
