import Coding
import GRDB

extension ProjectStore {
    /// Replaces the machine's suggestions for one source with a new run of the coder without
    /// orphaning or changing any decision, in one transaction: a suggestion that still stands
    /// (same encounter, segment, code and span) keeps its id, so its decisions stay attached (its
    /// evidence and codebook version are brought up to date); a new one is added; a vanished one
    /// nobody decided on is removed; a vanished one somebody decided on stays as it was, marked
    /// with the codebook version it came from. With `unreviewedOnly`, encounters that any person
    /// or imported coder has coded, decided in or marked done are left untouched.
    public func reconcileSuggestions(_ coded: CodedTranscript, codebookID: Int64?,
                                     unreviewedOnly: Bool = false) throws(ProjectError) -> RecodeSummary {
        try addCoder(ProjectCoder(name: ProjectCoder.machineName, kind: .machine))
        let at = now()
        let machine = ProjectCoder.machineName
        return try write { db in
            guard let source = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE path = ?", arguments: [coded.transcript.path]) else {
                throw ProjectError(path: path, message: "no source \(coded.transcript.path) in the project")
            }
            var summary = RecodeSummary()
            summary.sources = 1
            let reviewed: Set<Int> = unreviewedOnly ? try Self.reviewedEncounters(db, source: source) : []
            summary.skippedEncounters = reviewed.count
            let decided = Set(try Int64.fetchAll(db, sql: """
                SELECT d.suggestion_id FROM decision d JOIN coding c ON c.id = d.suggestion_id WHERE c.source_id = ?
                UNION SELECT suggestion_id FROM coding WHERE source_id = ? AND suggestion_id IS NOT NULL
                """, arguments: [source, source]))
            var standing: [String: [Int64]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT id, encounter, segment, code, start, "end" FROM coding WHERE source_id = ? AND coder = ? ORDER BY id
                """, arguments: [source, machine]) where !reviewed.contains(row["encounter"]) {
                let key = Self.suggestionKey(encounter: row["encounter"], segment: row["segment"], code: row["code"],
                                             start: row["start"], end: row["end"])
                standing[key, default: []].append(row["id"])
            }
            let update = try db.makeStatement(sql: "UPDATE coding SET evidence = ?, context = ?, codebook_id = ? WHERE id = ?")
            let insert = try db.makeStatement(sql: """
                INSERT INTO coding (source_id, encounter, segment, code, start, "end", coder, context, evidence, origin, codebook_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'machine', ?, ?)
                """)
            for (e, segments) in coded.annotations.enumerated() where !reviewed.contains(e) {
                for a in segments.joined() {
                    let key = Self.suggestionKey(encounter: e, segment: a.segment, code: a.code, start: a.start, end: a.end)
                    let evidence = EvidenceJSON.encode(a.evidence)
                    if var ids = standing[key], !ids.isEmpty {
                        let id = ids.removeFirst()
                        standing[key] = ids
                        try update.execute(arguments: [evidence, a.context.rawValue, codebookID, id])
                        summary.kept += 1
                    } else {
                        try insert.execute(arguments: [source, e, a.segment, a.code, a.start, a.end, machine, a.context.rawValue,
                                                       evidence, codebookID, at])
                        summary.added += 1
                    }
                }
            }
            for id in standing.values.joined() {
                if decided.contains(id) {
                    summary.keptDecided += 1
                } else {
                    try db.execute(sql: "DELETE FROM coding WHERE id = ?", arguments: [id])
                    summary.dropped += 1
                }
            }
            return summary
        }
    }

    /// Encounters of a source that someone other than the machine has worked on: coded (by
    /// hand, by accepting, or imported), decided on a suggestion in, or marked done.
    static func reviewedEncounters(_ db: Database, source: Int64) throws -> Set<Int> {
        Set(try Int.fetchAll(db, sql: """
            SELECT encounter FROM coding WHERE source_id = ? AND coder <> ?
            UNION SELECT c.encounter FROM decision d JOIN coding c ON c.id = d.suggestion_id WHERE c.source_id = ?
            UNION SELECT encounter FROM done WHERE source_id = ?
            """, arguments: [source, ProjectCoder.machineName, source, source]))
    }

    /// The encounters anyone has reviewed, per source (see `reviewedEncounters`).
    public func reviewedEncounters() throws(ProjectError) -> Set<ReviewedEncounter> {
        try read { db in
            Set(try Row.fetchAll(db, sql: """
                SELECT source_id, encounter FROM coding WHERE coder <> ?
                UNION SELECT c.source_id, c.encounter FROM decision d JOIN coding c ON c.id = d.suggestion_id
                UNION SELECT source_id, encounter FROM done
                """, arguments: [ProjectCoder.machineName]).map { ReviewedEncounter(sourceID: $0["source_id"], encounter: $0["encounter"]) })
        }
    }

    /// Sources holding a machine suggestion from another codebook version than `codebookID` that
    /// nobody decided on: those a re-coding with that version has not reached yet.
    public func sourcesWithSuggestions(notFrom codebookID: Int64) throws(ProjectError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT c.source_id FROM coding c
                WHERE c.coder = ? AND c.codebook_id <> ?
                  AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.suggestion_id = c.id)
                  AND NOT EXISTS (SELECT 1 FROM coding r WHERE r.suggestion_id = c.id)
                ORDER BY c.source_id
                """, arguments: [ProjectCoder.machineName, codebookID])
        }
    }

    static func suggestionKey(encounter: Int, segment: Int, code: String, start: Int, end: Int) -> String {
        "\(encounter)\t\(segment)\t\(code)\t\(start)\t\(end)"
    }
}
