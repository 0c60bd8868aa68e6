/// Why a reliability table could not be read, with the 1-based line and column (in characters) of
/// the offending field so the CLI can point at it compiler-style.
public struct ReliabilityTableError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line in the table text.
    public var line: Int
    /// 1-based column, counted in characters, where the offending field or character starts.
    public var column: Int
    /// What is wrong, phrased for the person who wrote the table.
    public var message: String

    /// Creates an error at a position.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
