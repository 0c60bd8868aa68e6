/// Reads one XML part of a document package (a ZIP archive such as `.docx` or `.odt`) into an
/// `XMLTree`, in memory and with `XMLSource`'s safe parser options, reporting every failure as
/// a `Diagnostic` that names the file and the part.
enum ArchivePart {
    /// Opens the archive in `bytes`, or throws a `Diagnostic` saying why it is not readable.
    static func archive(_ bytes: [UInt8], path: String) throws(Diagnostic) -> ZipArchive {
        do {
            return try ZipArchive(bytes: bytes)
        } catch {
            throw Diagnostic(path: path, message: error.description)
        }
    }

    /// The uncompressed bytes of `name`, or nil when the archive has no such entry.
    static func bytes(_ name: String, in archive: ZipArchive, path: String) throws(Diagnostic) -> [UInt8]? {
        guard let entry = archive.entry(named: name) else { return nil }
        do {
            return try archive.contents(of: entry)
        } catch {
            throw Diagnostic(path: path, message: error.description)
        }
    }

    /// The parsed XML of `name`; a located XML error is reported as `path: error: in NAME at
    /// line L, column C: message`, since lines of the part are not lines of the file.
    static func xml(_ name: String, bytes: [UInt8], path: String) throws(Diagnostic) -> XMLSource.Parsed {
        do {
            return try XMLSource.parse(bytes, path: path)
        } catch {
            let place = error.line > 0 ? " at line \(error.line), column \(error.column)" : ""
            throw Diagnostic(path: path, message: "in \(name)\(place): \(error.message)")
        }
    }
}
