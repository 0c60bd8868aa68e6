import Coding
import Reports

/// `rapport report` as tidy CSV (one row per group × code) and as JSON with everything.
public enum ReportOutput {
    /// `role_of` says what the role column counts (`speaker` for `--by role`, `actor` for
    /// `--by actor`); `context` the contexts counted (`all`, or those given with `--context`).
    public static let csvHeader = ["encounter", "case", "date", "setting", "role", "code", "passages", "words",
                                   "per_1000_words", "coverage", "role_of", "context"]

    /// The contexts a report counts, as its `context` field says them.
    public static func contextLabel(_ contexts: Set<Annotation.Context>?) -> String {
        guard let contexts else { return "all" }
        return Annotation.Context.allCases.filter(contexts.contains).map(\.rawValue).joined(separator: "+")
    }

    /// Long format: loads straight into R (`read.csv`) or pandas (`pd.read_csv`) as tidy data.
    public static func csv(_ report: FrequencyReport, by grouping: FrequencyReport.Grouping) -> String {
        CSVWriter(header: csvHeader).text + csvRows(report.rows(by: grouping), codes: report.codes, contexts: report.contexts)
    }

    /// The CSV records (no header) of `rows`: what `rapport report` streams per transcript.
    public static func csvRows(_ rows: [FrequencyReport.Row], codes: [String], contexts: Set<Annotation.Context>? = nil) -> String {
        var csv = CSVWriter(header: [])
        let context = contextLabel(contexts)
        for row in rows {
            for code in codes {
                let t = row.tally
                csv.row([row.encounter ?? "", row.caseID ?? "", row.date ?? "", row.setting ?? "", row.role ?? "",
                         code, String(t.passages(code)), String(t.words),
                         t.rate(code).map { NumberText.fixed($0, digits: 3) } ?? "",
                         t.coverage(code).map { NumberText.fixed($0, digits: 4) } ?? "", row.roleOf ?? "", context])
            }
        }
        return csv.text
    }

    /// Everything: rows for the grouping, per-encounter figures with the role split, and codebook statistics.
    public static func json(_ report: FrequencyReport, by grouping: FrequencyReport.Grouping) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("codebook", report.codebook.name)
        w.field("grouping", grouping.rawValue)
        w.field("context", contextLabel(report.contexts))
        w.field("transcripts", report.transcripts)
        w.key("codes")
        w.beginArray()
        for code in report.codes { w.string(code) }
        w.endArray()
        w.key("rows")
        w.beginArray()
        for row in report.rows(by: grouping) {
            w.beginObject()
            w.field("encounter", row.encounter)
            w.field("case", row.caseID)
            w.field("date", row.date)
            w.field("setting", row.setting)
            w.field("role", row.role)
            w.field("role_of", row.roleOf)
            write(row.tally, codes: report.codes, to: &w)
            w.endObject()
        }
        w.endArray()
        w.key("total")
        w.beginObject()
        write(report.total, codes: report.codes, to: &w)
        w.endObject()
        w.key("encounters")
        w.beginArray()
        for e in report.encounters {
            w.beginObject()
            w.field("path", e.path)
            w.field("id", e.id)
            w.field("case", e.caseID)
            w.field("date", e.date)
            w.field("setting", e.setting)
            w.field("kind", e.kind)
            write(e.total, codes: report.codes, to: &w)
            for (key, split) in [("by_role", e.byRole), ("by_actor", e.byActor), ("by_context", e.byContext)] {
                w.key(key)
                w.beginObject()
                for group in split.keys.sorted() {
                    w.key(group)
                    w.beginObject()
                    write(split[group]!, codes: report.codes, to: &w)
                    w.endObject()
                }
                w.endObject()
            }
            w.endObject()
        }
        w.endArray()
        w.key("codebook_statistics")
        write(report.statistics, to: &w)
        w.endObject()
        return w.bytes + [10]
    }

    static func write(_ t: Tally, codes: [String], to w: inout JSONWriter) {
        w.field("encounters", t.encounters)
        w.field("segments", t.segments)
        w.field("words", t.words)
        w.field("code_points", t.codePoints)
        w.key("codes")
        w.beginObject()
        for code in codes {
            w.key(code)
            w.beginObject()
            w.field("passages", t.passages(code))
            w.field("per_1000_words", t.rate(code), digits: 3)
            w.field("covered_code_points", t.covered[code] ?? 0)
            w.field("coverage", t.coverage(code), digits: 4)
            w.endObject()
        }
        w.endObject()
    }

    static func write(_ s: CodebookStatistics, to w: inout JSONWriter) {
        w.beginObject()
        w.key("codes")
        w.beginArray()
        for c in s.codes {
            w.beginObject()
            w.field("code", c.code)
            w.field("name", c.name)
            w.field("passages", c.passages)
            w.field("encounters", c.encounters)
            w.field("cases", c.cases)
            w.endObject()
        }
        w.endArray()
        w.key("cooccurrence")
        w.beginObject()
        w.key("codes")
        w.beginArray()
        for code in s.topLevel { w.string(code) }
        w.endArray()
        w.key("segments")
        w.beginArray()
        for row in s.cooccurrence {
            w.beginArray()
            for v in row { w.int(v) }
            w.endArray()
        }
        w.endArray()
        w.key("jaccard")
        w.beginArray()
        for i in s.topLevel.indices {
            w.beginArray()
            for j in s.topLevel.indices { w.double(s.jaccard(i, j), digits: 4) }
            w.endArray()
        }
        w.endArray()
        w.endObject()
        w.key("timelines")
        w.beginObject()
        for caseID in s.timelines.keys.sorted() {
            w.key(caseID)
            w.beginArray()
            for p in s.timelines[caseID]! {
                w.beginObject()
                w.field("encounter", p.encounter)
                w.field("date", p.date)
                w.field("words", p.words)
                w.key("passages")
                w.beginObject()
                for code in s.topLevel { w.field(code, p.passages[code] ?? 0) }
                w.endObject()
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
        w.endObject()
    }
}
