import ArgumentParser
import Dispatch
import Transcripts

/// Options every command that reads transcripts shares.
struct InputOptions: ParsableArguments {
    @Argument(help: "Transcript files or folders (searched recursively for .txt, .xml, .tei, .docx, .odt, .vtt, .srt).")
    var paths: [String]

    @Flag(help: "Stop at the first input that cannot be read.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Do not print warnings (nor the progress bar shown on a terminal).")
    var quiet = false

    @Option(help: "Process one file at a time with 1; default: all cores. The output is the same either way.")
    var jobs: Int?

    @Option(help: ArgumentHelp("A case sheet (CSV: file, encounter, case, date, setting, kind, participants) for the transcripts; default: every attributes.csv beside them (docs/formats.md).", valueName: "file.csv"))
    var attributes: String?

    /// Every input parsed in parallel, in input order, with the errors of those that failed.
    /// Holds every transcript in memory: for commands that need them all at once (parse, HTML).
    func load() throws -> (transcripts: [Transcript], errors: [Diagnostic]) {
        var transcripts: [Transcript] = []
        let errors = try stream(transform: { $0 }) { transcripts.append($0) }
        return (transcripts, errors)
    }

    /// Streams the inputs through `transform` in bounded parallel batches and hands each result to
    /// `consume` in input order, so memory stays flat however large the corpus. Errors and (unless
    /// --quiet) warnings go to stderr as a compiler prints them; --strict stops at the first error.
    /// Returns the errors of the inputs that failed. When nothing could be read (no transcript
    /// found, or every input failed) it throws exit 1 before anything is consumed or written:
    /// an empty folder is usually the wrong folder, and an output of nothing is no output.
    func stream<T: Sendable>(
        batchSize: Int = 64, transform: @escaping @Sendable (Transcript) -> T, consume: (T) throws -> Void
    ) throws -> [Diagnostic] {
        let (files, missing) = TranscriptLoader.inputFiles(paths)
        var errors = missing
        for error in missing {
            Console.report(error)
            if strict { throw ExitStatus.failure }
        }
        if files.isEmpty && missing.isEmpty {
            // Nothing to do is a failure too (exit 1): an empty folder is usually the wrong folder.
            let empty = Diagnostic.general("no transcripts found in \(paths.joined(separator: ", ")) (looked for \(TranscriptLoader.extensions.sorted().map { "." + $0 }.joined(separator: " ")))")
            Console.report(empty)
            throw ExitStatus.failure
        }
        // Case sheets fill in (and override, with a warning) what files say about encounters.
        let (sheets, sheetErrors) = CaseSheet.sheets(for: files, inputs: paths, explicit: attributes)
        for error in sheetErrors {
            Console.report(error)
            errors.append(error)
            if strict { throw ExitStatus.failure }
        }
        if !quiet { for sheet in sheets { for w in sheet.warnings { Console.report(w) } } }
        let progress = Progress.start(files: files.count, enabled: !quiet)
        defer { progress?.finish() }
        var start = 0, read = 0
        while start < files.count {
            try Interruption.check("\(start) of \(files.count) files read; nothing written")
            let batch = Array(files[start..<min(files.count, start + batchSize)])
            start += batch.count
            let results = ParallelMap.map(batch, serial: jobs == 1) { path -> Result<(T, [Diagnostic]), Diagnostic> in
                defer { progress?.advance(path: path) }
                do throws(Diagnostic) {
                    let transcript = CaseSheet.apply(sheets, to: try TranscriptLoader.load(path: path))
                    if transcript.text.allSatisfy(\.isWhitespace) {
                        throw Diagnostic(path: path, message: "empty file: no text to read")
                    }
                    return .success((transform(transcript), transcript.warnings))
                } catch {
                    return .failure(error)
                }
            }
            for result in results {
                switch result {
                case .success(let (value, warnings)):
                    if !quiet { for w in warnings { Console.report(w) } }
                    try consume(value)
                    read += 1
                case .failure(let d):
                    errors.append(d)
                    Console.report(d)
                    if strict { throw ExitStatus.failure }
                }
            }
        }
        if read == 0 { throw ExitStatus.failure }
        return errors
    }
}
