import ArgumentParser
import Coding
import Dispatch
import Foundation
import Learning
import Project
import Review
import Transcripts

/// `rapport serve`: the review page over a project, on loopback, behind a random token.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review and hand-code a project in the browser (a local page on 127.0.0.1).",
        discussion: """
            PROJECT is a project file (SQLite); it is created when missing. --add reads transcripts \
            (files or folders) and REFI-QDA projects (.qdpx, whose users become coders) into it; \
            the automatic coder then codes every new source as the coder 'rapport'. The server \
            prints an address with a random access token: only a browser that opened it (and \
            scripts sending 'Authorization: Bearer TOKEN') get in. It listens on loopback only \
            unless --host is given. Stop it with Ctrl-C; every acknowledged change is already on disk.
            """
    )

    @Argument(help: "The project file (created when missing).")
    var project: String

    @Option(parsing: .upToNextOption, help: "Transcripts, folders or .qdpx projects to add.")
    var add: [String] = []

    @Option(help: "Port to listen on (0: any free port).")
    var port: Int = 8711

    @Option(help: "Address to listen on (default 127.0.0.1). Anything but loopback exposes the project to the network.")
    var host: String?

    @Option(help: "Codebook YAML to use from now on (kept in the project as a new version).")
    var codebook: String?

    @Option(help: ArgumentHelp("A case sheet (CSV: file, encounter, case, date, setting, kind, participants) for the transcripts added; default: every attributes.csv beside them (docs/formats.md).", valueName: "file.csv"))
    var attributes: String?

    @Flag(help: "Blind coding for everyone: others' codings, decisions and memos show to a coder only in encounters that coder marked done (in the page, the compare view, the API and the export).")
    var blind = false

    @Flag(help: "Stop at the first input that cannot be read.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Print only the address and errors.")
    var quiet = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535, not \(port)") }
    }

    func run() throws {
        let store: ProjectStore
        let book: Codebook
        let version: Int64?
        let model: LearnedModel?
        do throws(ProjectError) {
            store = try ProjectStore.open(path: project)
            (book, version) = try loadCodebook(store)
            model = try TeamModel.latest(in: store, codebook: book)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        var failed = false
        if !add.isEmpty {
            let summary = ProjectImport.add(paths: add, to: store, codebook: book, attributes: attributes,
                                            interrupted: { Interruption.requested })
            if !quiet { for warning in summary.warnings { Console.report(warning) } }
            for error in summary.errors { Console.report(error) }
            if summary.interrupted {
                // Each source went in whole (one transaction), so the project is consistent.
                try Interruption.check("\(summary.handled) of \(summary.total) inputs added to \(project), each complete; not serving")
            }
            failed = !summary.errors.isEmpty
            if failed && strict { throw ExitCode(1) }
            if !quiet { Console.error("rapport: added \(summary.added) source\(summary.added == 1 ? "" : "s") to \(project)") }
        }
        let coded: Int
        var recodeInterrupted: String?
        do throws(ProjectError) {
            if let version {
                // Sources with undecided suggestions from another codebook version: after a
                // codebook change, or a re-coding that was interrupted.
                let stale = try store.sourcesWithSuggestions(notFrom: version)
                if !stale.isEmpty {
                    let summary = try ProjectImport.recode(in: store, codebook: book, codebookID: version, model: model,
                                                           sources: stale, interrupted: { Interruption.requested })
                    if !quiet { Console.error("rapport: " + summary.message(codebookVersion: version)) }
                    if Interruption.requested { recodeInterrupted = "re-coded \(summary.sources) of \(stale.count) sources (each complete); the rest are re-coded when the project is served again; not serving" }
                }
            }
            coded = try ProjectImport.codeNewSources(in: store, codebook: book, codebookID: version, model: model,
                                                     interrupted: { Interruption.requested })
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        if let recodeInterrupted { try Interruption.check(recodeInterrupted) }
        try Interruption.check("coded \(coded) new source\(coded == 1 ? "" : "s") (each complete); the rest are coded when the project is served again; not serving")
        if coded > 0 && !quiet { Console.error("rapport: coded \(coded) new source\(coded == 1 ? "" : "s") as 'rapport'") }
        let configuration = ReviewServer.Configuration(host: host ?? "127.0.0.1", port: port, blind: blind)
        if host != nil && !configuration.isLoopback {
            Console.error("warning: serving on \(configuration.host): anyone who can reach this address and holds the token can read and change the project")
        }
        let server = ReviewServer(store: store, codebook: book, configuration: configuration)
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        Task {
            do {
                try await server.run { port in
                    Console.write("Rapport review of \(project): \(server.url(port: port))\n")
                }
            } catch {
                outcome.set("rapport: error: cannot serve on \(configuration.host):\(port): \(error)")
            }
            finished.signal()
        }
        finished.wait()
        if let message = outcome.message {
            Console.error(message)
            throw ExitCode(1)
        }
        if failed { throw ExitCode(1) }
    }

    /// The codebook named with --codebook (stored as a new version), else the project's latest,
    /// else the built-in one (stored).
    func loadCodebook(_ store: ProjectStore) throws(ProjectError) -> (Codebook, Int64?) {
        if let path = codebook {
            let book: Codebook, yaml: String
            do throws(Diagnostic) {
                yaml = String(decoding: try TranscriptLoader.readBytes(path), as: UTF8.self)
                book = try Codebook.load(yaml: yaml, source: path)
            } catch {
                throw ProjectError(path: path, message: error.message)
            }
            return (book, try store.addCodebook(name: book.name, yaml: yaml))
        }
        if let current = try store.currentCodebook() {
            do throws(Diagnostic) {
                let book = try Codebook.load(yaml: current.yaml, source: "\(project) (codebook \(current.id))")
                return (book, current.id)
            } catch {
                throw ProjectError(path: project, message: "its codebook does not load: \(error.description)")
            }
        }
        let book = Codebook.relationship()
        return (book, try store.addCodebook(name: book.name, yaml: Codebook.relationshipYAML))
    }
}
