/// The level of measurement of a coded variable; it decides how far apart two values are
/// when agreement coefficients weigh disagreements (a category mismatch versus a distance on a scale).
public enum MeasurementLevel: String, CaseIterable, Codable, Sendable {
    /// Unordered categories: two values either match or they do not.
    case nominal
    /// Ranks: the distance between two values grows with how many coded values lie between them.
    case ordinal
    /// Equal-interval numbers: the distance is the squared difference.
    case interval
    /// Numbers with an absolute zero: the distance is the squared difference relative to the sum.
    case ratio

    /// Whether values at this level must be numbers (every level except nominal).
    public var isNumeric: Bool { self != .nominal }
}
