import Coding
import Transcripts

/// Codings read from another tool's file (REFI-QDA project, annotated TEI): the transcripts they
/// apply to with their annotations, who coded, and what could not be carried over.
public struct ImportResult: Sendable {
    public var coded: [CodedTranscript]
    /// Coder names in the order the file declares or first uses them.
    public var coders: [String]
    /// Things not carried over or not understood, located where possible.
    public var warnings: [Diagnostic]

    public init(coded: [CodedTranscript], coders: [String], warnings: [Diagnostic]) {
        self.coded = coded
        self.coders = coders
        self.warnings = warnings
    }

    /// Only the annotations of `coder` (other coders' annotations dropped, segments kept).
    public func filtered(coder: String) -> ImportResult {
        var copy = self
        copy.coded = coded.map { c in
            CodedTranscript(transcript: c.transcript, annotations: c.annotations.map { $0.map { $0.filter { $0.coder == coder } } })
        }
        copy.coders = coders.filter { $0 == coder }
        return copy
    }
}
