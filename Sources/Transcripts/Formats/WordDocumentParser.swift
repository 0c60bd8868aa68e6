/// Parses Word transcripts (`.docx`): reads `word/document.xml` from the package, lays its
/// paragraphs and tables out as plain text (see `DocumentText`) and parses that with
/// `PlainTextParser`, so a transcript typed in Word segments as the same transcript typed in a
/// `.txt` file would.
///
/// `Transcript.text` is the extracted text, the one exports carry; segment ranges point into it
/// and `Segment.line` counts its lines (a `.docx` has no lines of its own). The package is read in
/// memory and never extracted: only `word/document.xml` is inflated, capped at 64 MB, so headers,
/// footers, comments and notes (separate parts) are not read, and hostile archives (zip bombs,
/// `../` entry names, encrypted or corrupt files) give a `Diagnostic` naming the file.
public struct WordDocumentParser: Sendable {
    /// The package part holding the document body.
    static let documentPart = "word/document.xml"

    /// Creates a parser; it holds no state, so one value can be shared across threads.
    public init() {}

    /// Parses the `.docx` package in `bytes` read from `path`.
    public func parse(bytes: [UInt8], path: String) throws(Diagnostic) -> Transcript {
        let text = try extractText(bytes: bytes, path: path)
        var transcript = PlainTextParser().parse(text: text.text, path: path)
        transcript.warnings = text.warnings + transcript.warnings
        return transcript
    }

    /// The document's text in the plain-text conventions, and the XML parser's warnings.
    func extractText(bytes: [UInt8], path: String) throws(Diagnostic) -> (text: String, warnings: [Diagnostic]) {
        let archive = try ArchivePart.archive(bytes, path: path)
        guard let xml = try ArchivePart.bytes(Self.documentPart, in: archive, path: path) else {
            throw Diagnostic(path: path, message: "not a Word document: the archive has no \(Self.documentPart)")
        }
        let parsed = try ArchivePart.xml(Self.documentPart, bytes: xml, path: path)
        let root = parsed.root
        guard root.name == "document", let namespace = root.namespace, WordBodyReader.namespaces.contains(namespace) else {
            throw Diagnostic(path: path, message:
                "\(Self.documentPart) is not a WordprocessingML document (root element '\(root.name)')")
        }
        var reader = WordBodyReader(namespace: namespace)
        reader.read(root)
        return (reader.document.finish(), parsed.warnings)
    }
}
