import Coding
import Transcripts

/// Corpus-wide statistics per code: how often, in how many encounters and cases, which codes occur
/// together (segments carrying both, and Jaccard), and each case's timeline.
public struct CodebookStatistics: Hashable, Sendable {
    public struct CodeStatistic: Hashable, Sendable {
        public var code: String
        public var name: String
        public var depth: Int
        public var passages: Int
        public var encounters: Int
        public var cases: Int
    }

    public struct TimelinePoint: Hashable, Sendable {
        public var encounter: String
        public var date: String?
        public var words: Int
        /// Passages per top-level code.
        public var passages: [String: Int]
    }

    /// Per code and sub-code, in codebook order.
    public var codes: [CodeStatistic] {
        codebookCodes.map { code in
            CodeStatistic(code: code.id, name: code.name, depth: code.id.split(separator: ".").count - 1,
                          passages: passages[code.id] ?? 0, encounters: encounterCounts[code.id] ?? 0,
                          cases: caseSets[code.id]?.count ?? 0)
        }
    }
    /// Top-level code ids, the axes of the co-occurrence matrix.
    public var topLevel: [String]
    /// `cooccurrence[i][j]`: segments carrying both top-level codes i and j (diagonal: segments with i).
    public var cooccurrence: [[Int]]
    /// Case id → encounters in date order.
    public var timelines: [String: [TimelinePoint]] {
        unsortedTimelines.mapValues { points in
            points.sorted { ($0.date ?? "9999", $0.encounter) < ($1.date ?? "9999", $1.encounter) }
        }
    }

    private var codebookCodes: [(id: String, name: String)]
    private var passages: [String: Int] = [:]
    private var encounterCounts: [String: Int] = [:]
    private var caseSets: [String: Set<String>] = [:]
    private var unsortedTimelines: [String: [TimelinePoint]] = [:]

    /// Segments carrying both / segments carrying either (nil when neither occurs).
    public func jaccard(_ i: Int, _ j: Int) -> Double? {
        let either = cooccurrence[i][i] + cooccurrence[j][j] - cooccurrence[i][j]
        return either == 0 ? nil : Double(cooccurrence[i][j]) / Double(either)
    }

    /// Empty statistics for `codebook`, to be filled with `add(_:)`.
    public init(codebook: Codebook) {
        topLevel = codebook.topLevelIDs
        codebookCodes = codebook.allCodes.map { ($0.id, $0.name) }
        cooccurrence = Array(repeating: Array(repeating: 0, count: topLevel.count), count: topLevel.count)
    }

    public init(coded: [CodedTranscript], codebook: Codebook) {
        self.init(codebook: codebook)
        for c in coded { add(c) }
    }

    /// Counts one more coded transcript (sums and sets only, so transcripts can be added one by one).
    public mutating func add(_ c: CodedTranscript) {
        for (e, encounter) in c.transcript.encounters.enumerated() {
            var point = TimelinePoint(encounter: encounter.id, date: encounter.date, words: encounter.words, passages: [:])
            var inEncounter: Set<String> = []
            for s in encounter.segments.indices {
                var present: Set<String> = []
                for annotation in c.annotations[e][s] {
                    var parts = annotation.code.split(separator: ".").map(String.init)
                    while !parts.isEmpty { present.insert(parts.joined(separator: ".")); parts.removeLast() }
                }
                for code in present {
                    passages[code, default: 0] += 1
                    inEncounter.insert(code)
                    if let caseID = encounter.caseID { caseSets[code, default: []].insert(caseID) }
                }
                for (i, a) in topLevel.enumerated() where present.contains(a) {
                    point.passages[a, default: 0] += 1
                    for (j, b) in topLevel.enumerated() where present.contains(b) { cooccurrence[i][j] += 1 }
                }
            }
            for code in inEncounter { encounterCounts[code, default: 0] += 1 }
            unsortedTimelines[encounter.caseID ?? "(no case)", default: []].append(point)
        }
    }

    public static func == (a: CodebookStatistics, b: CodebookStatistics) -> Bool {
        a.codes == b.codes && a.cooccurrence == b.cooccurrence && a.timelines == b.timelines
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(codes)
        hasher.combine(cooccurrence)
    }
}
