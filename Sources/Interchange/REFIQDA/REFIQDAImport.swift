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
        /// How the project's positions were read (detected, or as the caller fixed them).
        public var convention: PositionConvention
        /// Why that convention, with the word-boundary figures behind the choice; nil when the
        /// project's texts read the same under every convention (no CRLF, nothing outside the BMP).
        public var conventionNote: String?
        /// Selections with at least one coding in the project's text sources, and how many of
        /// them were imported (placed, with at least one known code).
        public var codedSelections: Int
        public var importedSelections: Int
    }

    /// What the caller fixes about positions (`--positions`, `--crlf`); nil parts are detected.
    public struct Options: Sendable {
        public var unit: PositionConvention.Unit?
        public var crlf: Int?

        public init(unit: PositionConvention.Unit? = nil, crlf: Int? = nil) {
            self.unit = unit
            self.crlf = crlf
        }
    }

    /// Reads the `.qdpx` or `.qde` file at `path`.
    public static func read(path: String, codebook: Codebook? = nil, options: Options = Options()) throws(Diagnostic) -> Imported {
        try read(bytes: TranscriptLoader.readBytes(path), path: path, codebook: codebook, options: options)
    }

    /// Reads a project from `bytes` (a ZIP archive, or QDA-XML) read from `path`. Internal
    /// files of a bare `.qde` are looked for in a `sources` folder beside it (in any case).
    /// Problems with single sources, selections or codings are reported in the result's
    /// diagnostics (errors for broken input, warnings for what is not carried over) and the rest
    /// is imported; a file that cannot be read at all throws.
    public static func read(bytes: [UInt8], path: String, codebook: Codebook? = nil,
                            options: Options = Options()) throws(Diagnostic) -> Imported {
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
            // NVivo for Windows writes `Sources/`: entry names are matched without regard to case.
            var byLowerName: [String: ZipArchive.Entry] = [:]
            for entry in archive.entries where byLowerName[entry.name.lowercased()] == nil {
                byLowerName[entry.name.lowercased()] = entry
            }
            loadInternal = { name in
                guard let entry = archive.entry(named: name) ?? byLowerName[name.lowercased()] else {
                    return .failure(ZipReaderError("no '\(name)' in the archive"))
                }
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
                var file = folder.isEmpty ? name : folder + "/" + name
                if !FileManager.default.fileExists(atPath: file), let found = findIgnoringCase(name, in: folder) { file = found }
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
        var texts: [Int: SourceText] = [:]
        for k in project.sources.indices {
            let source = project.sources[k]
            if let inline = source.text {
                texts[k] = SourceText(raw: inline)
                continue
            }
            guard let reference = source.plainTextPath else {
                warnings.append(Diagnostic(path: path, line: source.line, message:
                    "<TextSource name=\"\(source.name)\"> has neither <PlainTextContent> nor a plainTextPath; its \(source.selections.count) selection(s) skipped"))
                continue
            }
            switch load(reference, basePath: project.basePath, readInternal: loadInternal) {
            case .success(let bytes):
                let text = SourceText(bytes: bytes)
                texts[k] = text
                project.sources[k].text = text.rawText
            case .failure(let error):
                warnings.append(Diagnostic(path: path, line: source.line, message:
                    "<TextSource name=\"\(source.name)\"> plainTextPath \(reference) cannot be read: \(error.message); its \(source.selections.count) selection(s) skipped"))
            }
        }
        if project.sources.isEmpty {
            warnings.append(Diagnostic(path: path, line: root.line, severity: .warning,
                                       message: "the project has no text sources: users and codes read, no codings to import"))
        }
        let choice = chooseConvention(project.sources.indices.compactMap { k in texts[k].map { ($0, project.sources[k].selections) } },
                                      options: options)
        var (result, placed) = codings(project, texts: texts, convention: choice.convention, path: path, codebook: codebook)
        result.warnings = warnings + result.warnings
        let coded = project.sources.reduce(0) { $0 + $1.selections.filter { !$0.codings.isEmpty }.count }
        return Imported(project: project, result: result, convention: choice.convention, conventionNote: choice.note,
                        codedSelections: coded, importedSelections: placed)
    }

    /// The file in `folder` whose path relative to it is `name` ignoring case (`Sources/x.txt`).
    private static func findIgnoringCase(_ name: String, in folder: String) -> String? {
        var current = folder.isEmpty ? "." : folder
        for part in name.split(separator: "/") {
            guard let items = try? FileManager.default.contentsOfDirectory(atPath: current),
                  let match = items.sorted().first(where: { $0.lowercased() == part.lowercased() }) else { return nil }
            current += "/" + match
        }
        return current
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
