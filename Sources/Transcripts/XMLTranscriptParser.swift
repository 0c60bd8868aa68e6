/// Parses XML transcripts, TEI P5 (`<TEI>`, `<teiCorpus>`) and Rapport's native `<transcript>`,
/// into the same model as plain text. `Transcript.text` is not the XML source but its plain-text
/// rendition (see `XMLTextRenderer`), so segment ranges, word counts and notes mean the same as
/// for `.txt` files. Parsing is safe for untrusted files: no network, no external entities.
public struct XMLTranscriptParser: Sendable {
    /// Creates a parser; it holds no state, so one value can be shared across threads.
    public init() {}

    /// Parses the XML in `bytes` read from `path`; throws a located `Diagnostic` for malformed
    /// XML (libxml2's first error, with its line and column) or an unsupported vocabulary.
    public func parse(bytes: [UInt8], path: String) throws(Diagnostic) -> Transcript {
        let parsed = try XMLSource.parse(bytes, path: path)
        let root = parsed.root
        var warnings = parsed.warnings
        let stem = Self.stem(of: path)
        let drafts: [EncounterDraft]
        let isTEI = (root.name == "TEI" || root.name == "teiCorpus")
            && (root.namespace == TEIReader.namespace || root.namespace == nil)
        if isTEI {
            if root.namespace == nil {
                warnings.append(Diagnostic(path: path, line: root.line, column: 0, severity: .warning,
                                           message: "<\(root.name)> without the TEI namespace (\(TEIReader.namespace)); read as TEI P5"))
            }
            var reader = TEIReader(path: path, stem: stem, namespace: root.namespace)
            drafts = reader.read(root)
            warnings += reader.warnings
        } else if root.is("transcript", in: nil) {
            var reader = NativeReader(path: path, stem: stem)
            drafts = try reader.read(root)
            warnings += reader.warnings
        } else {
            let namespace = root.namespace.map { "namespace \($0)" } ?? "no namespace"
            throw Diagnostic(path: path, line: root.line, column: 0, message:
                "unsupported XML vocabulary: root element '\(root.name)' (\(namespace)); expected TEI P5 <TEI>/<teiCorpus> or Rapport <transcript>")
        }
        return XMLTextRenderer(path: path).render(drafts, warnings: warnings)
    }

    /// The file name without folder and extensions (`visits/2024-03-12.tei.xml` → `2024-03-12`).
    static func stem(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.split(separator: ".").first.map(String.init) ?? file
    }
}
