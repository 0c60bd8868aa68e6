import GRDB

/// The project file's schema as versioned migrations: a project written by an older Rapport is
/// brought up to date when opened; never edit a migration once released, add the next one.
enum ProjectSchema {
    /// `PRAGMA application_id` of a Rapport project ("RAPP"), so a foreign SQLite file is refused.
    static let applicationID: Int32 = 0x5241_5050

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE source (
                    id INTEGER PRIMARY KEY,
                    path TEXT NOT NULL UNIQUE,
                    text TEXT NOT NULL,
                    structure BLOB NOT NULL,
                    words INTEGER NOT NULL,
                    added_at TEXT NOT NULL
                );
                CREATE TABLE encounter (
                    source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                    idx INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    case_id TEXT, date TEXT, setting TEXT, kind TEXT,
                    segments INTEGER NOT NULL,
                    words INTEGER NOT NULL,
                    PRIMARY KEY (source_id, idx)
                );
                CREATE TABLE codebook (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    yaml TEXT NOT NULL,
                    added_at TEXT NOT NULL
                );
                CREATE TABLE coder (
                    name TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('person', 'machine', 'imported')),
                    added_at TEXT NOT NULL
                );
                CREATE TABLE coding (
                    id INTEGER PRIMARY KEY,
                    source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                    encounter INTEGER NOT NULL,
                    segment INTEGER NOT NULL,
                    code TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL CHECK ("end" >= start),
                    coder TEXT NOT NULL REFERENCES coder(name),
                    context TEXT NOT NULL,
                    evidence TEXT,
                    origin TEXT NOT NULL,
                    suggestion_id INTEGER,
                    codebook_id INTEGER REFERENCES codebook(id),
                    created_at TEXT NOT NULL
                );
                CREATE INDEX coding_by_source ON coding(source_id, encounter, coder);
                CREATE INDEX coding_by_suggestion ON coding(suggestion_id);
                CREATE TABLE decision (
                    id INTEGER PRIMARY KEY,
                    suggestion_id INTEGER NOT NULL,
                    coder TEXT NOT NULL REFERENCES coder(name),
                    action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'change')),
                    code TEXT, start INTEGER, "end" INTEGER,
                    result_id INTEGER,
                    at TEXT NOT NULL
                );
                CREATE INDEX decision_by_suggestion ON decision(suggestion_id, coder);
                CREATE TABLE memo (
                    id INTEGER PRIMARY KEY,
                    coder TEXT NOT NULL REFERENCES coder(name),
                    target TEXT NOT NULL CHECK (target IN ('passage', 'code', 'encounter')),
                    source_id INTEGER REFERENCES source(id) ON DELETE CASCADE,
                    encounter INTEGER, start INTEGER, "end" INTEGER, code TEXT,
                    text TEXT NOT NULL,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL
                );
                CREATE TABLE done (
                    coder TEXT NOT NULL REFERENCES coder(name),
                    source_id INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
                    encounter INTEGER NOT NULL,
                    at TEXT NOT NULL,
                    PRIMARY KEY (coder, source_id, encounter)
                );
                CREATE TABLE model (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    metadata TEXT NOT NULL,
                    data BLOB NOT NULL,
                    created_at TEXT NOT NULL
                );
                """)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        }
        return migrator
    }
}
