/// Writes RFC 4180 CSV: fields quoted when they hold a comma, quote, CR or LF; CRLF between records.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    /// A writer that starts with `header` (none when empty).
    public init(header: [String]) { if !header.isEmpty { row(header) } }

    public mutating func row(_ fields: [String]) {
        text += fields.map(Self.escape).joined(separator: ",")
        text += "\r\n"
    }

    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
