import ArgumentParser
import Coding
import Interchange
import Learning
import Foundation
import Project
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
            text, metadata and file names alike (sources become transcript-001 …), matched without \
            case or accents; --names FILE adds names or keeps an earlier key, --report-unknown lists \
            capitalised words that may be names nobody listed; the key is written only with \
            --pseudonym-key.
            """
    )

    @OptionGroup var inputs: InputOptions
    @OptionGroup var codebook: CodebookOption
    @OptionGroup var model: ModelOption
    @OptionGroup var project: ProjectInput

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

    @Option(help: ArgumentHelp("With --pseudonymise, more names to replace: one person per line, or the name,pseudonym key of an earlier run (so the project keeps one key).", valueName: "file"))
    var names: String?

    @Flag(help: "With --pseudonymise, list capitalised words that look like names but are in no list (review them; add real names to --names).")
    var reportUnknown = false

    func validate() throws {
        try project.validate(paths: inputs.paths)
        if ProjectInput.isProject(inputs.paths) {
            if codebook.codebook != nil || model.model != nil || model.noModel {
                throw ValidationError("a project carries its codebook and codings; --codebook, --model and --no-model do not apply")
            }
            if pseudonymise {
                throw ValidationError("--pseudonymise works on transcripts before coding; a project's codings point into the original text")
            }
        }
        if (names != nil || reportUnknown) && !pseudonymise {
            throw ValidationError("--names and --report-unknown work with --pseudonymise; add --pseudonymise")
        }
        if tei == nil && qdpx == nil && qdc == nil && csv == nil {
            throw ValidationError("name at least one output: --tei DIR, --qdpx FILE, --qdc FILE or --csv FILE")
        }
        if pseudonymKey != nil && !pseudonymise {
            throw ValidationError("--pseudonym-key writes the key of --pseudonymise; add --pseudonymise")
        }
    }

    func run() throws {
        Console.ignoreSigpipe()
        let book: Codebook
        let coded: [CodedTranscript]
        var errors: [Diagnostic] = []
        var key: PseudonymKey?
        if ProjectInput.isProject(inputs.paths) {
            // A project file: its codebook and the codings of the coders asked for (default: all), as they are.
            let path = inputs.paths[0]
            let opened = try ProjectInput.open(path)
            book = opened.codebook
            let coders = try project.chosen(in: path, coders: opened.coders, default: opened.coders.map(\.name))
            do throws(ProjectError) { coded = try opened.store.codedTranscripts(coders: coders) } catch {
                Console.error(error.description)
                throw ExitStatus.failure
            }
        } else {
            book = try codebook.load()
            var transcripts: [Transcript]
            (transcripts, errors) = try inputs.load()
            if pseudonymise {
                let list = try names.map(Self.readNames) ?? []
                let pseudonymiser = Pseudonymiser(transcripts: transcripts, list: list)
                if reportUnknown {
                    for t in transcripts { for warning in UnknownNames.warnings(in: t, key: pseudonymiser.key) { Console.report(warning) } }
                }
                // Names out of text and metadata, then file and folder names out of paths.
                transcripts = transcripts.enumerated().map { Pseudonymiser.renamingSource(pseudonymiser.apply($1), number: $0 + 1) }
                key = pseudonymiser.key
            }
            let coder = try model.coder(codebook: book, customCodebook: codebook.codebook != nil, quiet: inputs.quiet)
            coded = ParallelMap.map(transcripts, serial: inputs.jobs == 1) { coder.code($0) }
        }
        try Interruption.check("transcripts read and coded; nothing written")
        // Everything is staged first (TEI files in a temporary folder, every other file as a
        // temporary file) and moved into place only when all are ready: a failure or Ctrl-C on the
        // way leaves nothing half-done.
        var singles: [(path: String, bytes: () throws -> [UInt8])] = []
        if let qdpx {
            // Sources are named by file name, or pseudonymously: never by a path (folders often name families).
            let names = pseudonymise ? QDAProject.pseudonymousSourceNames(count: coded.count) : nil
            let date = Self.newestEncounterDate(of: coded)
            singles.append((qdpx, { try checked { () throws(Diagnostic) in
                try REFIQDAExport.qdpx(coded, codebook: book, sourceNames: names, date: date)
            } }))
        }
        if let qdc {
            singles.append((qdc, { try checked { () throws(Diagnostic) in try REFIQDAExport.qdc(book) } }))
        }
        if let csv {
            singles.append((csv, {
                var writer = CSVWriter(header: CodingOutput.csvHeader)
                for c in coded { CodingOutput.csvRows(c, into: &writer) }
                return Array(writer.text.utf8)
            }))
        }
        if let pseudonymKey, let key {
            singles.append((pseudonymKey, { Array(key.csv.utf8) }))
        }
        let total = (tei == nil ? 0 : coded.count) + singles.count
        var done = 0
        let progress = Progress.start(files: total, enabled: !inputs.quiet)
        defer { progress?.finish() }
        func staged() -> String { "\(done) of \(total) output files were ready; none was written" }
        var folder: AtomicFolder?
        if let tei {
            do throws(AtomicFile.WriteError) { folder = try AtomicFolder(path: tei, protecting: inputs.paths) } catch {
                throw ExitStatus.failed(error)
            }
            let names = TEIExport.fileNames(for: coded.map(\.transcript.path))
            for (c, name) in zip(coded, names) {
                try Interruption.check(staged())
                let bytes = try checked { () throws(Diagnostic) in try TEIExport.document(c, codebook: book) }
                do throws(AtomicFile.WriteError) { try folder?.write(bytes, name: name) } catch { throw ExitStatus.failed(error) }
                done += 1
                progress?.advance(bytes: bytes.count)
            }
        }
        var writers: [AtomicFile.Writer] = []
        for single in singles {
            try Interruption.check(staged())
            let bytes = try single.bytes()
            do throws(AtomicFile.WriteError) {
                let writer = try AtomicFile.Writer(path: single.path, protecting: inputs.paths)
                try writer.write(bytes)
                writers.append(writer)
            } catch { throw ExitStatus.failed(error) }
            done += 1
            progress?.advance(bytes: bytes.count)
        }
        try Interruption.check(staged())
        do throws(AtomicFile.WriteError) {
            try folder?.commit()
            for writer in writers { try writer.commit() }
        } catch { throw ExitStatus.failed(error) }
        if !inputs.quiet {
            let count = coded.reduce(0) { $0 + $1.annotations.joined().joined().count }
            var written: [String] = []
            if let tei { written.append("\(coded.count) TEI files in \(tei)") }
            written += [qdpx, qdc, csv, pseudonymKey].compactMap { $0 }
            Console.error("rapport: \(coded.count) transcripts, \(count) annotations; wrote \(written.joined(separator: ", "))")
        }
        if !errors.isEmpty { throw ExitStatus.failure }
    }

    /// The latest encounter date of the transcripts (midnight UTC, ISO 8601): the creation date
    /// written into a .qdpx. It comes from the content, not from file times, so the same
    /// transcripts give the same bytes in any checkout; nil when no encounter has a date.
    static func newestEncounterDate(of coded: [CodedTranscript]) -> String? {
        let dates = coded.flatMap { $0.transcript.encounters.compactMap(\.date) }.filter { date in
            date.utf8.count == 10 && date.utf8.enumerated().allSatisfy { i, b in
                (i == 4 || i == 7) ? b == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            }
        }
        return dates.max().map { "\($0)T00:00:00Z" }
    }

    /// The names list at `path`; its error printed and exit status 1 when it cannot be read.
    static func readNames(_ path: String) throws -> [NameList.Entry] {
        do throws(Diagnostic) {
            let text = try TextDecoding.decode(TranscriptLoader.readBytes(path), path: path).text
            return try NameList.read(text, path: path)
        } catch {
            throw ExitStatus.failed(error)
        }
    }

    /// The bytes `make` returns, or its diagnostic printed and exit status 1.
    private func checked(_ make: () throws(Diagnostic) -> [UInt8]) throws -> [UInt8] {
        do throws(Diagnostic) {
            return try make()
        } catch {
            throw ExitStatus.failed(error)
        }
    }
}
