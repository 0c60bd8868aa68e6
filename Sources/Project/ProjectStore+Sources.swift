import Foundation
import GRDB
import Transcripts

extension ProjectStore {
    /// Adds a parsed transcript. A source is known by its path: adding the same path again with
    /// the same text changes nothing and returns its id; with other text it is refused, since
    /// codings already made point into the old text.
    @discardableResult
    public func add(_ transcript: Transcript) throws(ProjectError) -> (id: Int64, added: Bool) {
        var bare = transcript
        bare.text = ""
        bare.warnings = []
        let structure: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            structure = try encoder.encode(bare)
        } catch {
            throw ProjectError(path: path, message: "cannot store \(transcript.path): \(error)")
        }
        let at = now()
        return try write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT id, text FROM source WHERE path = ?", arguments: [transcript.path]) {
                let text: String = row["text"]
                guard text == transcript.text else {
                    throw ProjectError(path: path, message: "\(transcript.path) is already in the project with other text; give the new version another name")
                }
                return (row["id"], false)
            }
            let words = transcript.encounters.reduce(0) { $0 + $1.words }
            try db.execute(sql: "INSERT INTO source (path, text, structure, words, added_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [transcript.path, transcript.text, structure, words, at])
            let id = db.lastInsertedRowID
            for (index, encounter) in transcript.encounters.enumerated() {
                try db.execute(sql: """
                    INSERT INTO encounter (source_id, idx, name, case_id, date, setting, kind, segments, words)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [id, index, encounter.id, encounter.caseID, encounter.date, encounter.setting,
                                     encounter.kind, encounter.segments.count, encounter.words])
            }
            return (id, true)
        }
    }

    /// Every encounter of every source, in path then encounter order.
    public func encounters() throws(ProjectError) -> [EncounterSummary] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT e.*, s.path FROM encounter e JOIN source s ON s.id = e.source_id ORDER BY s.path, e.idx
                """).map { row in
                EncounterSummary(sourceID: row["source_id"], path: row["path"], index: row["idx"], name: row["name"],
                                 caseID: row["case_id"], date: row["date"], setting: row["setting"], kind: row["kind"],
                                 segments: row["segments"], words: row["words"])
            }
        }
    }

    /// The ids and paths of the sources, in path order.
    public func sources() throws(ProjectError) -> [(id: Int64, path: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, path FROM source ORDER BY path").map { ($0["id"], $0["path"]) }
        }
    }

    /// The transcript stored as source `id`, as it was parsed; nil when there is none.
    public func transcript(_ id: Int64) throws(ProjectError) -> Transcript? {
        let row = try read { db in try Row.fetchOne(db, sql: "SELECT text, structure FROM source WHERE id = ?", arguments: [id]) }
        guard let row else { return nil }
        do {
            var transcript = try JSONDecoder().decode(Transcript.self, from: row["structure"] as Data)
            transcript.text = row["text"]
            return transcript
        } catch {
            throw ProjectError(path: path, message: "the stored structure of source \(id) is damaged: \(error)")
        }
    }

    /// The id of the source with `path`.
    public func sourceID(path sourcePath: String) throws(ProjectError) -> Int64? {
        try read { db in try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE path = ?", arguments: [sourcePath]) }
    }
}
