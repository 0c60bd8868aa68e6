/// One encounter's figures, as the charts use them.
struct ChartEncounter: Sendable {
    var id: String
    var caseID: String?
    var date: String?
    var kind: String?
    var setting: String?
    var words: Int
    /// Segments carrying each top-level code (or one of its sub-codes).
    var passages: [String: Int]
    /// Element id of the encounter's transcript in the page.
    var anchor: String

    /// Passages per 1,000 words; nil for an encounter without words.
    func rate(_ code: String) -> Double? {
        words == 0 ? nil : Double(passages[code] ?? 0) * 1000 / Double(words)
    }

    /// `16 Jan 2024 · home visit`: what tells encounters apart besides the id.
    var subtitle: String {
        [date.map(DateLabel.long), kind].compactMap { $0 }.joined(separator: " · ")
    }
}
