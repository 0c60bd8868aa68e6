import ArgumentParser

/// The `rapport` command: parse, code, report on and export qualitative research transcripts.
@main
struct Rapport: ParsableCommand {
    /// Printed by `rapport --version`.
    static let version = "0.4.0"

    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Parse, code and report on social-work research transcripts.",
        discussion: """
            Exit codes: 0 every input was read; 1 some input failed (the others were still \
            processed and printed) or there was nothing to do (no transcripts found, an empty \
            file); 2 usage error. Errors print as path:line:col: error: message. Rapport never \
            opens a network connection, except 'rapport serve' on loopback behind a token.
            """,
        version: version,
        subcommands: [Report.self, Parse.self, Code.self, Agree.self, Evaluate.self, Learn.self, CodebookCommand.self, Export.self, Import.self, Serve.self]
    )

    /// Runs the command; usage errors exit with 2 (not argument-parser's 64), as documented, and
    /// print as `rapport: error: …` followed by the usage.
    static func main() {
        do {
            var command = try parseAsRoot()
            Interruption.install()
            try command.run()
        } catch {
            if exitCode(for: error) == ExitCode.validationFailure {
                var text = fullMessage(for: error)
                if text.hasPrefix("Error: ") { text = "rapport: error: " + text.dropFirst("Error: ".count) }
                Console.error(text)
                exit(withError: ExitCode(ExitStatus.usage))
            }
            exit(withError: error)
        }
    }
}
