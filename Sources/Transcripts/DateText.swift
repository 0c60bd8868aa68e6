/// Reads the dates researchers write in headers (`2024-03-12`, `12/03/2024`, `12 March 2024`,
/// `March 12, 2024`) as ISO 8601, so encounters sort and group by month. Day-first for slashes,
/// as in UK and European practice.
public enum DateText {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `yyyy-mm-dd`, or nil when the text is not a date this recognises.
    public static func iso(_ text: String) -> String? {
        if isISODay(text) { return text }
        let parts = text.lowercased().split(whereSeparator: { " /.,-".contains($0) }).map { String($0) }
        guard parts.count >= 3 else {
            if parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]), y > 1900, (1...12).contains(m) {
                return formatted(y, m, nil)
            }
            return nil
        }
        var year: Int?, month: Int?, day: Int?
        if let a = Int(parts[0]), a > 1900, let b = Int(parts[1]), let c = Int(parts[2]) {
            year = a; month = b; day = c
        } else if let a = Int(parts[0]), let c = Int(parts[2]), c > 1900 {
            if let b = Int(parts[1]) { day = a; month = b } else { day = a; month = monthNumber(parts[1]) }
            year = c
        } else if let m = monthNumber(parts[0]), let d = Int(parts[1]), let y = Int(parts[2]), y > 1900 {
            month = m; day = d; year = y
        } else if parts.count >= 4, let d = Int(parts[1]), let m = monthNumber(parts[2]), let y = Int(parts[3]) {
            day = d; month = m; year = y  // "Tuesday 12 March 2024"
        }
        guard let y = year, let m = month, let d = day, (1...12).contains(m), (1...31).contains(d) else { return nil }
        return formatted(y, m, d)
    }

    /// True for `yyyy-mm-dd` as `iso` gives it back unchanged: a year after 1900, month 1–12, day 1–31.
    static func isISODay(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 45, b[7] == 45 else { return false }
        var digits: [Int] = []
        for i in [0, 1, 2, 3, 5, 6, 8, 9] {
            guard Bytes.isDigit(b[i]) else { return false }
            digits.append(Int(b[i] - 48))
        }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[4] * 10 + digits[5], day = digits[6] * 10 + digits[7]
        return year > 1900 && (1...12).contains(month) && (1...31).contains(day)
    }

    static func monthNumber(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        return months.firstIndex(of: String(word.prefix(3))).map { $0 + 1 }
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func formatted(_ year: Int, _ month: Int, _ day: Int?) -> String {
        if let day { return "\(year)-\(pad(month))-\(pad(day))" }
        return "\(year)-\(pad(month))"
    }
}
