import Coding
import Transcripts

/// Writes coded transcripts as annotated TEI P5 (valid against `tei_all`): people, settings and
/// the codebook in the header; encounters as `<div type="encounter">`, turns as `<u>`, field
/// notes as `<p>`, transcriber's notes as `<pause>`, `<vocal>`, `<kinesic>`, `<incident>`,
/// `<gap>` and `<note>`; codes as `<seg ana>` where they nest and as stand-off `<span>`s between
/// `<anchor>`s where they overlap, each pointing to its evidence (`<interpGrp type="evidence">`).
///
/// Reading an exported file with Rapport's XML parser gives the same segments (speakers, text,
/// words), and `TEIImport` reads the same codes back with the same ranges relative to each
/// segment. Output is deterministic: the same input gives the same bytes.
public enum TEIExport {
    /// One `<TEI>` document for one transcript.
    public static func document(_ coded: CodedTranscript, codebook: Codebook) throws(Diagnostic) -> [UInt8] {
        var writer = TEIDocumentWriter(codebook: codebook, coded: [coded])
        var out = XMLOutput()
        writer.tei(coded, declarations: true, depth: 0, out: &out)
        guard let bytes = out.finish() else { throw failure(coded.transcript.path) }
        return bytes
    }

    /// One document for several transcripts: a single one as `<TEI>`, more as a `<teiCorpus>`
    /// whose header holds the codebook and the coders.
    public static func corpus(_ coded: [CodedTranscript], codebook: Codebook) throws(Diagnostic) -> [UInt8] {
        if coded.count == 1 { return try document(coded[0], codebook: codebook) }
        var writer = TEIDocumentWriter(codebook: codebook, coded: coded)
        var out = XMLOutput()
        writer.corpus(coded, out: &out)
        guard let bytes = out.finish() else { throw failure("<corpus>") }
        return bytes
    }

    /// The `.tei.xml` file name for each input path, named after the input file without its
    /// extensions (`visits/2024-03-12.txt` → `2024-03-12.tei.xml`), made unique with `-2`, `-3`.
    public static func fileNames(for paths: [String]) -> [String] {
        var used: Set<String> = []
        return paths.map { path in
            let base = stem(of: path)
            var name = base + ".tei.xml"
            var n = 1
            while used.contains(name.lowercased()) {
                n += 1
                name = "\(base)-\(n).tei.xml"
            }
            used.insert(name.lowercased())
            return name
        }
    }

    /// The file name without folder and without the extensions Rapport reads (`x.docx` → `x`,
    /// `x.tei.xml` → `x`), so `x.docx` exports as `x.tei.xml`.
    static func stem(of path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        let known = TranscriptLoader.extensions
        while let dot = name.lastIndex(of: "."), dot != name.startIndex,
              known.contains(name[name.index(after: dot)...].lowercased()) {
            name = String(name[..<dot])
        }
        return name.isEmpty ? "transcript" : name
    }

    private static func failure(_ path: String) -> Diagnostic {
        Diagnostic(path: path, message: "libxml2 could not write the TEI document")
    }
}
