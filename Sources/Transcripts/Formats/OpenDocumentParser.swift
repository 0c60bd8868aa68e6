/// Parses OpenDocument text transcripts (`.odt`, as LibreOffice and Google Docs save them):
/// reads `content.xml` from the package, lays its paragraphs and tables out as plain text (see
/// `DocumentText`) and parses that with `PlainTextParser`, so the same rules apply as for `.docx`.
///
/// `Transcript.text` is the extracted text, the one exports carry; segment ranges point into it
/// and `Segment.line` counts its lines. The package is read in memory and never extracted: only
/// `content.xml` (and the small manifest, to recognise encryption) is inflated, capped at 64 MB;
/// hostile or broken archives give a `Diagnostic` naming the file.
public struct OpenDocumentParser: Sendable {
    static let contentPart = "content.xml"
    static let manifestPart = "META-INF/manifest.xml"

    /// Creates a parser; it holds no state, so one value can be shared across threads.
    public init() {}

    /// Parses the `.odt` package in `bytes` read from `path`.
    public func parse(bytes: [UInt8], path: String) throws(Diagnostic) -> Transcript {
        let text = try extractText(bytes: bytes, path: path)
        var transcript = PlainTextParser().parse(text: text.text, path: path)
        transcript.warnings = text.warnings + transcript.warnings
        return transcript
    }

    /// The document's text in the plain-text conventions, and the XML parser's warnings.
    func extractText(bytes: [UInt8], path: String) throws(Diagnostic) -> (text: String, warnings: [Diagnostic]) {
        let archive = try ArchivePart.archive(bytes, path: path)
        if let manifest = try ArchivePart.bytes(Self.manifestPart, in: archive, path: path),
           Self.declaresEncryption(manifest) {
            throw Diagnostic(path: path, message: "the document is password-protected (encrypted); save it without a password")
        }
        guard let xml = try ArchivePart.bytes(Self.contentPart, in: archive, path: path) else {
            throw Diagnostic(path: path, message: "not an OpenDocument file: the archive has no \(Self.contentPart)")
        }
        let parsed = try ArchivePart.xml(Self.contentPart, bytes: xml, path: path)
        let root = parsed.root
        guard root.is("document-content", in: OpenDocumentBodyReader.office) else {
            throw Diagnostic(path: path, message:
                "\(Self.contentPart) is not OpenDocument content (root element '\(root.name)')")
        }
        var reader = OpenDocumentBodyReader(boldStyles: OpenDocumentBodyReader.boldStyles(in: root))
        guard reader.read(root) else {
            let kind = root.child("body", in: OpenDocumentBodyReader.office)?.elements.first?.name ?? "nothing"
            throw Diagnostic(path: path, message: "not a text document: its body holds \(kind), not text")
        }
        return (reader.document.finish(), parsed.warnings)
    }

    /// True when the manifest lists encryption data (ODF encrypts entries without ZIP's flag).
    static func declaresEncryption(_ manifest: [UInt8]) -> Bool {
        let needle = Array("encryption-data".utf8)
        guard manifest.count >= needle.count else { return false }
        return (0...(manifest.count - needle.count)).contains { i in
            manifest[i] == needle[0] && Array(manifest[i..<(i + needle.count)]) == needle
        }
    }
}
