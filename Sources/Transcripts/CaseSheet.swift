import Foundation

/// A case sheet, like NVivo's classification sheets: an `attributes.csv` with one row per
/// transcript file (`file`, relative to the CSV) and any of the columns `encounter`, `case`,
/// `date`, `setting`, `kind` and `participants` (the header syntax `SW = worker (Olivia); Mum =
/// client`). It gives files that cannot carry a header (subtitles, Word files from a service)
/// their case, date and roles: a value fills in what a file lacks, and overrides what it says
/// with a warning where the two disagree.
public struct CaseSheet: Sendable {
    /// The name looked for beside the transcripts.
    public static let fileName = "attributes.csv"
    /// The columns read besides `file`.
    public static let columns = ["encounter", "case", "date", "setting", "kind", "participants"]

    /// One row: the file's standardised path, the non-empty values by column, and the CSV line.
    struct Row: Sendable {
        var file: String
        var values: [String: String]
        var line: Int
    }

    public let path: String
    private var rows: [String: Row] = [:]
    /// Problems with the sheet itself (unknown columns, rows naming no file that exists).
    public private(set) var warnings: [Diagnostic] = []

    /// Reads the sheet at `path`; throws for a file that cannot be read or has no `file` column.
    public init(path: String) throws(Diagnostic) {
        self.path = path
        let decoded = try TextDecoding.decode(TranscriptLoader.readBytes(path), path: path)
        let records: [CSVRecords.Record]
        do { records = try CSVRecords.parse(decoded.text) } catch {
            throw Diagnostic(path: path, line: error.line, column: error.column, message: error.message)
        }
        guard let header = records.first else { throw Diagnostic(path: path, line: 1, column: 1, message: "empty case sheet") }
        let names = header.fields.map { $0.text.trimmingASCIISpaces().lowercased() }
        guard let fileColumn = names.firstIndex(of: "file") else {
            throw Diagnostic(path: path, line: 1, column: 1, message:
                "no 'file' column; a case sheet has a 'file' column and any of \(Self.columns.joined(separator: ", "))")
        }
        for (k, name) in names.enumerated() where k != fileColumn && !Self.columns.contains(name) && !name.isEmpty {
            warnings.append(Diagnostic(path: path, line: 1, column: header.fields[k].column, severity: .warning,
                                       message: "column '\(name)' is not one Rapport reads (\(Self.columns.joined(separator: ", "))); ignored"))
        }
        let folder = (path as NSString).deletingLastPathComponent
        for record in records.dropFirst() {
            let fields = record.fields
            guard fileColumn < fields.count else { continue }
            let file = fields[fileColumn].text.trimmingASCIISpaces()
            guard !file.isEmpty else { continue }
            let full = Self.standardised(file.hasPrefix("/") ? file : (folder.isEmpty ? file : folder + "/" + file))
            var values: [String: String] = [:]
            for (k, name) in names.enumerated() where k < fields.count && Self.columns.contains(name) {
                let value = fields[k].text.trimmingASCIISpaces()
                if !value.isEmpty { values[name] = value }
            }
            let line = fields[fileColumn].line
            if rows[full] != nil {
                warnings.append(Diagnostic(path: path, line: line, column: 1, severity: .warning,
                                           message: "'\(file)' has a row above already; this row is used"))
            }
            if !FileManager.default.fileExists(atPath: full) {
                warnings.append(Diagnostic(path: path, line: line, column: 1, severity: .warning,
                                           message: "'\(file)' (relative to this sheet) does not exist"))
            }
            rows[full] = Row(file: file, values: values, line: line)
        }
    }

    /// The sheets for `files` read from `inputs`: `explicit` (from `--attributes`) alone when
    /// given, else every `attributes.csv` in an input folder or in a file's own folder, outer
    /// folders first so a sheet nearer the file has the last word. Unreadable sheets are errors.
    public static func sheets(for files: [String], inputs: [String], explicit: String?) -> (sheets: [CaseSheet], errors: [Diagnostic]) {
        var candidates: [String] = []
        if let explicit {
            candidates = [explicit]
        } else {
            var isDirectory: ObjCBool = false
            for input in inputs where FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) && isDirectory.boolValue {
                candidates.append((input as NSString).appendingPathComponent(fileName))
            }
            for file in files { candidates.append(((file as NSString).deletingLastPathComponent as NSString).appendingPathComponent(fileName)) }
            var seen: Set<String> = []
            candidates = candidates.filter { seen.insert(standardised($0)).inserted && FileManager.default.fileExists(atPath: $0) }
            candidates.sort { standardised($0).count < standardised($1).count }
        }
        var sheets: [CaseSheet] = [], errors: [Diagnostic] = []
        for candidate in candidates {
            do throws(Diagnostic) { sheets.append(try CaseSheet(path: candidate)) } catch { errors.append(error) }
        }
        return (sheets, errors)
    }

    /// `transcript` with what the sheets say about its file applied, in order.
    public static func apply(_ sheets: [CaseSheet], to transcript: Transcript) -> Transcript {
        sheets.reduce(transcript) { $1.apply(to: $0) }
    }

    /// `transcript` with this sheet's row for its file applied: empty fields filled, differing
    /// ones overridden with a warning at the sheet's row, roles given to speakers.
    public func apply(to transcript: Transcript) -> Transcript {
        guard let row = rows[Self.standardised(transcript.path)] else { return transcript }
        var result = transcript
        func warn(_ message: String) {
            result.warnings.append(Diagnostic(path: path, line: row.line, column: 1, severity: .warning, message: message))
        }
        if let id = row.values["encounter"] {
            if result.encounters.count == 1 {
                let written = result.encounters[0].metadata["encounter"]
                if let written, written != id { warn("encounter '\(id)' for '\(row.file)' overrides '\(written)' written in the file") }
                result.encounters[0].id = id
            } else if result.encounters.count > 1 {
                warn("'\(row.file)' holds \(result.encounters.count) encounters; the encounter column names one, so it is not used")
            }
        }
        let entries = row.values["participants"].map(ParticipantList.parse) ?? []
        for entry in entries where entry.unknownRole != nil {
            warn("participant '\(entry.participant.label)' has no known role ('\(entry.unknownRole ?? "")'); using 'unknown'")
        }
        for e in result.encounters.indices {
            var encounter = result.encounters[e]
            for (column, keyPath) in [("case", \Encounter.caseID), ("date", \Encounter.date), ("setting", \Encounter.setting),
                                      ("kind", \Encounter.kind)] {
                guard var value = row.values[column] else { continue }
                if column == "date" { value = DateText.iso(value) ?? value }
                if let written = encounter[keyPath: keyPath], !written.isEmpty, written != value {
                    warn("\(column) '\(value)' for '\(row.file)' overrides '\(written)' written in the file")
                }
                encounter[keyPath: keyPath] = value
                encounter.metadata[column] = value
            }
            for entry in entries {
                let given = entry.participant
                if let k = encounter.participants.firstIndex(where: { $0.label.lowercased() == given.label.lowercased() }) {
                    let written = encounter.participants[k]
                    if written.role != .unknown, given.role != .unknown, written.role != given.role {
                        warn("role of '\(given.label)' in '\(row.file)': \(given.role.rawValue) overrides \(written.role.rawValue) written in the file")
                    }
                    if given.role != .unknown { encounter.participants[k].role = given.role }
                    if let name = given.name { encounter.participants[k].name = name }
                } else {
                    encounter.participants.append(given)
                }
            }
            if !entries.isEmpty {
                for s in encounter.segments.indices {
                    guard let speaker = encounter.segments[s].speaker, let participant = encounter.participant(forLabel: speaker) else { continue }
                    encounter.segments[s].role = participant.role
                }
                // The parser's warning about speakers with no known role, said again only for those still unknown.
                let prefix = "encounter '\(transcript.encounters[e].id)': speaker labels with no known role"
                let stillUnknown = encounter.participants.filter { $0.role == .unknown }.map(\.label)
                result.warnings = result.warnings.compactMap { warning in
                    guard warning.message.hasPrefix(prefix) else { return warning }
                    guard !stillUnknown.isEmpty else { return nil }
                    var copy = warning
                    copy.message = "encounter '\(encounter.id)': speaker labels with no known role: \(stillUnknown.joined(separator: ", ")); add them to the participants column of \(path)"
                    return copy
                }
            }
            result.encounters[e] = encounter
        }
        return result
    }

    private static func standardised(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
