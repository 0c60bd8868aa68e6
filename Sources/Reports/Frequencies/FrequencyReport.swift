import Coding
import Transcripts

/// Code frequencies for a corpus: per encounter, grouped by case, setting, month or role, with
/// codebook statistics. Built from coded transcripts; every figure is a sum, so reports merge.
public struct FrequencyReport: Sendable {
    /// How rows are grouped.
    public enum Grouping: String, Sendable, CaseIterable {
        /// `role` groups by the speaker's role (who talks), `actor` by the role of whoever
        /// performs the coded act (a worker's account of a father's anger counts under client).
        case encounter, `case`, setting, role, actor, month
    }

    /// One output row: the keys that identify it and its tally.
    public struct Row: Hashable, Sendable {
        public var encounter: String?
        public var caseID: String?
        public var date: String?
        public var setting: String?
        public var role: String?
        public var tally: Tally
        /// What `role` counts: `speaker` (`--by role`) or `actor` (`--by actor`); nil otherwise.
        public var roleOf: String?
    }

    public var codebook: Codebook
    /// Code ids reported, in codebook order (top-level, plus sub-codes when asked).
    public var codes: [String]
    public var encounters: [EncounterFigures]
    public var statistics: CodebookStatistics
    public var transcripts: Int
    /// What made the codes when a program did, e.g. `codebook “Relationship dynamics…” (built in)`;
    /// reports print it so nobody mistakes automatic codes for a person's. Nil for human codings.
    public var automaticCoder: String?
    /// Only segments in these contexts are counted (nil: all).
    public var contexts: Set<Annotation.Context>?

    /// An empty report, to be filled transcript by transcript with `add(_:)`.
    public init(codebook: Codebook, subcodes: Bool, contexts: Set<Annotation.Context>? = nil) {
        self.codebook = codebook
        self.contexts = contexts
        self.codes = subcodes ? codebook.allCodes.map(\.id) : codebook.topLevelIDs
        self.transcripts = 0
        self.encounters = []
        self.statistics = CodebookStatistics(codebook: codebook)
    }

    public init(coded: [CodedTranscript], codebook: Codebook, subcodes: Bool) {
        self.init(codebook: codebook, subcodes: subcodes)
        for c in coded { add(c) }
    }

    /// Adds one coded transcript; the transcript itself is not kept, only its figures.
    public mutating func add(_ coded: CodedTranscript) {
        add(figures: Self.figures(for: coded, codes: codes, contexts: contexts), statisticsOf: coded)
    }

    /// The per-encounter figures of a transcript: the part of `add(_:)` that can run in parallel.
    public static func figures(
        for coded: CodedTranscript, codes: [String], contexts: Set<Annotation.Context>? = nil
    ) -> [EncounterFigures] {
        coded.transcript.encounters.indices.map { EncounterFigures(coded: coded, encounter: $0, codes: codes, contexts: contexts) }
    }

    /// Adds precomputed figures and the statistics of their transcript.
    public mutating func add(figures: [EncounterFigures], statisticsOf coded: CodedTranscript) {
        transcripts += 1
        encounters += figures
        statistics.add(coded)
    }

    /// The rows for a grouping, in a stable order (encounters in input order; groups sorted).
    public func rows(by grouping: Grouping) -> [Row] {
        switch grouping {
        case .encounter, .role, .actor:
            return Self.rows(of: encounters, by: grouping)
        case .case:
            return grouped { $0.caseID ?? "(no case)" }.map { Row(encounter: nil, caseID: $0.key, date: nil, setting: nil, role: nil, tally: $0.tally) }
        case .setting:
            return grouped { $0.setting ?? "(no setting)" }.map { Row(encounter: nil, caseID: nil, date: nil, setting: $0.key, role: nil, tally: $0.tally) }
        case .month:
            return grouped { $0.month ?? "(no date)" }.map { Row(encounter: nil, caseID: nil, date: $0.key, setting: nil, role: nil, tally: $0.tally) }
        }
    }

    /// Rows of single encounters (`.encounter`, or `.role`/`.actor` for one row per encounter and role);
    /// other groupings need the whole report and give no rows here.
    public static func rows(of figures: [EncounterFigures], by grouping: Grouping) -> [Row] {
        switch grouping {
        case .encounter:
            return figures.map { Row(encounter: $0.id, caseID: $0.caseID, date: $0.date, setting: $0.setting, role: nil, tally: $0.total) }
        case .role:
            return figures.flatMap { e in
                e.byRole.keys.sorted(by: roleOrder).map { role in
                    Row(encounter: e.id, caseID: e.caseID, date: e.date, setting: e.setting, role: role, tally: e.byRole[role]!,
                        roleOf: "speaker")
                }
            }
        case .actor:
            return figures.flatMap { e in
                e.byActor.keys.sorted(by: roleOrder).map { role in
                    Row(encounter: e.id, caseID: e.caseID, date: e.date, setting: e.setting, role: role, tally: e.byActor[role]!,
                        roleOf: "actor")
                }
            }
        case .case, .setting, .month:
            return []
        }
    }

    /// The sum over every encounter.
    public var total: Tally {
        var t = Tally()
        for e in encounters { t.merge(e.total) }
        return t
    }

    func grouped(_ key: (EncounterFigures) -> String) -> [(key: String, tally: Tally)] {
        var groups: [String: Tally] = [:]
        for e in encounters { groups[key(e), default: Tally()].merge(e.total) }
        return groups.keys.sorted().map { ($0, groups[$0]!) }
    }

    static func roleOrder(_ a: String, _ b: String) -> Bool {
        let order = ["observation", "none"] + Role.allCases.map(\.rawValue)
        return (order.firstIndex(of: a) ?? 99, a) < (order.firstIndex(of: b) ?? 99, b)
    }
}
