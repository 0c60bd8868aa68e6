/// An error or warning tied to a place in a file, printed compiler-style as
/// `path:line:col: error: message` so editors and terminals can jump to it.
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

    public init(path: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
    }

    public var description: String {
        "\(path):\(line):\(column): \(severity.rawValue): \(message)"
    }
}
