import ArgumentParser
import Interchange
import Transcripts

/// The documented exit statuses of every command: 0 every input was read, 1 some input failed or
/// there was nothing to do (an empty folder, an empty file), 2 a usage error.
enum ExitStatus {
    static let success: Int32 = 0
    static let inputFailed: Int32 = 1
    static let usage: Int32 = 2

    /// Thrown by a command when some input failed or there was nothing to do.
    static var failure: ExitCode { ExitCode(inputFailed) }
}

extension ExitStatus {
    /// Reports `diagnostic` on stderr and gives the status for a failed input.
    static func failed(_ diagnostic: Diagnostic) -> ExitCode {
        Console.report(diagnostic)
        return failure
    }

    /// Reports a failed write (`path: error: message`) and gives the status for a failed input.
    static func failed(_ error: AtomicFile.WriteError) -> ExitCode {
        failed(Diagnostic(path: error.path, message: error.message))
    }
}
