#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Transcripts

/// Writes to stdout and stderr; a closed pipe (`rapport … | head`) ends the program quietly.
enum Console {
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func ignoreSigpipe() { signal(SIGPIPE, SIG_IGN) }

    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(1, base + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    // EPIPE: the reader went away; stop quietly. Anything else: report and fail.
                    if errno != EPIPE {
                        report(.general("cannot write output: \(String(cString: strerror(errno)))"))
                        exit(ExitStatus.inputFailed)
                    }
                    exit(ExitStatus.success)
                }
                offset += n
            }
        }
    }

    static func write(_ text: String) { write(Array(text.utf8)) }

    /// Prints a diagnostic to stderr as a compiler does, quoting its source line and a caret when
    /// the file is a text file it can read again.
    static func report(_ diagnostic: Diagnostic) {
        error(diagnostic.citingSourceFile().description)
    }

    /// Prints a line to stderr as it is; prefer `report(_:)` for errors and warnings.
    static func error(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = systemWrite(2, base, buffer.count)
        }
    }

    /// `write(2)` of the C library of the platform.
    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
        #else
        return Darwin.write(fd, buffer, count)
        #endif
    }
}
