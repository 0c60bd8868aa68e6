import GRDB

extension ProjectStore {
    /// Stores a codebook version (its YAML) unless it equals the latest one; returns its id.
    @discardableResult
    public func addCodebook(name: String, yaml: String) throws(ProjectError) -> Int64 {
        let at = now()
        return try write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT id, yaml FROM codebook ORDER BY id DESC LIMIT 1"),
               (row["yaml"] as String) == yaml {
                return row["id"]
            }
            try db.execute(sql: "INSERT INTO codebook (name, yaml, added_at) VALUES (?, ?, ?)", arguments: [name, yaml, at])
            return db.lastInsertedRowID
        }
    }

    /// The latest codebook version: its id, name and YAML.
    public func currentCodebook() throws(ProjectError) -> (id: Int64, name: String, yaml: String)? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, name, yaml FROM codebook ORDER BY id DESC LIMIT 1").map { ($0["id"], $0["name"], $0["yaml"]) }
        }
    }

    /// Every codebook version, oldest first.
    public func codebookVersions() throws(ProjectError) -> [(id: Int64, name: String, addedAt: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name, added_at FROM codebook ORDER BY id").map { ($0["id"], $0["name"], $0["added_at"]) }
        }
    }
}
