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

    public var codes: [CodeStatistic]
    /// Top-level code ids, the axes of the co-occurrence matrix.
    public var topLevel: [String]
    /// `cooccurrence[i][j]`: segments carrying both top-level codes i and j (diagonal: segments with i).
    public var cooccurrence: [[Int]]
    /// Case id → encounters in date order.
    public var timelines: [String: [TimelinePoint]]

    /// Segments carrying both / segments carrying either (nil when neither occurs).
    public func jaccard(_ i: Int, _ j: Int) -> Double? {
        let either = cooccurrence[i][i] + cooccurrence[j][j] - cooccurrence[i][j]
        return either == 0 ? nil : Double(cooccurrence[i][j]) / Double(either)
    }

    public init(coded: [CodedTranscript], codebook: Codebook) {
        topLevel = codebook.topLevelIDs
        var matrix = Array(repeating: Array(repeating: 0, count: topLevel.count), count: topLevel.count)
        var passages: [String: Int] = [:]
        var encounterSets: [String: Set<String>] = [:]
        var caseSets: [String: Set<String>] = [:]
        var timelines: [String: [TimelinePoint]] = [:]
        for c in coded {
            for (e, encounter) in c.transcript.encounters.enumerated() {
                let encounterKey = c.transcript.path + "#" + encounter.id
                var point = TimelinePoint(encounter: encounter.id, date: encounter.date, words: encounter.words, passages: [:])
                for s in encounter.segments.indices {
                    let ids = Set(c.annotations[e][s].map(\.code))
                    var present: Set<String> = []
                    for id in ids {
                        var parts = id.split(separator: ".").map(String.init)
                        while !parts.isEmpty { present.insert(parts.joined(separator: ".")); parts.removeLast() }
                    }
                    for code in present {
                        passages[code, default: 0] += 1
                        encounterSets[code, default: []].insert(encounterKey)
                        if let caseID = encounter.caseID { caseSets[code, default: []].insert(caseID) }
                    }
                    for (i, a) in topLevel.enumerated() where present.contains(a) {
                        point.passages[a, default: 0] += 1
                        for (j, b) in topLevel.enumerated() where present.contains(b) { matrix[i][j] += 1 }
                    }
                }
                timelines[encounter.caseID ?? "(no case)", default: []].append(point)
            }
        }
        for key in timelines.keys {
            timelines[key]?.sort { ($0.date ?? "9999", $0.encounter) < ($1.date ?? "9999", $1.encounter) }
        }
        codes = codebook.allCodes.map { code in
            CodeStatistic(code: code.id, name: code.name, depth: code.id.split(separator: ".").count - 1,
                          passages: passages[code.id] ?? 0, encounters: encounterSets[code.id]?.count ?? 0,
                          cases: caseSets[code.id]?.count ?? 0)
        }
        cooccurrence = matrix
        self.timelines = timelines
    }
}
