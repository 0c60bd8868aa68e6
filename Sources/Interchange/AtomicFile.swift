import Foundation

/// Writes files so that a reader never sees half of one: the bytes go to a temporary file in the
/// destination's folder, are flushed to disk, and the file is renamed over the destination.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): error: \(message)" }
    }

    /// Writes `bytes` to `path`; refuses when `path` is one of `protecting` (or lies inside a
    /// folder named there), so an output never overwrites an input.
    public static func write(_ bytes: [UInt8], to path: String, protecting inputs: [String] = []) throws(WriteError) {
        let writer = try Writer(path: path, protecting: inputs)
        try writer.write(bytes)
        try writer.commit()
    }

    /// An output written piece by piece (so memory stays flat) that appears at its destination
    /// only on `commit()`; dropped without a commit, it leaves nothing behind.
    public final class Writer {
        let path: String
        let target: String
        let temporary: String
        var fd: Int32
        var finished = false

        public init(path: String, protecting inputs: [String] = []) throws(WriteError) {
            self.path = path
            target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            for input in inputs {
                let protected = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
                if target == protected || target.hasPrefix(protected + "/") && AtomicFile.isInputFile(target) {
                    throw WriteError(path: path, message: "refusing to write over an input file")
                }
            }
            let folder = (target as NSString).deletingLastPathComponent
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw WriteError(path: path, message: "folder '\(folder)' does not exist")
            }
            let name = (target as NSString).lastPathComponent
            temporary = folder + "/." + name + ".rapport-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else {
                throw WriteError(path: path, message: "cannot create file: \(String(cString: strerror(errno)))")
            }
        }

        /// Appends `bytes`; on failure the temporary file is removed.
        public func write(_ bytes: [UInt8]) throws(WriteError) {
            var offset = 0
            var failure: String?
            bytes.withUnsafeBytes { buffer in
                while offset < buffer.count {
                    let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = String(cString: strerror(errno))
                        return
                    }
                    offset += n
                }
            }
            if let failure {
                abort()
                throw WriteError(path: path, message: "cannot write file: \(failure)")
            }
        }

        /// Flushes the file to disk and renames it over the destination.
        public func commit() throws(WriteError) {
            guard !finished else { return }
            var failure: String?
            if fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
            if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
            finished = true
            if failure == nil && rename(temporary, target) != 0 { failure = String(cString: strerror(errno)) }
            if let failure {
                unlink(temporary)
                throw WriteError(path: path, message: "cannot write file: \(failure)")
            }
        }

        /// Drops what was written: nothing appears at the destination.
        public func abort() {
            guard !finished else { return }
            finished = true
            close(fd)
            unlink(temporary)
        }

        deinit { abort() }
    }

    /// A file inside an input folder counts as an input only if Rapport would read it.
    static func isInputFile(_ path: String) -> Bool {
        ["txt", "text", "xml", "tei", "docx", "odt", "vtt", "srt"].contains((path as NSString).pathExtension.lowercased())
    }
}
