import Coding
import GRDB

extension ProjectStore {
    /// What a coder decides about a suggestion.
    public enum Verdict: Hashable, Sendable {
        case accept
        case reject
        /// Accept with another code and/or span (code points in the source text).
        case change(code: String, start: Int, end: Int)
    }

    /// Records `coder`'s verdict on coding `suggestionID` and updates the coder's own coding in
    /// one transaction: accept copies it, change copies it with the new code or span, reject
    /// leaves none. An earlier verdict of the same coder on the same suggestion is superseded
    /// (its coding replaced) but stays in the log.
    public func decide(_ verdict: Verdict, on suggestionID: Int64, by coder: String) throws(ProjectError) -> Decision {
        try addCoder(ProjectCoder(name: coder, kind: .person))
        let at = now()
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM coding WHERE id = ?", arguments: [suggestionID]) else {
                throw ProjectError(path: path, message: "no coding \(suggestionID)")
            }
            let suggestion = Self.coding(row)
            guard suggestion.annotation.coder != coder else {
                throw ProjectError(path: path, message: "coding \(suggestionID) is \(coder)'s own; remove it instead of deciding on it")
            }
            try db.execute(sql: "DELETE FROM coding WHERE suggestion_id = ? AND coder = ?", arguments: [suggestionID, coder])
            var annotation = suggestion.annotation
            annotation.coder = coder
            var action = Decision.Action.accept
            var origin = StoredCoding.Origin.accepted
            var change: (code: String, start: Int, end: Int)?
            switch verdict {
            case .accept: break
            case .reject: action = .reject
            case .change(let code, let start, let end):
                action = .change
                origin = .changed
                change = (code, start, end)
                annotation.code = code
                annotation.start = start
                annotation.end = end
            }
            var result: Int64?
            if action != .reject {
                result = try Self.insert(db, source: suggestion.sourceID, encounter: suggestion.encounter, annotation: annotation,
                                         origin: origin, suggestion: suggestionID, at: at)
            }
            try db.execute(sql: """
                INSERT INTO decision (suggestion_id, coder, action, code, start, "end", result_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [suggestionID, coder, action.rawValue, change?.code, change?.start, change?.end, result, at])
            return Decision(id: db.lastInsertedRowID, suggestionID: suggestionID, coder: coder, action: action, code: change?.code,
                            start: change?.start, end: change?.end, resultID: result, at: at)
        }
    }

    /// The decision log, oldest first (optionally one coder's, optionally one source's).
    public func decisions(coder: String? = nil, source sourceID: Int64? = nil) throws(ProjectError) -> [Decision] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let coder { conditions.append("d.coder = ?"); arguments += [coder] }
        if let sourceID { conditions.append("c.source_id = ?"); arguments += [sourceID] }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT d.* FROM decision d LEFT JOIN coding c ON c.id = d.suggestion_id \(filter) ORDER BY d.id
                """, arguments: arguments).map { row in
                Decision(id: row["id"], suggestionID: row["suggestion_id"], coder: row["coder"],
                         action: Decision.Action(rawValue: row["action"]) ?? .reject, code: row["code"], start: row["start"],
                         end: row["end"], resultID: row["result_id"], at: row["at"])
            }
        }
    }

    /// The decision in force per suggestion for `coder` (the latest).
    public func currentDecisions(coder: String, source sourceID: Int64? = nil) throws(ProjectError) -> [Int64: Decision] {
        var latest: [Int64: Decision] = [:]
        for decision in try decisions(coder: coder, source: sourceID) { latest[decision.suggestionID] = decision }
        return latest
    }

    /// Marks (or unmarks) an encounter done for `coder`: in blind mode, others' codings show only after.
    public func setDone(_ done: Bool, source sourceID: Int64, encounter: Int, coder: String) throws(ProjectError) {
        try addCoder(ProjectCoder(name: coder, kind: .person))
        let at = now()
        try write { db in
            if done {
                try db.execute(sql: "INSERT OR REPLACE INTO done (coder, source_id, encounter, at) VALUES (?, ?, ?, ?)",
                               arguments: [coder, sourceID, encounter, at])
            } else {
                try db.execute(sql: "DELETE FROM done WHERE coder = ? AND source_id = ? AND encounter = ?",
                               arguments: [coder, sourceID, encounter])
            }
        }
    }

    /// Whether `coder` marked the encounter done.
    public func isDone(source sourceID: Int64, encounter: Int, coder: String) throws(ProjectError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM done WHERE coder = ? AND source_id = ? AND encounter = ?)",
                              arguments: [coder, sourceID, encounter]) ?? false
        }
    }

    /// The encounters `coder` marked done, as (source, encounter index).
    public func doneEncounters(coder: String) throws(ProjectError) -> [(sourceID: Int64, encounter: Int)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT source_id, encounter FROM done WHERE coder = ?", arguments: [coder]).map {
                ($0["source_id"], $0["encounter"])
            }
        }
    }

    /// Progress of `coder` on every encounter: suggestions, how many decided, own codings, done.
    public func progress(coder: String) throws(ProjectError) -> [ReviewProgress] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.source_id, e.idx,
                  (SELECT count(*) FROM coding c WHERE c.source_id = e.source_id AND c.encounter = e.idx AND c.coder = ?) AS suggestions,
                  (SELECT count(DISTINCT d.suggestion_id) FROM decision d JOIN coding c ON c.id = d.suggestion_id
                     WHERE c.source_id = e.source_id AND c.encounter = e.idx AND d.coder = ? AND c.coder = ?) AS decided,
                  (SELECT count(*) FROM coding c WHERE c.source_id = e.source_id AND c.encounter = e.idx AND c.coder = ?) AS codings,
                  EXISTS (SELECT 1 FROM done WHERE done.coder = ? AND done.source_id = e.source_id AND done.encounter = e.idx) AS done
                FROM encounter e JOIN source s ON s.id = e.source_id ORDER BY s.path, e.idx
                """, arguments: [ProjectCoder.machineName, coder, ProjectCoder.machineName, coder, coder]).map { row in
                ReviewProgress(sourceID: row["source_id"], encounter: row["idx"], suggestions: row["suggestions"],
                               decided: row["decided"], codings: row["codings"], done: row["done"])
            }
        }
    }
}
