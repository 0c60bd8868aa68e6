import ArgumentParser
import Dispatch
import Transcripts

/// Options every command that reads transcripts shares.
struct InputOptions: ParsableArguments {
    @Argument(help: "Transcript files or folders (searched recursively for .txt, .xml, .tei).")
    var paths: [String]

    @Flag(help: "Stop at the first input that cannot be read.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Do not print warnings (nor the progress bar shown on a terminal).")
    var quiet = false

    /// Every input parsed in parallel, in the order of `inputFiles`, with the errors of those that
    /// failed. Errors and (unless --quiet) warnings go to stderr as they would from a compiler.
    func load() throws -> (transcripts: [Transcript], errors: [Diagnostic]) {
        let (files, missing) = TranscriptLoader.inputFiles(paths)
        var errors = missing
        for error in missing {
            Console.error(error.description)
            if strict { throw ExitCode(1) }
        }
        let progress = Progress.start(files: files.count, enabled: !quiet)
        let results = ParallelMap.map(files) { path -> Result<Transcript, Diagnostic> in
            defer { progress?.advance(path: path) }
            do throws(Diagnostic) { return .success(try TranscriptLoader.load(path: path)) } catch { return .failure(error) }
        }
        progress?.finish()
        var transcripts: [Transcript] = []
        for result in results {
            switch result {
            case .success(let t):
                transcripts.append(t)
                if !quiet { for w in t.warnings { Console.error(w.description) } }
            case .failure(let d):
                errors.append(d)
                Console.error(d.description)
                if strict { throw ExitCode(1) }
            }
        }
        if files.isEmpty && missing.isEmpty {
            Console.error("rapport: no transcripts found in \(paths.joined(separator: ", ")) (looked for .txt, .xml, .tei)")
        }
        return (transcripts, errors)
    }
}
