import ArgumentParser
import Interchange
import Foundation
import Transcripts

/// Writes a command's result to stdout, or to a file atomically (temporary file in the same
/// folder, flushed, renamed), refusing to overwrite any of the inputs.
enum Output {
    static func write(_ bytes: [UInt8], to path: String?, inputs: [String]) throws {
        guard let path else {
            Console.write(bytes)
            return
        }
        do {
            try AtomicFile.write(bytes, to: path, protecting: inputs)
        } catch {
            throw ExitStatus.failed(error)
        }
    }

    /// Where a streamed result goes: standard output, or a file that appears only on `commit()`.
    final class Sink {
        let writer: AtomicFile.Writer?

        init(path: String?, inputs: [String]) throws {
            guard let path else { writer = nil; return }
            do { writer = try AtomicFile.Writer(path: path, protecting: inputs) } catch {
                throw ExitStatus.failed(error)
            }
        }

        func write(_ bytes: [UInt8]) throws {
            guard let writer else { Console.write(bytes); return }
            do { try writer.write(bytes) } catch {
                throw ExitStatus.failed(error)
            }
        }

        func commit() throws {
            do { try writer?.commit() } catch {
                throw ExitStatus.failed(error)
            }
        }
    }
}
