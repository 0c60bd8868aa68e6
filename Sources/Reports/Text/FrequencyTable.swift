/// The terminal table of `rapport report`: one row per group, per code the passages, the rate
/// per 1,000 words and the share of text covered, and a totals row. Fits 100 columns for the
/// four default codes.
public enum FrequencyTable {
    public static func text(_ report: FrequencyReport, by grouping: FrequencyReport.Grouping) -> String {
        let rows = report.rows(by: grouping)
        var header: [String]
        switch grouping {
        case .encounter: header = ["encounter", "case", "date"]
        case .role: header = ["encounter", "speaker role"]
        case .actor: header = ["encounter", "actor role"]
        case .case: header = ["case", "enc"]
        case .setting: header = ["setting", "enc"]
        case .month: header = ["month", "enc"]
        }
        header.append("words")
        for code in report.codes { header += [abbreviation(code), "/1k", "cov"] }
        var table = [header]
        func cells(_ row: FrequencyReport.Row?, tally: Tally, label: [String]) -> [String] {
            var out = label
            out.append(String(tally.words))
            for code in report.codes {
                out.append(String(tally.passages(code)))
                out.append(tally.rate(code).map { Self.fixed($0, 1) } ?? "-")
                out.append(tally.coverage(code).map { Self.fixed($0 * 100, 0) + "%" } ?? "-")
            }
            return out
        }
        for row in rows {
            let label: [String]
            switch grouping {
            case .encounter: label = [row.encounter ?? "", row.caseID ?? "-", row.date ?? "-"]
            case .role, .actor: label = [row.encounter ?? "", row.role ?? ""]
            case .case: label = [row.caseID ?? "", String(row.tally.encounters)]
            case .setting: label = [truncate(row.setting ?? "", 24), String(row.tally.encounters)]
            case .month: label = [row.date ?? "", String(row.tally.encounters)]
            }
            table.append(cells(row, tally: row.tally, label: label))
        }
        let total = report.total
        var totalLabel = Array(repeating: "", count: header.count - 1 - 3 * report.codes.count)
        totalLabel[0] = "total"
        table.append(cells(nil, tally: total, label: totalLabel))
        let numeric = Set((header.count - 1 - 3 * report.codes.count)..<header.count)
        // Within a code's group of three columns one space is enough; groups are set apart by two.
        let first = header.count - 3 * report.codes.count
        var gaps: [Int: Int] = [:]
        for k in 0..<report.codes.count { gaps[first + 3 * k + 1] = 1; gaps[first + 3 * k + 2] = 1 }
        var out = TextTable.render(table, rightAligned: numeric, gaps: gaps)
        out += "\(total.encounters) encounters, \(report.transcripts) transcripts.\n"
        out += "\nPer code: passages (segments carrying the code), rate per 1,000 words, share of text covered.\n"
        out += "Codes: " + report.codes.map { "\(abbreviation($0)) = \($0)" }.joined(separator: ", ") + "\n"
        if let coder = report.automaticCoder {
            out += "The codes are automatic, made by \(coder); review them before relying on them.\n"
        }
        return out
    }

    /// A short column label: the first four letters of each part (`power.statutory` → `powe.stat`).
    static func abbreviation(_ code: String) -> String {
        code.split(separator: ".").map { String($0.prefix(4)) }.joined(separator: ".")
    }

    static func truncate(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if digits == 0 { return String(Int(rounded)) }
        let whole = Int(rounded)
        let frac = Int(((rounded - Double(whole)) * scale).rounded())
        return "\(whole).\(String(repeating: "0", count: max(0, digits - String(frac).count)))\(frac)"
    }
}
