#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Transcripts

/// Set by the signal handler; read between files.
nonisolated(unsafe) private var interruptRequested: sig_atomic_t = 0

/// Ctrl-C (SIGINT) and SIGTERM stop a run between files, so that no output is left half-written:
/// the command drops its temporary files, says what it did not write, and exits 130. A second
/// Ctrl-C ends the program at once.
enum Interruption {
    /// Exit status after an interruption, as shells report a death by SIGINT.
    static let status: Int32 = 130

    static func install() {
        let handler: @convention(c) (Int32) -> Void = { _ in
            if interruptRequested != 0 { _exit(Interruption.status) }
            interruptRequested = 1
        }
        signal(SIGINT, handler)
        signal(SIGTERM, handler)
        // A parent may have started us with these signals blocked; the handler must see them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }

    static var requested: Bool { interruptRequested != 0 }

    /// Throws (after printing `what`) when an interruption was requested; call between files.
    static func check(_ what: @autoclosure () -> String) throws {
        guard requested else { return }
        Console.report(.general("interrupted: \(what())"))
        throw ExitCode(status)
    }
}
