/// Why a ZIP archive (a `.docx` or `.odt` file) or one of its entries could not be read; each
/// case reads as the message after `path: error:`.
package enum ZipError: Error, Equatable, CustomStringConvertible {
    /// No end-of-archive record: not a ZIP file at all.
    case notAnArchive
    /// An OLE compound file: what Word writes for a password-protected document (and for .doc).
    case compoundFile
    /// Structure that points outside the file or contradicts itself.
    case corrupt(String)
    /// An entry flagged as encrypted (ZIP or strong encryption).
    case encrypted(entry: String)
    /// A compression method other than stored (0) or deflate (8).
    case unsupportedMethod(entry: String, method: UInt16)
    /// An entry whose declared uncompressed size is over the limit.
    case declaredTooLarge(entry: String, size: UInt64, limit: Int)
    /// An entry whose inflated output runs past its declared size or the limit.
    case inflatesTooFar(entry: String, limit: Int)

    package var description: String {
        switch self {
        case .notAnArchive:
            return "not a ZIP archive (no end-of-archive record): a .docx or .odt file is a ZIP archive"
        case .compoundFile:
            return "a password-protected (encrypted) Office document or a Word 97-2003 file, not a ZIP archive; save it as a .docx without a password"
        case .corrupt(let detail):
            return "corrupt or truncated ZIP archive: \(detail)"
        case .encrypted(let entry):
            return "'\(entry)' is encrypted; save the document without a password"
        case .unsupportedMethod(let entry, let method):
            return "'\(entry)' uses ZIP compression method \(method); only stored (0) and deflate (8) can be read"
        case .declaredTooLarge(let entry, let size, let limit):
            return "'\(entry)' declares \(size) bytes uncompressed, over the \(limit >> 20) MB limit; refusing a possible zip bomb"
        case .inflatesTooFar(let entry, let limit):
            return "'\(entry)' inflates past \(limit) bytes (its declared size or the limit); refusing a corrupt entry or a zip bomb"
        }
    }
}
