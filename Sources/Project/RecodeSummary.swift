/// What re-running the automatic coder changed in the machine's suggestions (after a codebook
/// change, or with a newly trained model), counted so `serve` and the page can say it.
public struct RecodeSummary: Hashable, Sendable {
    /// Sources looked at.
    public var sources = 0
    /// Suggestions that still stand (same encounter, segment, code and span): kept with their id and decisions.
    public var kept = 0
    /// Suggestions the coder makes now that it did not make before.
    public var added = 0
    /// Suggestions the coder no longer makes and nobody had decided on: removed.
    public var dropped = 0
    /// Suggestions the coder no longer makes but someone decided on: kept, marked with the older codebook version.
    public var keptDecided = 0
    /// Encounters left as they were because someone had already reviewed them (refresh only).
    public var skippedEncounters = 0

    public init() {}

    /// The counts of two runs added up.
    public static func + (a: RecodeSummary, b: RecodeSummary) -> RecodeSummary {
        var sum = a
        sum.sources += b.sources
        sum.kept += b.kept
        sum.added += b.added
        sum.dropped += b.dropped
        sum.keptDecided += b.keptDecided
        sum.skippedEncounters += b.skippedEncounters
        return sum
    }
}
