import ArgumentParser
import Coding
import Interchange
import Foundation
import Project
import Reports
import Transcripts

/// `rapport agree`: inter-coder agreement between codings, or over a reliability table.
struct Agree: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Agreement between coders: percent agreement, Cohen's and Fleiss' kappa, Krippendorff's alpha.",
        discussion: """
            CODINGS are files from 'rapport code --format jsonl' (one coder each) or CSV files with \
            columns path, encounter, segment, code, coder (one row per code a coder applied). Units \
            are segments. With --table, FILE.csv is a reliability matrix: first column the unit id, \
            one column per coder, an empty cell where a coder gave no value. CODINGS may instead be \
            one project file (from 'rapport serve'): its coders are compared (--coder, repeated, \
            picks them; default: every coder but 'adjudicated'; 'rapport' is the machine), each on \
            the segments of the encounters they worked on (coded, decided a suggestion in, or \
            marked done), so text nobody coded never counts as agreement.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "Codings to compare (JSONL from 'rapport code', or CSV).")
    var codings: [String] = []

    @Option(help: "A reliability data matrix (CSV) instead of codings.")
    var table: String?

    @Option(help: "Level of measurement for --table: nominal (default), ordinal, interval or ratio.")
    var level: MeasurementLevel?

    @Flag(help: "List the units the coders disagree on (codings only, not --table).")
    var disagreements = false

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var codebook: CodebookOption
    @OptionGroup var project: ProjectInput

    func validate() throws {
        try project.validate(paths: codings)
        if ProjectInput.isProject(codings) && codebook.codebook != nil {
            throw ValidationError("a project carries its codebook; --codebook does not apply")
        }
        if table == nil && codings.isEmpty { throw ValidationError("give codings to compare, or --table FILE.csv") }
        if table != nil && !codings.isEmpty {
            throw ValidationError("give either codings to compare or --table FILE.csv, not both")
        }
        if table != nil && disagreements {
            throw ValidationError("--disagreements lists coded segments; it does not apply to --table")
        }
        if table == nil && level != nil {
            throw ValidationError("--level is the level of measurement of a --table; codings are always nominal")
        }
    }

    func run() throws {
        Console.ignoreSigpipe()
        if let table {
            let text = try readText(table)
            do throws(ReliabilityTableError) {
                let level = level ?? .nominal
                let data = try ReliabilityData(csv: text, level: level)
                switch format {
                case .table: Console.write(AgreementTable.text(table: data, level: level))
                case .json: Console.write(AgreementOutput.json(table: data, level: level))
                }
            } catch {
                throw ExitStatus.failed(Diagnostic(path: table, line: error.line, column: error.column, message: error.message))
            }
            return
        }
        var all: [Codings] = []
        var codes: [String]?
        if ProjectInput.isProject(codings) {
            let path = codings[0]
            let (store, book, known) = try ProjectInput.open(path)
            let names = try project.chosen(in: path, coders: known,
                                           default: known.map(\.name).filter { $0 != ProjectCoder.adjudicatedName })
            do throws(ProjectError) { all = try store.agreementCodings(coders: names) } catch {
                Console.error(error.description)
                throw ExitStatus.failure
            }
            codes = book.topLevelIDs
        }
        for path in codings where codes == nil {
            let text = try readText(path)
            do throws(Diagnostic) {
                all += path.lowercased().hasSuffix(".csv") ? try Codings.csv(text, source: path) : try Codings.jsonl(text, source: path)
            } catch {
                throw ExitStatus.failed(error)
            }
        }
        guard all.count >= 2 else {
            throw ExitStatus.failed(.general("agreement needs at least two coders; found \(all.count): \(all.map(\.coder).joined(separator: ", "))"))
        }
        let agreement = CodingAgreement(all, codes: try codes ?? codebook.load().topLevelIDs)
        switch format {
        case .table: Console.write(AgreementTable.text(agreement, disagreements: disagreements))
        case .json: Console.write(AgreementOutput.json(agreement, disagreements: disagreements))
        }
    }

    func readText(_ path: String) throws -> String {
        do throws(Diagnostic) {
            return try TextDecoding.decode(TranscriptLoader.readBytes(path), path: path).text
        } catch {
            throw ExitStatus.failed(error)
        }
    }
}

extension MeasurementLevel: ExpressibleByArgument {}
