import ArgumentParser
import Coding
import Interchange
import Foundation
import Transcripts

/// `rapport export`: coded transcripts as annotated TEI, REFI-QDA (.qdpx, .qdc) or CSV.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write coded transcripts as annotated TEI P5, a REFI-QDA project (.qdpx) or codebook (.qdc), or CSV.",
        discussion: """
            Transcripts are coded with the codebook, then written in every format asked for; each \
            file is written atomically and never over an input. TEI: one <name>.tei.xml per \
            transcript, valid against tei_all; 'rapport import' reads its codes back. REFI-QDA: \
            selections count Unicode code points from 0, the end exclusive. With --pseudonymise, \
            participants' names become role-based pseudonyms (Worker 1, Parent 2) before coding, in \
            text and metadata alike; the key is written only with --pseudonym-key.
            """
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var codebook: CodebookOption

    @Option(help: ArgumentHelp("Folder for one annotated TEI P5 file per transcript (<name>.tei.xml); created if missing.", valueName: "dir"))
    var tei: String?

    @Option(help: ArgumentHelp("Write transcripts, codebook and codings as a REFI-QDA project.", valueName: "file.qdpx"))
    var qdpx: String?

    @Option(help: ArgumentHelp("Write the codebook as a REFI-QDA codebook.", valueName: "file.qdc"))
    var qdc: String?

    @Option(help: ArgumentHelp("Write one CSV row per annotation (path, encounter, case, date, setting, segment, speaker, role, code, start, end, text, cue, rule, coder).", valueName: "file.csv"))
    var csv: String?

    @Flag(help: "Replace participants' names with role-based pseudonyms (Worker 1, Parent 2) in every export.")
    var pseudonymise = false

    @Option(help: ArgumentHelp("With --pseudonymise, write the key (CSV: name,pseudonym) to this file.", valueName: "file.csv"))
    var pseudonymKey: String?

    func validate() throws {
        if tei == nil && qdpx == nil && qdc == nil && csv == nil {
            throw ValidationError("name at least one output: --tei DIR, --qdpx FILE, --qdc FILE or --csv FILE")
        }
        if pseudonymKey != nil && !pseudonymise {
            throw ValidationError("--pseudonym-key writes the key of --pseudonymise; add --pseudonymise")
        }
    }

    func run() throws {
        Console.ignoreSigpipe()
        let book = try codebook.load()
        var (transcripts, errors) = try inputs.load()
        var key: PseudonymKey?
        if pseudonymise {
            let pseudonymiser = Pseudonymiser(transcripts: transcripts)
            transcripts = transcripts.map(pseudonymiser.apply)
            key = pseudonymiser.key
        }
        let coder = Coder(codebook: book)
        let coded = ParallelMap.map(transcripts, serial: inputs.jobs == 1) { coder.code($0) }
        if let tei {
            try makeFolder(tei)
            let names = TEIExport.fileNames(for: coded.map(\.transcript.path))
            for (c, name) in zip(coded, names) {
                try write(try checked { () throws(Diagnostic) in try TEIExport.document(c, codebook: book) },
                          to: (tei as NSString).appendingPathComponent(name))
            }
        }
        if let qdpx {
            // Sources are named by file name, or pseudonymously: never by a path (folders often name families).
            let names = pseudonymise ? QDAProject.pseudonymousSourceNames(count: coded.count) : nil
            let date = Self.newestModification(of: coded.map(\.transcript.path))
            try write(try checked { () throws(Diagnostic) in
                try REFIQDAExport.qdpx(coded, codebook: book, sourceNames: names, date: date)
            }, to: qdpx)
        }
        if let qdc {
            try write(try checked { () throws(Diagnostic) in try REFIQDAExport.qdc(book) }, to: qdc)
        }
        if let csv {
            var writer = CSVWriter(header: CodingOutput.csvHeader)
            for c in coded { CodingOutput.csvRows(c, into: &writer) }
            try write(Array(writer.text.utf8), to: csv)
        }
        if let pseudonymKey, let key {
            try write(Array(key.csv.utf8), to: pseudonymKey)
        }
        if !inputs.quiet {
            let count = coded.reduce(0) { $0 + $1.annotations.joined().joined().count }
            var written: [String] = []
            if let tei { written.append("\(coded.count) TEI files in \(tei)") }
            written += [qdpx, qdc, csv, pseudonymKey].compactMap { $0 }
            Console.error("rapport: \(coded.count) transcripts, \(count) annotations; wrote \(written.joined(separator: ", "))")
        }
        if !errors.isEmpty { throw ExitStatus.failure }
    }

    /// The newest modification time of the input files (ISO 8601, UTC, whole seconds): the
    /// creation date written into a .qdpx, the same for the same files, so output stays repeatable.
    static func newestModification(of paths: [String]) -> String? {
        let dates = paths.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as? Date }
        guard let newest = dates.max() else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: newest.timeIntervalSince1970.rounded(.down)))
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        try Output.write(bytes, to: path, inputs: inputs.paths)
    }

    /// The bytes `make` returns, or its diagnostic printed and exit status 1.
    private func checked(_ make: () throws(Diagnostic) -> [UInt8]) throws -> [UInt8] {
        do throws(Diagnostic) {
            return try make()
        } catch {
            throw ExitStatus.failed(error)
        }
    }

    private func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw ExitStatus.failed(Diagnostic(path: path, message: "cannot create folder: \(error.localizedDescription)"))
        }
    }
}
