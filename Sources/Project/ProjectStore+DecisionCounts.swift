import GRDB

extension ProjectStore {
    /// Per code, how the decisions in force (each coder's latest on each suggestion) on the
    /// machine's suggestions stand, in code order: how often its suggestions were accepted
    /// (by everyone, or by `coder` only).
    public func decisionCounts(coder: String? = nil) throws(ProjectError) -> [DecisionCount] {
        try read { db in
            var counts: [String: DecisionCount] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT c.code AS code, d.action AS action, count(*) AS n
                FROM decision d JOIN coding c ON c.id = d.suggestion_id
                WHERE c.coder = ? AND (? IS NULL OR d.coder = ?)
                  AND d.id = (SELECT max(id) FROM decision l WHERE l.suggestion_id = d.suggestion_id AND l.coder = d.coder)
                GROUP BY c.code, d.action
                """, arguments: [ProjectCoder.machineName, coder, coder]) {
                let code: String = row["code"], n: Int = row["n"]
                var count = counts[code] ?? DecisionCount(code: code)
                switch Decision.Action(rawValue: row["action"]) {
                case .accept: count.accepted += n
                case .change: count.changed += n
                case .reject: count.rejected += n
                case nil: break
                }
                counts[code] = count
            }
            return counts.keys.sorted().compactMap { counts[$0] }
        }
    }
}
