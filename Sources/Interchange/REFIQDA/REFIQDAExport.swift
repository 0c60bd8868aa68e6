import Coding
import Transcripts

/// Writes REFI-QDA 1.5 files other QDA software reads (NVivo, ATLAS.ti, MAXQDA, QualCoder):
/// a `.qdpx` project with the coded transcripts, and a `.qdc` codebook.
///
/// In the project each transcript is a `TextSource` whose text is the transcript's normalised
/// text (NFC, LF line ends) as UTF-8 in `sources/<GUID>.txt`, and each annotation a
/// `PlainTextSelection` whose `startPosition` and `endPosition` count Unicode code points from 0,
/// the end exclusive (the character at `endPosition` is not selected), exactly as Rapport's
/// annotation ranges do. The same input always gives the same bytes.
public enum REFIQDAExport {
    /// The `.qdpx` archive of the coded transcripts and the codebook. Sources are named
    /// `sourceNames` (default: file names, see `QDAProject.sourceNames(for:)`); `date` (ISO 8601,
    /// UTC) becomes the creation date of the project, sources, selections and codings.
    public static func qdpx(_ coded: [CodedTranscript], codebook: Codebook, sourceNames: [String]? = nil,
                            date: String? = nil) throws(Diagnostic) -> [UInt8] {
        let project = QDAProject(coded: coded, codebook: codebook, sourceNames: sourceNames, date: date)
        guard let qde = QDEWriter.project(project) else { throw failure("project.qde") }
        let sources = project.sources.map { source in
            (name: source.guid + ".txt", bytes: Array((source.text ?? "").utf8))
        }
        do {
            return try QDPXArchive.pack(project: qde, sources: sources)
        } catch {
            throw Diagnostic(path: "<qdpx>", message: "cannot build the ZIP archive: \(error)")
        }
    }

    /// `project.qde` alone, for a project whose sources are elsewhere.
    public static func projectXML(_ coded: [CodedTranscript], codebook: Codebook) throws(Diagnostic) -> [UInt8] {
        guard let qde = QDEWriter.project(QDAProject(coded: coded, codebook: codebook)) else { throw failure("project.qde") }
        return qde
    }

    /// The codebook as a `.qdc` file: nested codes with colours and descriptions.
    public static func qdc(_ codebook: Codebook) throws(Diagnostic) -> [UInt8] {
        let codes = QDAProject(coded: [], codebook: codebook).codes
        guard let bytes = QDEWriter.codebook(codes, origin: "Rapport") else { throw failure("codebook") }
        return bytes
    }

    private static func failure(_ what: String) -> Diagnostic {
        Diagnostic(path: "<\(what)>", message: "libxml2 could not write the \(what) XML")
    }
}
