import ArgumentParser

/// The `rapport` command: parse, code, report on and export qualitative research transcripts.
@main
struct Rapport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Parse, code and report on social-work research transcripts.",
        discussion: """
            Exit codes: 0 every input was read; 1 some inputs failed (the others were still \
            processed and printed); 2 usage error. Rapport never opens a network connection.
            """,
        subcommands: [Report.self, Parse.self, Code.self, Agree.self, Evaluate.self, CodebookCommand.self, Export.self, Import.self]
    )

    /// Runs the command; usage errors exit with 2 (not argument-parser's 64), as documented.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == ExitCode.validationFailure {
                Console.error(fullMessage(for: error))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
