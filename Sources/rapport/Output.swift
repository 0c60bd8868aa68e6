import ArgumentParser
import Exports
import Foundation

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
            Console.error("rapport: \(error)")
            throw ExitCode(1)
        }
    }
}
