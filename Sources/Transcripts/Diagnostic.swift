/// An error or warning tied to a place in a file, printed compiler-style so editors and terminals
/// can jump to it: `path:line:col: severity: message`, then the source line and a caret under the
/// column when the line is known. A problem with a whole file prints as `path: severity: message`,
/// and one with no file at all as `rapport: severity: message`.
public struct Diagnostic: Error, Hashable, Codable, Sendable, CustomStringConvertible {
    public enum Severity: String, Codable, Sendable {
        case error, warning
    }

    public var path: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based, in characters; 0 when unknown.
    public var column: Int
    public var severity: Severity
    public var message: String
    /// The text of `line`, shown under the message with a caret at `column`; nil when not known.
    public var sourceLine: String?

    public init(
        path: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String,
        sourceLine: String? = nil
    ) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.sourceLine = sourceLine
    }

    /// A problem that concerns no file (a missing argument, an empty folder): `rapport: error: …`.
    public static func general(_ message: String, severity: Severity = .error) -> Diagnostic {
        Diagnostic(path: "rapport", severity: severity, message: message)
    }

    /// `path:line:col`, `path:line` or `path`, as much as is known.
    public var location: String {
        guard line > 0 else { return path }
        return column > 0 ? "\(path):\(line):\(column)" : "\(path):\(line)"
    }

    /// The first line of the message: `path:line:col: severity: message`.
    public var headline: String { "\(location): \(severity.rawValue): \(message)" }

    /// Longest source line quoted whole; a longer one is cut to this many characters around the column.
    static let quoteWidth = 100

    public var description: String {
        guard line > 0, let sourceLine else { return headline }
        let characters = Array(sourceLine)
        // A long line (a one-line XML file) is quoted around the column, its cut ends marked "…".
        var start = 0, end = characters.count
        if characters.count > Self.quoteWidth {
            start = max(0, min(column - 1 - Self.quoteWidth / 2, characters.count - Self.quoteWidth))
            end = start + Self.quoteWidth
        }
        let lead = start > 0 ? "…" : ""
        var text = headline + "\n" + lead + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        if column > 0 && column - 1 <= characters.count {
            // Tabs stay tabs so the caret lines up however the terminal sets its tab stops.
            let before = characters[start..<max(start, column - 1)].map { $0 == "\t" ? "\t" : " " }.joined()
            text += "\n" + (lead.isEmpty ? "" : " ") + before + "^"
        }
        return text
    }

    /// This diagnostic quoting its line from `text` (the text its line numbers count in).
    public func citing(_ text: String) -> Diagnostic {
        guard line > 0, sourceLine == nil else { return self }
        var copy = self
        var number = 1
        for candidate in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if number == line {
                copy.sourceLine = String(candidate.hasSuffix("\r") ? candidate.dropLast() : candidate)
                return copy
            }
            number += 1
        }
        return self
    }
}
