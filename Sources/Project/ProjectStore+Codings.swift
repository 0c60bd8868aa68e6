import Coding
import GRDB
import Transcripts

extension ProjectStore {
    /// Adds a coder, or leaves an existing one as it is.
    public func addCoder(_ coder: ProjectCoder) throws(ProjectError) {
        guard ProjectCoder.isValidName(coder.name) else {
            throw ProjectError(path: path, message: "coder name '\(coder.name)' must be 1-64 letters, digits, '-', '_', '.' or spaces")
        }
        let at = now()
        try write { db in
            try db.execute(sql: "INSERT OR IGNORE INTO coder (name, kind, added_at) VALUES (?, ?, ?)",
                           arguments: [coder.name, coder.kind.rawValue, at])
        }
    }

    /// Every coder, in name order.
    public func coders() throws(ProjectError) -> [ProjectCoder] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, kind FROM coder ORDER BY name").map {
                ProjectCoder(name: $0["name"], kind: ProjectCoder.Kind(rawValue: $0["kind"]) ?? .person)
            }
        }
    }

    /// Replaces everything `coder` has coded in the coded transcript's source with its
    /// annotations (the machine's suggestions, or a coder read from another tool), in one transaction.
    public func replaceCodings(of coded: CodedTranscript, coder: ProjectCoder, origin: StoredCoding.Origin,
                               codebookID: Int64? = nil) throws(ProjectError) {
        try addCoder(coder)
        let at = now()
        try write { db in
            guard let source = try Int64.fetchOne(db, sql: "SELECT id FROM source WHERE path = ?", arguments: [coded.transcript.path]) else {
                throw ProjectError(path: path, message: "no source \(coded.transcript.path) in the project")
            }
            try db.execute(sql: "DELETE FROM coding WHERE source_id = ? AND coder = ?", arguments: [source, coder.name])
            let statement = try db.makeStatement(sql: """
                INSERT INTO coding (source_id, encounter, segment, code, start, "end", coder, context, evidence, origin, codebook_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for (e, segments) in coded.annotations.enumerated() {
                for annotation in segments.joined() {
                    try statement.execute(arguments: [source, e, annotation.segment, annotation.code, annotation.start, annotation.end,
                                                      coder.name, annotation.context.rawValue, EvidenceJSON.encode(annotation.evidence),
                                                      origin.rawValue, codebookID, at])
                }
            }
        }
    }

    /// Whether `coder` has any coding in source `sourceID`.
    public func hasCodings(source sourceID: Int64, coder: String) throws(ProjectError) -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM coding WHERE source_id = ? AND coder = ?)", arguments: [sourceID, coder]) ?? false
        }
    }

    /// Codings of a source (optionally one encounter, optionally some coders), in text order.
    public func codings(source sourceID: Int64? = nil, encounter: Int? = nil, coders: [String]? = nil) throws(ProjectError) -> [StoredCoding] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let sourceID { conditions.append("source_id = ?"); arguments += [sourceID] }
        if let encounter { conditions.append("encounter = ?"); arguments += [encounter] }
        if let coders {
            conditions.append("coder IN (\(coders.map { _ in "?" }.joined(separator: ",")))")
            arguments += StatementArguments(coders)
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM coding \(filter) ORDER BY source_id, start, \"end\", code, coder, id", arguments: arguments)
                .map(Self.coding)
        }
    }

    /// The coding with `id`.
    public func coding(_ id: Int64) throws(ProjectError) -> StoredCoding? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM coding WHERE id = ?", arguments: [id]).map(Self.coding) }
    }

    static func coding(_ row: Row) -> StoredCoding {
        let context = Annotation.Context(rawValue: row["context"]) ?? .observation
        let annotation = Annotation(code: row["code"], segment: row["segment"], start: row["start"], end: row["end"],
                                    coder: row["coder"], context: context, evidence: EvidenceJSON.decode(row["evidence"]))
        return StoredCoding(id: row["id"], sourceID: row["source_id"], encounter: row["encounter"], annotation: annotation,
                            origin: StoredCoding.Origin(rawValue: row["origin"]) ?? .hand, suggestionID: row["suggestion_id"],
                            codebookID: row["codebook_id"], createdAt: row["created_at"])
    }

    /// Adds a coding (a hand coding, or an adjudication) by the annotation's coder, who is added
    /// as a person if new, and returns it.
    public func addCoding(source sourceID: Int64, encounter: Int, annotation: Annotation,
                          origin: StoredCoding.Origin = .hand) throws(ProjectError) -> StoredCoding {
        let at = now()
        return try write { db in
            let id = try Self.insert(db, source: sourceID, encounter: encounter, annotation: annotation, origin: origin,
                                     suggestion: nil, at: at)
            return StoredCoding(id: id, sourceID: sourceID, encounter: encounter, annotation: annotation, origin: origin, createdAt: at)
        }
    }

    /// Removes one of `coder`'s own codings; removing an accepted suggestion logs a rejection.
    /// Returns false when there is no such coding of that coder.
    public func removeCoding(_ id: Int64, by coder: String) throws(ProjectError) -> Bool {
        let at = now()
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT suggestion_id FROM coding WHERE id = ? AND coder = ?", arguments: [id, coder]) else {
                return false
            }
            try db.execute(sql: "DELETE FROM coding WHERE id = ?", arguments: [id])
            if let suggestion = row["suggestion_id"] as Int64? {
                try db.execute(sql: "INSERT INTO decision (suggestion_id, coder, action, at) VALUES (?, ?, 'reject', ?)",
                               arguments: [suggestion, coder, at])
            }
            return true
        }
    }

    static func insert(_ db: Database, source: Int64, encounter: Int, annotation: Annotation, origin: StoredCoding.Origin,
                       suggestion: Int64?, at: String) throws -> Int64 {
        try db.execute(sql: "INSERT OR IGNORE INTO coder (name, kind, added_at) VALUES (?, 'person', ?)", arguments: [annotation.coder, at])
        try db.execute(sql: """
            INSERT INTO coding (source_id, encounter, segment, code, start, "end", coder, context, evidence, origin, suggestion_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [source, encounter, annotation.segment, annotation.code, annotation.start, annotation.end, annotation.coder,
                             annotation.context.rawValue, EvidenceJSON.encode(annotation.evidence), origin.rawValue, suggestion, at])
        return db.lastInsertedRowID
    }
}
