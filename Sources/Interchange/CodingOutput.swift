import Coding
import Transcripts

/// The outputs of `rapport code`: one JSON object per segment (JSONL), or one CSV row per annotation.
public enum CodingOutput {
    /// JSONL: every segment of every encounter, in file order, with its codes and evidence.
    public static func jsonl(_ coded: CodedTranscript, into writer: inout JSONWriter) -> [UInt8] {
        var out: [UInt8] = []
        let t = coded.transcript
        for (e, encounter) in t.encounters.enumerated() {
            for (s, segment) in encounter.segments.enumerated() {
                let annotations = coded.annotations[e][s]
                writer.reset()
                writer.beginObject()
                writer.field("path", t.path)
                writer.field("encounter", encounter.id)
                writer.field("segment", segment.index)
                writer.field("kind", segment.kind.rawValue)
                writer.field("speaker", segment.speaker)
                writer.field("role", segment.role?.rawValue)
                writer.field("start", segment.start)
                writer.field("end", segment.end)
                writer.key("codes")
                writer.beginArray()
                if !annotations.isEmpty {
                    for code in Set(annotations.map(\.topLevelCode)).sorted() { writer.string(code) }
                }
                writer.endArray()
                writer.key("annotations")
                writer.beginArray()
                for a in annotations { write(a, to: &writer) }
                writer.endArray()
                writer.endObject()
                out += writer.bytes
                out.append(10)
            }
        }
        return out
    }

    static func write(_ a: Annotation, to w: inout JSONWriter) {
        w.beginObject()
        w.field("code", a.code)
        w.field("start", a.start)
        w.field("end", a.end)
        w.field("coder", a.coder)
        w.field("context", a.context.rawValue)
        if let ev = a.evidence {
            w.field("cue", ev.cue)
            w.field("matched", ev.matched)
            w.field("rule", ev.rule)
            w.field("negation", ev.negation)
            w.field("actor", ev.actor)
        }
        w.endObject()
    }

    /// The CSV columns of one annotation row (also the `export --csv` format).
    public static let csvHeader = ["path", "encounter", "case", "date", "setting", "segment", "speaker", "role", "code",
                                   "start", "end", "text", "cue", "rule", "coder"]

    /// Appends one row per annotation of `coded` to `csv`.
    public static func csvRows(_ coded: CodedTranscript, into csv: inout CSVWriter) {
        let t = coded.transcript
        let scalars = Array(t.text.unicodeScalars)
        for (e, encounter) in t.encounters.enumerated() {
            for (s, segment) in encounter.segments.enumerated() {
                for a in coded.annotations[e][s] {
                    let lo = max(0, min(a.start, scalars.count)), hi = max(lo, min(a.end, scalars.count))
                    let text = String(String.UnicodeScalarView(scalars[lo..<hi]))
                    csv.row([t.path, encounter.id, encounter.caseID ?? "", encounter.date ?? "", encounter.setting ?? "",
                             String(segment.index), segment.speaker ?? "", segment.role?.rawValue ?? "observation",
                             a.code, String(a.start), String(a.end), text, a.evidence?.cue ?? "", a.evidence?.rule ?? "", a.coder])
                }
            }
        }
    }
}
