import Foundation
import GRDB

/// A review project: one SQLite file holding the transcripts, codebook versions, every coder's
/// codings (people and the machine), review decisions, memos and trained models. Opening it
/// brings an older schema up to date; a file that is not a Rapport project is refused. Every
/// write is one transaction, and the file runs in WAL mode so readers never wait for a writer.
public struct ProjectStore: Sendable {
    /// The project file.
    public let path: String
    let pool: DatabasePool
    /// The time stamp written with each change (ISO 8601, UTC); replaceable for tests.
    var now: @Sendable () -> String = { ISO8601DateFormatter().string(from: Date()) }

    /// Opens the project at `path`, creating it when there is no file there and `create` is set.
    public static func open(path: String, create: Bool = true) throws(ProjectError) -> ProjectStore {
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists && !create { throw ProjectError(path: path, message: "no such project") }
        if exists {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { throw ProjectError(path: path, message: "is a folder, not a project file") }
            try checkHeader(path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw ProjectError(path: path, message: Self.describe(error))
        }
        let store = ProjectStore(path: path, pool: pool)
        try store.prepare()
        return store
    }

    /// Refuses a file that is not SQLite at all before SQLite is pointed at it (an empty file is a new project).
    static func checkHeader(_ path: String) throws(ProjectError) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ProjectError(path: path, message: "cannot be read") }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return }
        if head != Data("SQLite format 3\0".utf8) {
            throw ProjectError(path: path, message: "not a Rapport project (not an SQLite database); give a new file name to create a project")
        }
    }

    /// Checks the file is ours and intact, then runs the migrations it lacks.
    func prepare() throws(ProjectError) {
        let migrator = ProjectSchema.migrator
        do {
            try pool.write { db in
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if tables > 0 && application != ProjectSchema.applicationID {
                    throw ProjectError(path: path, message: "not a Rapport project (an SQLite database of another program)")
                }
                if tables > 0 {
                    let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "ok"
                    if check != "ok" { throw ProjectError(path: path, message: "the project file is damaged (\(check))") }
                    if try migrator.hasBeenSuperseded(db) {
                        throw ProjectError(path: path, message: "written by a newer Rapport (schema \(try migrator.appliedMigrations(db).last ?? "?")); update Rapport to open it")
                    }
                }
            }
            try migrator.migrate(pool)
        } catch let error as ProjectError {
            throw error
        } catch {
            throw ProjectError(path: path, message: Self.describe(error))
        }
    }

    /// The schema versions applied to this file, oldest first.
    public func schemaVersions() throws(ProjectError) -> [String] {
        try read { db in try ProjectSchema.migrator.appliedMigrations(db) }
    }

    /// Runs `body` in one write transaction.
    func write<T>(_ body: (Database) throws -> T) throws(ProjectError) -> T {
        do {
            return try pool.write(body)
        } catch let error as ProjectError {
            throw error
        } catch {
            throw ProjectError(path: path, message: Self.describe(error))
        }
    }

    /// Runs `body` on a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(ProjectError) -> T {
        do {
            return try pool.read(body)
        } catch let error as ProjectError {
            throw error
        } catch {
            throw ProjectError(path: path, message: Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        switch error.resultCode {
        case .SQLITE_NOTADB: return "not a Rapport project (not an SQLite database)"
        case .SQLITE_CORRUPT: return "the project file is damaged (\(error.message ?? "corrupt"))"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "the project is busy in another program; try again"
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return "cannot write the project file (\(error.message ?? "permission"))"
        default: return error.message ?? "\(error)"
        }
    }
}
