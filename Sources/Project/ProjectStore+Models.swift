import Foundation
import GRDB

extension ProjectStore {
    /// Keeps a trained model (the learning module's bytes) with its metadata; returns its id.
    @discardableResult
    public func saveModel(name: String, metadata: String, data: [UInt8]) throws(ProjectError) -> Int64 {
        let at = now()
        return try write { db in
            try db.execute(sql: "INSERT INTO model (name, metadata, data, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [name, metadata, Data(data), at])
            return db.lastInsertedRowID
        }
    }

    /// The latest model saved under `name`.
    public func latestModel(name: String) throws(ProjectError) -> StoredModel? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM model WHERE name = ? ORDER BY id DESC LIMIT 1", arguments: [name]).map { row in
                StoredModel(id: row["id"], name: row["name"], metadata: row["metadata"], data: [UInt8](row["data"] as Data),
                            createdAt: row["created_at"])
            }
        }
    }
}
