/// Dates as a reader expects them (`16 Jan 2024`), from the ISO dates encounters carry; anything
/// that is not `yyyy-mm-dd` is shown as written.
enum DateLabel {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Year, month and day of `yyyy-mm-dd` (or `yyyy-mm`, day 0).
    static func parts(_ date: String) -> (year: String, month: Int, day: Int)? {
        let fields = date.prefix(10).split(separator: "-")
        guard fields.count >= 2, fields[0].count == 4, let month = Int(fields[1]), (1...12).contains(month) else { return nil }
        let day = fields.count >= 3 ? Int(fields[2].prefix(2)) ?? 0 : 0
        return (String(fields[0]), month, day)
    }

    /// `16 Jan 2024`.
    static func long(_ date: String) -> String {
        guard let p = parts(date) else { return date }
        return (p.day > 0 ? "\(p.day) " : "") + months[p.month - 1] + " " + p.year
    }

    /// `16 Jan` (or `Jan 2024` without a day).
    static func short(_ date: String) -> String {
        guard let p = parts(date) else { return date }
        return p.day > 0 ? "\(p.day) \(months[p.month - 1])" : months[p.month - 1] + " " + p.year
    }

    /// `16 Jan – 10 Sep 2024`, or with both years when they differ.
    static func range(_ first: String, _ last: String) -> String {
        guard first != last else { return long(first) }
        if let a = parts(first), let b = parts(last), a.year == b.year, a.day > 0 {
            return short(first) + " – " + long(last)
        }
        return long(first) + " – " + long(last)
    }
}
