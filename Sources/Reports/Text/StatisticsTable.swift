/// Codebook statistics for the terminal: per code and sub-code the passages, encounters and
/// cases, then the co-occurrence matrix (segments, with Jaccard) and each case's timeline.
public enum StatisticsTable {
    public static func text(_ s: CodebookStatistics) -> String {
        var rows = [["code", "passages", "encounters", "cases"]]
        for c in s.codes {
            rows.append([String(repeating: "  ", count: c.depth) + c.code, String(c.passages), String(c.encounters), String(c.cases)])
        }
        var out = "Codebook statistics\n" + TextTable.render(rows, rightAligned: [1, 2, 3])
        out += "\nCo-occurrence (segments carrying both; Jaccard in brackets)\n"
        var matrix = [[""] + s.topLevel]
        for (i, a) in s.topLevel.enumerated() {
            var row = [a]
            for j in s.topLevel.indices {
                row.append("\(s.cooccurrence[i][j]) (\(s.jaccard(i, j).map { Decimal3.string($0) } ?? "-"))")
            }
            matrix.append(row)
        }
        out += TextTable.render(matrix, rightAligned: Set(1...s.topLevel.count))
        out += "\nTimelines (passages per code, encounters in date order)\n"
        for caseID in s.timelines.keys.sorted() {
            out += "\(caseID)\n"
            var t = [["encounter", "date", "words"] + s.topLevel]
            for p in s.timelines[caseID]! {
                t.append([p.encounter, p.date ?? "-", String(p.words)] + s.topLevel.map { String(p.passages[$0] ?? 0) })
            }
            out += TextTable.render(t, rightAligned: Set(2..<(3 + s.topLevel.count)))
        }
        return out
    }
}
