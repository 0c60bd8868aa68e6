import Coding
import GRDB
import Reports

extension ProjectStore {
    /// The encounters `coder` worked on: for a person, those they coded, decided a suggestion in
    /// or marked done; for the machine and imported coders, every encounter of a source they coded.
    /// Answered by SQL over the coding index, without loading codings.
    public func encountersWorkedOn(by coder: String) throws(ProjectError) -> Set<EncounterKey> {
        try read { db in
            let kind = try String.fetchOne(db, sql: "SELECT kind FROM coder WHERE name = ?", arguments: [coder])
            let sql: String
            let arguments: StatementArguments
            if kind == ProjectCoder.Kind.machine.rawValue || kind == ProjectCoder.Kind.imported.rawValue {
                sql = """
                    SELECT e.source_id, e.idx FROM encounter e
                    WHERE e.source_id IN (SELECT DISTINCT source_id FROM coding WHERE coder = ?)
                    """
                arguments = [coder]
            } else {
                sql = """
                    SELECT source_id, encounter FROM coding WHERE coder = ?
                    UNION SELECT c.source_id, c.encounter FROM decision d JOIN coding c ON c.id = d.suggestion_id WHERE d.coder = ?
                    UNION SELECT source_id, encounter FROM done WHERE coder = ?
                    """
                arguments = [coder, coder, coder]
            }
            var keys: Set<EncounterKey> = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() { keys.insert(EncounterKey(sourceID: row[0], encounter: row[1])) }
            return keys
        }
    }

    /// A segment coded in one of `encounters` by one of `coders`, with its code.
    public struct CodedSegment: Hashable, Sendable {
        public var coder: String
        public var encounter: EncounterKey
        public var segment: Int
        public var code: String
    }

    /// What `coders` coded in `encounters` (code, not evidence): one query per 400 encounters
    /// through the coding index, so comparing a few encounters of a large project reads only those.
    public func codedSegments(coders: [String], in encounters: Set<EncounterKey>) throws(ProjectError) -> [CodedSegment] {
        guard !coders.isEmpty, !encounters.isEmpty else { return [] }
        let sorted = encounters.sorted()
        return try read { db in
            var result: [CodedSegment] = []
            var start = 0
            while start < sorted.count {
                let chunk = sorted[start..<min(sorted.count, start + 400)]
                start += chunk.count
                var arguments = StatementArguments()
                for key in chunk { arguments += [key.sourceID, key.encounter] }
                arguments += StatementArguments(coders)
                let rows = try Row.fetchCursor(db, sql: """
                    WITH wanted(s, e) AS (VALUES \(chunk.map { _ in "(?, ?)" }.joined(separator: ", ")))
                    SELECT c.coder, c.source_id, c.encounter, c.segment, c.code FROM wanted CROSS JOIN coding c
                    ON c.source_id = wanted.s AND c.encounter = wanted.e
                    WHERE c.coder IN (\(coders.map { _ in "?" }.joined(separator: ", ")))
                    """, arguments: arguments)
                while let row = try rows.next() {
                    result.append(CodedSegment(coder: row[0], encounter: EncounterKey(sourceID: row[1], encounter: row[2]),
                                               segment: row[3], code: row[4]))
                }
            }
            return result
        }
    }

    /// The segments and codes of the codings `coder` decided on (accepted, rejected or changed).
    public func decidedSegments(by coder: String) throws(ProjectError) -> [CodedSegment] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT DISTINCT c.source_id, c.encounter, c.segment, c.code FROM decision d JOIN coding c ON c.id = d.suggestion_id
                WHERE d.coder = ?
                """, arguments: [coder]).map {
                CodedSegment(coder: coder, encounter: EncounterKey(sourceID: $0[0], encounter: $0[1]), segment: $0[2], code: $0[3])
            }
        }
    }

    /// Each coder's codings as units of agreement (a segment, its top-level codes) over the
    /// encounters that coder worked on (within `within` when given). A segment the coder left
    /// uncoded in an encounter they worked on counts as uncoded; encounters they did not work on
    /// are missing, so text nobody coded is never a unit. Unit paths are `source path#encounter
    /// index`, unit encounters the encounter's name.
    public func agreementCodings(coders: [String], within: Set<EncounterKey>? = nil) throws(ProjectError) -> [Codings] {
        var worked: [String: Set<EncounterKey>] = [:]
        var all: Set<EncounterKey> = []
        for coder in coders {
            var keys = try encountersWorkedOn(by: coder)
            if let within { keys.formIntersection(within) }
            worked[coder] = keys
            all.formUnion(keys)
        }
        let names = try unitNames()
        func unit(_ key: EncounterKey, _ segment: Int) -> Codings.Unit {
            let name = names[key] ?? (path: "\(key.sourceID)", name: "\(key.encounter)")
            return Codings.Unit(path: Self.unitPath(sourcePath: name.path, encounter: key.encounter), encounter: name.name, segment: segment)
        }
        var byCoder: [String: [Codings.Unit: Set<String>]] = [:]
        for coded in try codedSegments(coders: coders, in: all) where worked[coded.coder]?.contains(coded.encounter) == true {
            byCoder[coded.coder, default: [:]][unit(coded.encounter, coded.segment), default: []].insert(Self.topLevel(coded.code))
        }
        return coders.map { coder in
            Codings(coder: coder, units: byCoder[coder] ?? [:],
                    paths: Set((worked[coder] ?? []).map { unit($0, 0).path }))
        }
    }

    /// The path of the units of an encounter in `agreementCodings`: the source's path and the
    /// encounter's index (a source may hold several encounters).
    public static func unitPath(sourcePath: String, encounter: Int) -> String { "\(sourcePath)#\(encounter)" }

    /// Every encounter's source path and name.
    func unitNames() throws(ProjectError) -> [EncounterKey: (path: String, name: String)] {
        try read { db in
            var names: [EncounterKey: (path: String, name: String)] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT e.source_id, e.idx, e.name, s.path FROM encounter e JOIN source s ON s.id = e.source_id") {
                names[EncounterKey(sourceID: row[0], encounter: row[1])] = (row[3], row[2])
            }
            return names
        }
    }

    static func topLevel(_ code: String) -> String { String(code.split(separator: ".").first ?? "") }
}
