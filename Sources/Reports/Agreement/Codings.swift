import Foundation
import Transcripts

/// One coder's codings of a set of transcripts, keyed by unit (a segment: path, encounter,
/// segment index): read from `rapport code` JSONL or from a human coder's CSV.
public struct Codings: Sendable {
    /// A segment, the unit of agreement.
    public struct Unit: Hashable, Comparable, Sendable {
        public var path: String
        public var encounter: String
        public var segment: Int
        public init(path: String, encounter: String, segment: Int) {
            self.path = path
            self.encounter = encounter
            self.segment = segment
        }
        public static func < (a: Unit, b: Unit) -> Bool { (a.path, a.encounter, a.segment) < (b.path, b.encounter, b.segment) }
        public var id: String { "\(path)#\(encounter)#\(segment)" }
    }

    public var coder: String
    /// Top-level codes per unit; a unit listed with an empty set was seen and left uncoded.
    public var units: [Unit: Set<String>]
    /// Transcripts this coder worked on: units of these paths not listed count as uncoded.
    public var paths: Set<String>

    public init(coder: String, units: [Unit: Set<String>], paths: Set<String>) {
        self.coder = coder
        self.units = units
        self.paths = paths
    }

    /// Reads `rapport code --format jsonl` output (one object per segment); the coder is the
    /// annotations' coder, else the file name.
    public static func jsonl(_ text: String, source: String) throws(Diagnostic) -> [Codings] {
        var units: [Unit: Set<String>] = [:]
        var coderName: String?
        var paths: Set<String> = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = object["path"] as? String, let encounter = object["encounter"] as? String,
                  let segment = object["segment"] as? Int else {
                throw Diagnostic(path: source, line: n + 1, column: 1,
                                 message: "expected a JSON object with path, encounter and segment (output of 'rapport code')")
            }
            let unit = Unit(path: path, encounter: encounter, segment: segment)
            var codes = Set((object["codes"] as? [String]) ?? [])
            for a in (object["annotations"] as? [[String: Any]]) ?? [] {
                if let code = a["code"] as? String { codes.insert(String(code.split(separator: ".").first ?? "")) }
                if coderName == nil, let c = a["coder"] as? String { coderName = c }
            }
            units[unit, default: []].formUnion(codes)
            paths.insert(path)
        }
        let fallback = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        return [Codings(coder: coderName ?? fallback, units: units, paths: paths)]
    }

    /// Reads human codings as CSV with a header naming at least `path, encounter, segment, code,
    /// coder`; one row per code applied; several coders may share a file.
    public static func csv(_ text: String, source: String) throws(Diagnostic) -> [Codings] {
        let records: [CSVRecords.Record]
        do { records = try CSVRecords.parse(text) } catch {
            throw Diagnostic(path: source, line: error.line, column: error.column, message: error.message)
        }
        guard let header = records.first else { throw Diagnostic(path: source, line: 1, column: 1, message: "empty file") }
        let names = header.fields.map { $0.text.lowercased() }
        var column: [String: Int] = [:]
        for key in ["path", "encounter", "segment", "code", "coder"] {
            guard let k = names.firstIndex(of: key) else {
                throw Diagnostic(path: source, line: 1, column: 1, message: "missing column '\(key)' (need path, encounter, segment, code, coder)")
            }
            column[key] = k
        }
        var byCoder: [String: Codings] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                throw Diagnostic(path: source, line: record.endLine, column: record.endColumn,
                                 message: "expected \(names.count) fields, found \(record.fields.count)")
            }
            func field(_ key: String) -> CSVRecords.Field { record.fields[column[key]!] }
            guard let segment = Int(field("segment").text) else {
                let f = field("segment")
                throw Diagnostic(path: source, line: f.line, column: f.column, message: "segment '\(f.text)' is not a whole number")
            }
            let coder = field("coder").text
            let unit = Unit(path: field("path").text, encounter: field("encounter").text, segment: segment)
            var codings = byCoder[coder] ?? Codings(coder: coder, units: [:], paths: [])
            let code = field("code").text
            codings.units[unit, default: []].formUnion(code.isEmpty ? [] : [String(code.split(separator: ".").first ?? "")])
            codings.paths.insert(unit.path)
            byCoder[coder] = codings
        }
        return byCoder.keys.sorted().map { byCoder[$0]! }
    }
}
