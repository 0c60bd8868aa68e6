/// Mergeable counts for a stretch of material (an encounter, a role within it, a case, a month):
/// sums only, never averages, so figures from separate runs or files combine exactly.
public struct Tally: Hashable, Sendable {
    public var encounters = 0
    public var segments = 0
    public var words = 0
    /// Code points of segment text.
    public var codePoints = 0
    /// Per code id: segments carrying the code (a segment with two cues of one code counts once).
    public var passages: [String: Int] = [:]
    /// Per code id: code points covered by the code's annotations.
    public var covered: [String: Int] = [:]

    public init() {}

    public mutating func merge(_ other: Tally) {
        encounters += other.encounters
        segments += other.segments
        words += other.words
        codePoints += other.codePoints
        for (k, v) in other.passages { passages[k, default: 0] += v }
        for (k, v) in other.covered { covered[k, default: 0] += v }
    }

    public func passages(_ code: String) -> Int { passages[code] ?? 0 }

    /// Passages per 1,000 words (nil for no words).
    public func rate(_ code: String) -> Double? {
        words == 0 ? nil : Double(passages(code)) * 1000 / Double(words)
    }

    /// Share of the text covered by the code, 0…1 (nil for no text).
    public func coverage(_ code: String) -> Double? {
        codePoints == 0 ? nil : Double(covered[code] ?? 0) / Double(codePoints)
    }
}
