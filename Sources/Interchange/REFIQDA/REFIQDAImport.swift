import Coding
import Foundation
import Transcripts

/// Reads a REFI-QDA project (a `.qdpx` archive, or a bare `project.qde`) from NVivo, ATLAS.ti,
/// MAXQDA, QualCoder or Rapport into Rapport codings: every coded `PlainTextSelection` of a text
/// source becomes an annotation of each transcript segment it covers, with the coding user as
/// its coder. Each source's text is parsed as a plain transcript (encounters and segments), so
/// the codings line up with `rapport code` on the same transcripts.
///
/// Codes are identified by the `Rapport code:` line Rapport writes in each code's description,
/// else by GUID or unique name in `codebook`, else by the path of names down the code tree
/// (`Parent/Child` → `parent.child`). What cannot be carried over is reported as warnings.
public enum REFIQDAImport {
    /// A project read from a file, and the codings it holds.
    public struct Imported: Sendable {
        public var project: QDAProject
        public var result: ImportResult
    }

    /// Reads the `.qdpx` or `.qde` file at `path`.
    public static func read(path: String, codebook: Codebook? = nil) throws(Diagnostic) -> Imported {
        try read(bytes: TranscriptLoader.readBytes(path), path: path, codebook: codebook)
    }

    /// Reads a project from `bytes` (a ZIP archive, or QDA-XML) read from `path`. Internal
    /// files of a bare `.qde` are looked for in a `sources` folder beside it.
    public static func read(bytes: [UInt8], path: String, codebook: Codebook? = nil) throws(Diagnostic) -> Imported {
        let qde: [UInt8]
        let loadInternal: (String) -> Result<[UInt8], ZipReaderError>
        if bytes.starts(with: [0x50, 0x4B]) {
            let archive: ZipArchive
            do { archive = try ZipArchive(bytes: bytes) } catch { throw Diagnostic(path: path, message: error.description) }
            guard let entry = archive.entry(named: QDPXArchive.projectEntry)
                    ?? archive.entries.first(where: { $0.name.lowercased().hasSuffix(".qde") && !$0.name.contains("/") }) else {
                throw Diagnostic(path: path, message: "no project.qde in the archive; not a REFI-QDA project (.qdpx)")
            }
            do { qde = try archive.contents(of: entry) } catch { throw Diagnostic(path: path, message: error.description) }
            loadInternal = { name in
                guard let entry = archive.entry(named: name) else { return .failure(ZipReaderError("no '\(name)' in the archive")) }
                do throws(ZipError) {
                    return .success(try archive.contents(of: entry))
                } catch {
                    return .failure(ZipReaderError(error.description))
                }
            }
        } else {
            qde = bytes
            let folder = (path as NSString).deletingLastPathComponent
            loadInternal = { name in
                let file = folder.isEmpty ? name : folder + "/" + name
                do throws(Diagnostic) {
                    return .success(try TranscriptLoader.readBytes(file))
                } catch {
                    return .failure(ZipReaderError("'\(file)' not found beside the .qde"))
                }
            }
        }
        let root = try XMLSource.parse(qde, path: path).root
        var reader = QDEReader(path: path)
        var project = try reader.read(root)
        var warnings = reader.warnings
        for k in project.sources.indices where project.sources[k].text == nil {
            let source = project.sources[k]
            guard let reference = source.plainTextPath else {
                warnings.append(Diagnostic(path: path, line: source.line, severity: .warning,
                                           message: "text source '\(source.name)' has neither text nor a plainTextPath; skipped"))
                continue
            }
            switch load(reference, basePath: project.basePath, readInternal: loadInternal) {
            case .success(let text): project.sources[k].text = String(decoding: text, as: UTF8.self)
            case .failure(let error):
                warnings.append(Diagnostic(path: path, line: source.line, severity: .warning,
                                           message: "text of source '\(source.name)' (\(reference)) cannot be read: \(error.message); its codings are skipped"))
            }
        }
        if project.sources.isEmpty {
            warnings.append(Diagnostic(path: path, line: root.line, severity: .warning,
                                       message: "the project has no text sources: users and codes read, no codings to import"))
        }
        var result = codings(project, path: path, codebook: codebook)
        result.warnings = warnings + result.warnings
        return Imported(project: project, result: result)
    }

    /// The bytes a `plainTextPath` refers to: an internal file, or one relative to the
    /// project's base path, or an absolute path.
    private static func load(_ reference: String, basePath: String?,
                             readInternal: (String) -> Result<[UInt8], ZipReaderError>) -> Result<[UInt8], ZipReaderError> {
        if let name = QDPXArchive.entryName(forInternalPath: reference) { return readInternal(name) }
        var file: String
        if reference.lowercased().hasPrefix("relative://") {
            var base = basePath ?? "."
            if base.lowercased().hasPrefix("file://") { base = String(base.dropFirst(7)) }
            file = base + "/" + reference.dropFirst("relative://".count)
        } else if reference.lowercased().hasPrefix("absolute://") {
            file = String(reference.dropFirst("absolute://".count))
        } else {
            file = reference
        }
        if file.lowercased().hasPrefix("file://") { file = String(file.dropFirst(7)) }
        do throws(Diagnostic) {
            return .success(try TranscriptLoader.readBytes(file))
        } catch {
            return .failure(ZipReaderError("'\(file)' not found"))
        }
    }

    /// The codings of every text source with text, as coded transcripts.
    static func codings(_ project: QDAProject, path: String, codebook: Codebook?) -> ImportResult {
        var warnings: [Diagnostic] = []
        let codeIDs = codeIDs(project, codebook: codebook)
        let userNames = Dictionary(project.users.map { ($0.guid, $0.name) }, uniquingKeysWith: { first, _ in first })
        var used: Set<String> = []
        var coded: [CodedTranscript] = []
        for source in project.sources {
            guard let raw = source.text else { continue }
            let text = SourceText(raw: raw)
            let name = source.name.isEmpty ? source.guid : source.name
            let transcript = PlainTextParser().parse(text: text.text, path: name)
            let segments = AnnotationGrid.positions(of: transcript).map { p in
                (encounter: p.encounter, segment: p.segment, range: transcript.encounters[p.encounter].segments[p.segment])
            }
            var grid = AnnotationGrid(transcript)
            for selection in source.selections where !selection.codings.isEmpty {
                let start = text.offset(selection.start), end = max(text.offset(selection.start), text.offset(selection.end))
                let covered = segments.filter { item in
                    start == end ? (item.range.start <= start && start <= item.range.end)
                        : (item.range.start < end && start < item.range.end)
                }
                guard !covered.isEmpty else {
                    warnings.append(Diagnostic(path: path, line: selection.line, severity: .warning, message:
                        "selection \(selection.start)-\(selection.end) of '\(name)' lies outside every transcript segment; skipped"))
                    continue
                }
                let evidence = selection.description.flatMap(Self.evidence)
                for coding in selection.codings {
                    guard let code = codeIDs[coding.codeGUID] else {
                        warnings.append(Diagnostic(path: path, line: selection.line, severity: .warning,
                                                   message: "coding refers to an unknown code \(coding.codeGUID); skipped"))
                        continue
                    }
                    let user = coding.creatingUser ?? selection.creatingUser
                    let coder = user.map { userNames[$0] ?? $0 } ?? "unknown"
                    used.insert(coder)
                    for item in covered.prefix(start == end ? 1 : covered.count) {
                        grid.add(code: code, encounter: item.encounter, segment: item.segment,
                                 start: max(start, item.range.start), end: min(max(end, start), item.range.end),
                                 coder: coder, evidence: evidence)
                    }
                }
            }
            coded.append(grid.coded)
        }
        var coders = project.users.map(\.name).filter(used.contains)
        coders += used.subtracting(coders).sorted()
        return ImportResult(coded: coded, coders: coders, warnings: warnings)
    }

    /// Code GUID → Rapport code id, for every code of the project.
    static func codeIDs(_ project: QDAProject, codebook: Codebook?) -> [String: String] {
        let known = codebook?.allCodes ?? []
        let byGUID = Dictionary(known.map { (QDAProject.guid(code: $0.id), $0.id) }, uniquingKeysWith: { first, _ in first })
        var byName: [String: [String]] = [:]
        for code in known {
            byName[code.name.lowercased(), default: []].append(code.id)
            if code.name.lowercased() != code.id.lowercased() { byName[code.id.lowercased(), default: []].append(code.id) }
        }
        var out: [String: String] = [:]
        for (code, path) in project.allCodes {
            if let line = code.description?.split(separator: "\n").last(where: { $0.hasPrefix(QDAProject.rapportCodePrefix) }) {
                let id = line.dropFirst(QDAProject.rapportCodePrefix.count).trimmingCharacters(in: .whitespaces)
                if !id.isEmpty {
                    out[code.guid] = id
                    continue
                }
            }
            if let id = byGUID[code.guid] {
                out[code.guid] = id
            } else if let ids = byName[code.name.lowercased()], ids.count == 1 {
                out[code.guid] = ids[0]
            } else {
                out[code.guid] = path.map(slug).joined(separator: ".")
            }
        }
        return out
    }

    /// A code name as an id part: lower case, letters and digits, other runs as `-`.
    static func slug(_ name: String) -> String {
        var out = ""
        var dash = false
        for character in name.lowercased() {
            if character.isLetter || character.isNumber {
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.append(character)
            } else {
                dash = true
            }
        }
        return out.isEmpty ? "code" : out
    }

    /// The evidence Rapport writes in a selection's description (`cue: …` lines), if present.
    static func evidence(_ description: String) -> Evidence? {
        var parts: [String: String] = [:]
        for line in description.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].lowercased()
            var value = line[line.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
            parts[key] = String(value)
        }
        guard let cue = parts["cue"], let rule = parts["rule"] else { return nil }
        return Evidence(matched: parts["matched"] ?? "", cue: cue, rule: rule, negation: parts["negation"] ?? "",
                        actor: parts["actor"] ?? "")
    }
}

/// Why a file a project refers to could not be read (inside the archive or beside the `.qde`).
struct ZipReaderError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
