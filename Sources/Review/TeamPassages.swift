import Coding
import Learning
import Project
import Transcripts

/// The team's decisions as training passages for the learning module. A passage is one segment
/// (turn or observation paragraph) that somebody has reviewed:
/// - a person reviewed a segment when they decided on a suggestion in it, coded in it by hand, or
///   marked its encounter done, *and* no machine suggestion in it still waits for their decision
///   (a half-reviewed turn says nothing about the codes not yet decided);
/// - an imported coder (another tool's project) reviewed every segment of each encounter they
///   coded anything in.
/// Its codes are the reviewer's own codings there: accepted and changed suggestions, hand and
/// imported codings (sub-codes kept). A rejected suggestion is a negative for its code because
/// the reviewed segment lacks it; a segment nobody reviewed is no passage at all, never a negative.
/// When several coders reviewed a segment, a code counts when at least half of them gave it.
/// Adjudications are not used (they resolve two coders' codings, already counted).
struct TeamPassages {
    /// Where a passage lies in the project.
    struct Place: Hashable, Comparable {
        var path: String
        var sourceID: Int64
        var encounter: Int
        var segment: Int

        static func < (a: Place, b: Place) -> Bool {
            (a.path, a.sourceID, a.encounter, a.segment) < (b.path, b.sourceID, b.encounter, b.segment)
        }
    }

    var passages: [TrainingPassage]
    var places: [Place]
    /// The coders whose reviews gave passages, in name order.
    var reviewers: [String]

    init(session: ReviewSession) throws {
        let store = session.store
        let kinds = Dictionary(try store.coders().map { ($0.name, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let all = try store.codings()
        let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        let paths = Dictionary(try store.sources().map { ($0.id, $0.path) }, uniquingKeysWith: { a, _ in a })
        func place(_ c: StoredCoding) -> Place {
            Place(path: paths[c.sourceID] ?? "", sourceID: c.sourceID, encounter: c.encounter, segment: c.annotation.segment)
        }
        // Per segment, the machine's suggestions; per coder, the suggestions they have decided on.
        var suggestions: [Place: [Int64]] = [:]
        for c in all where c.annotation.coder == ProjectCoder.machineName { suggestions[place(c), default: []].append(c.id) }
        var decidedBy: [String: Set<Int64>] = [:]
        var touched: [String: Set<Place>] = [:]
        for d in try store.decisions() {
            decidedBy[d.coder, default: []].insert(d.suggestionID)
            if let c = byID[d.suggestionID] { touched[d.coder, default: []].insert(place(c)) }
        }
        var codes: [String: [Place: Set<String>]] = [:]
        var codedEncounters: [String: Set<Place>] = [:]
        for c in all where c.annotation.coder != ProjectCoder.machineName {
            let coder = c.annotation.coder
            codes[coder, default: [:]][place(c), default: []].insert(c.annotation.code)
            touched[coder, default: []].insert(place(c))
            var whole = place(c)
            whole.segment = -1
            codedEncounters[coder, default: []].insert(whole)
        }
        var done: [String: Set<Place>] = [:]
        for coder in kinds.keys where kinds[coder] == .person {
            for d in try store.doneEncounters(coder: coder) {
                done[coder, default: []].insert(Place(path: paths[d.sourceID] ?? "", sourceID: d.sourceID, encounter: d.encounter, segment: -1))
            }
        }
        // Every segment of an encounter (for encounters marked done or coded by an imported coder).
        func segments(of encounter: Place) throws -> [Place] {
            let transcript = try session.transcript(encounter.sourceID)
            guard transcript.encounters.indices.contains(encounter.encounter) else { return [] }
            return transcript.encounters[encounter.encounter].segments.map {
                var p = encounter
                p.segment = $0.index
                return p
            }
        }
        var reviewersOf: [Place: [String]] = [:]
        var givenBy: [Place: [String: Int]] = [:]
        for (coder, kind) in kinds.sorted(by: { $0.key < $1.key }) {
            var reviewed: Set<Place> = []
            switch kind {
            case .machine: continue
            case .imported:
                for e in codedEncounters[coder] ?? [] { reviewed.formUnion(try segments(of: e)) }
            case .person:
                guard coder != ReviewAPI.adjudicatedCoder else { continue }
                reviewed = touched[coder] ?? []
                for e in done[coder] ?? [] { reviewed.formUnion(try segments(of: e)) }
                let decided = decidedBy[coder] ?? []
                reviewed = reviewed.filter { (suggestions[$0] ?? []).allSatisfy(decided.contains) }
            }
            for p in reviewed {
                reviewersOf[p, default: []].append(coder)
                for code in codes[coder]?[p] ?? [] { givenBy[p, default: [:]][code, default: 0] += 1 }
            }
        }
        var passages: [TrainingPassage] = []
        var places: [Place] = []
        var reviewers: Set<String> = []
        for p in reviewersOf.keys.sorted() {
            let transcript = try session.transcript(p.sourceID)
            guard transcript.encounters.indices.contains(p.encounter),
                  let segment = transcript.encounters[p.encounter].segments.first(where: { $0.index == p.segment }) else { continue }
            let who = reviewersOf[p] ?? []
            let kept = (givenBy[p] ?? [:]).filter { 2 * $0.value >= who.count }.keys
            passages.append(TrainingPassage(
                text: segment.text, role: segment.role ?? .unknown, kind: segment.kind, codes: Set(kept),
                id: "\(transcript.encounters[p.encounter].id)#\(segment.index + 1)", source: transcript.path,
                coder: who.sorted().joined(separator: "+")))
            places.append(p)
            reviewers.formUnion(who)
        }
        self.passages = passages
        self.places = places
        self.reviewers = reviewers.sorted()
    }
}
