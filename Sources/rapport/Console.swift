#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to stdout and stderr; a closed pipe (`rapport … | head`) ends the program quietly.
enum Console {
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func ignoreSigpipe() { signal(SIGPIPE, SIG_IGN) }

    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    // EPIPE: the reader went away; stop quietly. Anything else: report and fail.
                    if errno != EPIPE { error("rapport: cannot write output: \(String(cString: strerror(errno)))") ; exit(1) }
                    exit(0)
                }
                offset += n
            }
        }
    }

    static func write(_ text: String) { write(Array(text.utf8)) }

    static func error(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { _ = Glibc.write(2, $0.baseAddress!, $0.count) }
    }
}
