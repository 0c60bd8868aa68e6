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
}
