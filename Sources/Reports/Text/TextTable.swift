/// Aligned plain-text tables for the terminal: first row is the header, underlined.
public enum TextTable {
    /// `gaps[i]` is the number of spaces before column `i` (default 2).
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = [], gaps: [Int: Int] = [:]) -> String {
        guard let header = rows.first else { return "" }
        var widths = Array(repeating: 0, count: header.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for (r, row) in rows.enumerated() {
            var line = ""
            for (i, cell) in row.enumerated() where i < widths.count {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                line += i == 0 ? "" : String(repeating: " ", count: gaps[i] ?? 2)
                line += rightAligned.contains(i) ? pad + cell : cell + (i == row.count - 1 ? "" : pad)
            }
            out += line + "\n"
            if r == 0 {
                out += widths.enumerated().map { i, w in
                    (i == 0 ? "" : String(repeating: " ", count: gaps[i] ?? 2)) + String(repeating: "-", count: w)
                }.joined() + "\n"
            }
        }
        return out
    }
}
