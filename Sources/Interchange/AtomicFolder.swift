import Foundation

/// A set of files that appears in its folder all together or not at all: each file is written into
/// a temporary folder next to the destination, and only `commit()` moves them in. A run that fails
/// or is interrupted before the commit leaves the destination as it was.
public final class AtomicFolder {
    public let path: String
    let staging: String
    let inputs: [String]
    var finished = false
    /// Names written so far, in order.
    public private(set) var names: [String] = []

    /// Prepares a temporary folder next to `path` (which need not exist yet); refuses when `path`
    /// is, or lies inside, one of `protecting` (an input).
    public init(path: String, protecting inputs: [String] = []) throws(AtomicFile.WriteError) {
        self.path = path
        self.inputs = inputs
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        for input in inputs {
            let protected = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
            if target == protected {
                throw AtomicFile.WriteError(path: path, message: "refusing to write into an input folder")
            }
        }
        let parent = (target as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw AtomicFile.WriteError(path: path, message: "folder '\(parent)' does not exist")
        }
        staging = parent + "/." + (target as NSString).lastPathComponent + ".rapport-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard mkdir(staging, 0o755) == 0 else {
            throw AtomicFile.WriteError(path: path, message: "cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
    }

    /// Writes one file (a plain name, no folders) into the temporary folder.
    public func write(_ bytes: [UInt8], name: String) throws(AtomicFile.WriteError) {
        let writer = try AtomicFile.Writer(path: staging + "/" + name)
        try writer.write(bytes)
        try writer.commit()
        names.append(name)
    }

    /// Moves every file written into the destination, creating it when missing: by one rename of
    /// the whole folder when the destination does not exist, else file by file (each a rename, so
    /// no file is ever half there), replacing files of the same name.
    public func commit() throws(AtomicFile.WriteError) {
        guard !finished else { return }
        finished = true
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if rename(staging, path) == 0 { return }
        } else if !isDirectory.boolValue {
            abortStaging()
            throw AtomicFile.WriteError(path: path, message: "not a folder")
        }
        for name in names where rename(staging + "/" + name, path + "/" + name) != 0 {
            let reason = String(cString: strerror(errno))
            abortStaging()
            throw AtomicFile.WriteError(path: path + "/" + name, message: "cannot move into place: \(reason)")
        }
        rmdir(staging)
    }

    /// Drops everything written: the destination stays as it was.
    public func abort() {
        guard !finished else { return }
        finished = true
        abortStaging()
    }

    private func abortStaging() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    deinit { abort() }
}
