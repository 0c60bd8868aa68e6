/// How a tool counted a REFI-QDA selection's `startPosition`/`endPosition` in a source's text.
/// The standard says Unicode code points with every character counted, but NVivo and QualCoder
/// count UTF-16 code units (an emoji outside the Basic Multilingual Plane counts 2), and
/// QualCoder's "MAXQDA line endings" export (and ATLAS.ti, by QualCoder's notes) counts a CRLF
/// as one position. The importer detects the convention per project and reports its choice.
public struct PositionConvention: Sendable, Hashable, CustomStringConvertible {
    /// What one position counts.
    public enum Unit: String, Sendable, CaseIterable {
        /// Unicode code points (the standard).
        case codepoints
        /// UTF-16 code units: a character outside the BMP counts 2.
        case utf16
    }

    public var unit: Unit
    /// Positions a CRLF line end counts: 2 (the standard) or 1.
    public var crlf: Int

    public init(unit: Unit, crlf: Int) {
        self.unit = unit
        self.crlf = crlf
    }

    /// What REFI-QDA specifies: code points, CRLF as two.
    public static let standard = PositionConvention(unit: .codepoints, crlf: 2)

    /// Every convention, the standard first (it wins ties).
    public static let all = [standard, PositionConvention(unit: .utf16, crlf: 2),
                             PositionConvention(unit: .codepoints, crlf: 1), PositionConvention(unit: .utf16, crlf: 1)]

    /// `UTF-16 code units, CRLF as 2`.
    public var description: String {
        (unit == .utf16 ? "UTF-16 code units" : "code points") + ", CRLF as \(crlf)"
    }
}
