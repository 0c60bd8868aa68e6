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
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs {
            let protected = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if target == protected || target.hasPrefix(protected + "/") && isInputFile(target) {
                throw WriteError(path: path, message: "refusing to write over an input file")
            }
        }
        let folder = (target as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteError(path: path, message: "folder '\(folder)' does not exist")
        }
        let name = (target as NSString).lastPathComponent
        let temporary = folder + "/." + name + ".rapport-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, message: "cannot create file: \(String(cString: strerror(errno)))") }
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
        if failure == nil && fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temporary)
            throw WriteError(path: path, message: "cannot write file: \(failure)")
        }
        if rename(temporary, target) != 0 {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, message: "cannot replace file: \(message)")
        }
    }

    /// A file inside an input folder counts as an input only if Rapport would read it.
    static func isInputFile(_ path: String) -> Bool {
        ["txt", "text", "xml", "tei", "docx", "odt", "vtt", "srt"].contains((path as NSString).pathExtension.lowercased())
    }
}
