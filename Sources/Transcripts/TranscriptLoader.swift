import Foundation

/// Finds transcript files under the paths a user names and parses each with the parser its
/// extension calls for.
public enum TranscriptLoader {
    /// File extensions read when a folder is given, lower-cased.
    public static let extensions: Set<String> = ["txt", "text", "xml", "tei", "docx", "odt", "vtt", "srt"]

    /// The files named by `paths`, folders searched recursively, in a stable sorted order.
    /// A path that does not exist is reported as a `Diagnostic`.
    public static func inputFiles(_ paths: [String]) -> (files: [String], errors: [Diagnostic]) {
        var files: [String] = []
        var errors: [Diagnostic] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                errors.append(Diagnostic(path: path, message: "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            var found: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") { walker.skipDescendants(); continue }
                    let ext = (name as NSString).pathExtension.lowercased()
                    if extensions.contains(ext) && name.lowercased() != "readme.txt" {
                        let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
                        var isDir: ObjCBool = false
                        if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { found.append(full) }
                    }
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return (files, errors)
    }

    /// Reads and parses one file; throws a located `Diagnostic` when it cannot.
    public static func load(path: String) throws(Diagnostic) -> Transcript {
        let bytes = try readBytes(path)
        return try parse(bytes: bytes, path: path)
    }

    /// Parses bytes as the format `path`'s extension names (plain text unless XML, Word,
    /// OpenDocument or subtitles; see docs/formats.md).
    public static func parse(bytes: [UInt8], path: String) throws(Diagnostic) -> Transcript {
        switch (path as NSString).pathExtension.lowercased() {
        case "xml", "tei":
            return try XMLTranscriptParser().parse(bytes: bytes, path: path)
        case "docx":
            return try WordDocumentParser().parse(bytes: bytes, path: path)
        case "odt":
            return try OpenDocumentParser().parse(bytes: bytes, path: path)
        case "vtt", "srt":
            return try SubtitleParser().parse(bytes: bytes, path: path)
        default:
            return try PlainTextParser().parse(bytes: bytes, path: path)
        }
    }

    /// The file's bytes, or a `Diagnostic` saying why it could not be read.
    public static func readBytes(_ path: String) throws(Diagnostic) -> [UInt8] {
        if let bytes = readRegularFile(path) { return bytes }
        // Anything unusual (no such file, a folder, a read error) goes through FileHandle, whose
        // messages the diagnostics quote.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Diagnostic(path: path, message: "cannot open file for reading")
        }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return [UInt8](data)
        } catch {
            throw Diagnostic(path: path, message: "cannot read file: \(error.localizedDescription)")
        }
    }

    /// A regular file's bytes read straight into an array (one `read` of the size `fstat` gives,
    /// no `Data` in between); nil when it is not a regular file or a call fails.
    static func readRegularFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count))) }
            let n = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
