import Transcripts

/// Writes parsed transcripts as the JSON of `rapport parse --format json` (keys in a fixed order).
public enum TranscriptJSON {
    /// The whole document: transcripts, then errors and warnings.
    public static func document(_ transcripts: [Transcript], errors: [Diagnostic]) -> [UInt8] {
        var bytes = documentStart
        for (i, transcript) in transcripts.enumerated() { bytes += element(transcript, first: i == 0) }
        return bytes + documentEnd(errors: errors, warnings: transcripts.flatMap(\.warnings))
    }

    /// The document in pieces, for writing it as the transcripts are read (memory stays flat):
    /// `documentStart`, then `element(_:first:)` per transcript, then `documentEnd`.
    public static let documentStart: [UInt8] = Array(#"{"transcripts":["#.utf8)

    /// One transcript of the `transcripts` array, with the comma before it unless it is the first.
    public static func element(_ transcript: Transcript, first: Bool) -> [UInt8] {
        var w = JSONWriter()
        write(transcript, to: &w)
        return first ? w.bytes : [UInt8(ascii: ",")] + w.bytes
    }

    /// Closes the array and writes the errors and warnings: the last piece of the document.
    public static func documentEnd(errors: [Diagnostic], warnings: [Diagnostic]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("errors")
        writeDiagnostics(errors, to: &w)
        w.key("warnings")
        writeDiagnostics(warnings, to: &w)
        w.endObject()
        return Array("],".utf8) + w.bytes.dropFirst() + [10]
    }

    public static func writeDiagnostics(_ diagnostics: [Diagnostic], to w: inout JSONWriter) {
        w.beginArray()
        for d in diagnostics {
            w.beginObject()
            w.field("path", d.path)
            w.field("line", d.line)
            w.field("column", d.column)
            w.field("message", d.message)
            w.endObject()
        }
        w.endArray()
    }

    static func write(_ transcript: Transcript, to w: inout JSONWriter) {
        w.beginObject()
        w.field("path", transcript.path)
        w.key("encounters")
        w.beginArray()
        for encounter in transcript.encounters { write(encounter, to: &w) }
        w.endArray()
        w.endObject()
    }

    static func write(_ e: Encounter, to w: inout JSONWriter) {
        w.beginObject()
        w.field("id", e.id)
        w.field("case", e.caseID)
        w.field("date", e.date)
        w.field("setting", e.setting)
        w.field("kind", e.kind)
        w.field("line", e.line)
        w.key("metadata")
        w.beginObject()
        for key in e.metadata.keys.sorted() { w.field(key, e.metadata[key]) }
        w.endObject()
        w.key("participants")
        w.beginArray()
        for p in e.participants {
            w.beginObject()
            w.field("label", p.label)
            w.field("role", p.role.rawValue)
            w.field("name", p.name)
            w.endObject()
        }
        w.endArray()
        w.field("words", e.words)
        w.key("segments")
        w.beginArray()
        for s in e.segments { write(s, to: &w) }
        w.endArray()
        w.endObject()
    }

    static func write(_ s: Segment, to w: inout JSONWriter) {
        w.beginObject()
        w.field("index", s.index)
        w.field("kind", s.kind.rawValue)
        w.field("speaker", s.speaker)
        w.field("role", s.role?.rawValue)
        w.field("text", s.text)
        w.field("start", s.start)
        w.field("end", s.end)
        w.field("line", s.line)
        w.field("timestamp", s.timestamp)
        w.key("notes")
        w.beginArray()
        for n in s.notes {
            w.beginObject()
            w.field("kind", n.kind.rawValue)
            w.field("text", n.text)
            w.field("start", n.start)
            w.field("end", n.end)
            w.endObject()
        }
        w.endArray()
        w.field("words", s.words)
        w.endObject()
    }
}
