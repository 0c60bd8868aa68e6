import Coding
import Transcripts

/// The figures of one encounter: its metadata, a tally for the whole encounter, and a tally per
/// speaker role (`observation` for the observer's prose).
public struct EncounterFigures: Hashable, Sendable {
    public var path: String
    public var id: String
    public var caseID: String?
    public var date: String?
    public var setting: String?
    public var kind: String?
    public var total: Tally
    /// Keyed by role name (`worker`, `client`, …) or `observation`.
    public var byRole: [String: Tally]

    /// `yyyy-mm` of the date, when it has one.
    public var month: String? {
        guard let date, date.count >= 7, date.dropFirst(4).first == "-" else { return nil }
        return String(date.prefix(7))
    }

    /// Counts `coded`'s encounter `e` for the given code ids (top-level codes match their sub-codes).
    public init(coded: CodedTranscript, encounter e: Int, codes: [String]) {
        let encounter = coded.transcript.encounters[e]
        path = coded.transcript.path
        id = encounter.id
        caseID = encounter.caseID
        date = encounter.date
        setting = encounter.setting
        kind = encounter.kind
        total = Tally()
        total.encounters = 1
        byRole = [:]
        for (s, segment) in encounter.segments.enumerated() {
            var tally = Tally()
            tally.segments = 1
            tally.words = segment.words
            tally.codePoints = segment.end - segment.start
            let annotations = coded.annotations[e][s]
            for code in codes {
                let matching = annotations.filter { $0.code == code || $0.code.hasPrefix(code + ".") }
                guard !matching.isEmpty else { continue }
                tally.passages[code] = 1
                tally.covered[code] = Self.union(matching.map { max($0.start, segment.start)..<min($0.end, segment.end) })
            }
            total.merge(tally)
            let role = segment.kind == .observation ? "observation" : (segment.role ?? .unknown).rawValue
            byRole[role, default: Tally()].merge(tally)
        }
        for key in byRole.keys { byRole[key]?.encounters = 1 }
    }

    /// Length of the union of ranges.
    static func union(_ ranges: [Range<Int>]) -> Int {
        var total = 0, end = Int.min
        for r in ranges.filter({ !$0.isEmpty }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if r.lowerBound >= end {
                total += r.count
                end = r.upperBound
            } else if r.upperBound > end {
                total += r.upperBound - end
                end = r.upperBound
            }
        }
        return total
    }
}
