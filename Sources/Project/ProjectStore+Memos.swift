import GRDB

extension ProjectStore {
    /// Saves a memo: a new one when its id is 0, else replaces the text of the coder's memo with that id.
    public func save(_ memo: Memo) throws(ProjectError) -> Memo {
        try addCoder(ProjectCoder(name: memo.coder, kind: .person))
        let at = now()
        return try write { db in
            var saved = memo
            saved.updatedAt = at
            if memo.id == 0 {
                saved.createdAt = at
                try db.execute(sql: """
                    INSERT INTO memo (coder, target, source_id, encounter, start, "end", code, text, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [memo.coder, memo.target.rawValue, memo.sourceID, memo.encounter, memo.start, memo.end,
                                     memo.code, memo.text, at, at])
                saved.id = db.lastInsertedRowID
            } else {
                guard let created = try String.fetchOne(db, sql: "SELECT created_at FROM memo WHERE id = ? AND coder = ?",
                                                        arguments: [memo.id, memo.coder]) else {
                    throw ProjectError(path: path, message: "no memo \(memo.id) of \(memo.coder)")
                }
                saved.createdAt = created
                try db.execute(sql: "UPDATE memo SET text = ?, updated_at = ? WHERE id = ?", arguments: [memo.text, at, memo.id])
            }
            return saved
        }
    }

    /// Memos, oldest first (optionally only those of one source).
    public func memos(source sourceID: Int64? = nil) throws(ProjectError) -> [Memo] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM memo \(sourceID == nil ? "" : "WHERE source_id = ?") ORDER BY id",
                             arguments: sourceID.map { [$0] } ?? []).map { row in
                Memo(id: row["id"], coder: row["coder"], target: Memo.Target(rawValue: row["target"]) ?? .passage,
                     sourceID: row["source_id"], encounter: row["encounter"], start: row["start"], end: row["end"],
                     code: row["code"], text: row["text"], createdAt: row["created_at"], updatedAt: row["updated_at"])
            }
        }
    }

    /// Deletes one of the coder's memos; false when there is none with that id.
    public func deleteMemo(_ id: Int64, by coder: String) throws(ProjectError) -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM memo WHERE id = ? AND coder = ?", arguments: [id, coder])
            return db.changesCount > 0
        }
    }
}
