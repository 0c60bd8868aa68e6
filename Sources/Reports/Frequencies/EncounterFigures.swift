import Coding
import Transcripts

/// The figures of one encounter: its metadata, a tally for the whole encounter, and tallies per
/// speaker role (`observation` for the observer's prose), per actor role (who performs the coded
/// act) and per context (encounter talk, interview, observation).
public struct EncounterFigures: Hashable, Sendable {
    public var path: String
    public var id: String
    public var caseID: String?
    public var date: String?
    public var setting: String?
    public var kind: String?
    public var total: Tally
    /// Keyed by the speaker's role name (`worker`, `client`, …) or `observation`.
    public var byRole: [String: Tally]
    /// Keyed by the role of whoever performs the coded act (`client` for a worker's account of a
    /// father's anger), `none` when no actor was named. A segment counts (segments, words) under
    /// every actor role of its annotations, and under its speaker's role (or `none` in
    /// observation) when it has none, so the words of each actor row are those of the segments
    /// where that party acts.
    public var byActor: [String: Tally]
    /// Keyed by context (`encounter`, `interview`, `observation`).
    public var byContext: [String: Tally]

    /// `yyyy-mm` of the date, when it has one.
    public var month: String? {
        guard let date, date.count >= 7, date.dropFirst(4).first == "-" else { return nil }
        return String(date.prefix(7))
    }

    /// Counts `coded`'s encounter `e` for the given code ids (top-level codes match their sub-codes),
    /// only segments in one of `contexts` when it is given.
    public init(coded: CodedTranscript, encounter e: Int, codes: [String], contexts: Set<Annotation.Context>? = nil) {
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
        byActor = [:]
        byContext = [:]
        let prefixes = codes.map { $0 + "." }
        // A segment's context depends on its kind and role alone within one encounter.
        var contextOf = [Annotation.Context?](repeating: nil, count: Role.allCases.count + 2)
        for (s, segment) in encounter.segments.enumerated() {
            let contextKey = segment.kind == .observation ? 0 : 1 + (segment.role.map { Role.allCases.firstIndex(of: $0)! } ?? Role.allCases.count)
            let context: Annotation.Context
            if let known = contextOf[contextKey] {
                context = known
            } else {
                context = Annotation.context(of: segment, in: encounter)
                contextOf[contextKey] = context
            }
            if let contexts, !contexts.contains(context) { continue }
            let annotations = coded.annotations[e][s]
            let tally = Self.tally(segment, annotations, codes: codes, prefixes: prefixes)
            total.merge(tally)
            let role = segment.kind == .observation ? "observation" : (segment.role ?? .unknown).rawValue
            byRole[role, default: Tally()].merge(tally)
            byContext[context.rawValue, default: Tally()].merge(tally)
            // Who acts: the annotation's actor role; a learned annotation that names none falls
            // back to the speaker.
            let speaker = segment.kind == .observation ? "none" : (segment.role ?? .unknown).rawValue
            if annotations.isEmpty {
                // No annotation: the segment counts under its speaker, with the tally above.
                byActor[speaker, default: Tally()].merge(tally)
                continue
            }
            var actors: [String: [Annotation]] = [:]
            for a in annotations { actors[a.actorRole?.rawValue ?? speaker, default: []].append(a) }
            if actors.isEmpty { actors[speaker] = [] }
            for (actor, theirs) in actors {
                byActor[actor, default: Tally()].merge(Self.tally(segment, theirs, codes: codes, prefixes: prefixes))
            }
        }
        for key in byRole.keys { byRole[key]?.encounters = 1 }
        for key in byActor.keys { byActor[key]?.encounters = 1 }
        for key in byContext.keys { byContext[key]?.encounters = 1 }
    }

    /// One segment's counts for `codes` from `annotations`.
    /// `prefixes` holds each code's sub-code prefix (`power.`), made once by the caller.
    static func tally(_ segment: Segment, _ annotations: [Annotation], codes: [String], prefixes: [String]) -> Tally {
        var tally = Tally()
        tally.segments = 1
        tally.words = segment.words
        tally.codePoints = segment.end - segment.start
        guard !annotations.isEmpty else { return tally }
        for (code, prefix) in zip(codes, prefixes) {
            let matching = annotations.filter { $0.code == code || $0.code.hasPrefix(prefix) }
            guard !matching.isEmpty else { continue }
            tally.passages[code] = 1
            tally.covered[code] = union(matching.map { max($0.start, segment.start)..<min($0.end, segment.end) })
        }
        return tally
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
