/// Parses TEI P5 and Rapport's native transcript XML (placeholder until the XML parser lands).
public struct XMLTranscriptParser: Sendable {
    public init() {}

    public func parse(bytes: [UInt8], path: String) throws(Diagnostic) -> Transcript {
        throw Diagnostic(path: path, line: 1, column: 1, message: "XML transcripts are not supported yet")
    }
}
