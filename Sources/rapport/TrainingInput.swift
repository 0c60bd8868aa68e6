import Coding
import Interchange
import Foundation
import Learning
import Transcripts

/// Reads the team's coding in any form Rapport reads (gold TSV, .qdpx/.qde, annotated TEI) as
/// plain training passages for `Learning`, which knows no file formats.
enum TrainingInput {
    /// The passages of every file, with a diagnostic for each file that could not be read.
    static func passages(paths: [String], codebook: Codebook) -> (passages: [TrainingPassage], errors: [Diagnostic]) {
        var passages: [TrainingPassage] = []
        var errors: [Diagnostic] = []
        for path in paths {
            do throws(Diagnostic) {
                passages += try read(path, codebook: codebook)
            } catch {
                errors.append(error)
            }
        }
        return (passages, errors)
    }

    static func read(_ path: String, codebook: Codebook) throws(Diagnostic) -> [TrainingPassage] {
        let lower = path.lowercased()
        if lower.hasSuffix(".tsv") { return try gold(path, codebook: codebook) }
        if lower.hasSuffix(".qdpx") || lower.hasSuffix(".qde") {
            return segments(try REFIQDAImport.read(path: path, codebook: codebook).result)
        }
        if lower.hasSuffix(".xml") || lower.hasSuffix(".tei") {
            return segments(try TEIImport.read(bytes: TranscriptLoader.readBytes(path), path: path))
        }
        if lower.hasSuffix(".jsonl") {
            throw Diagnostic(path: path, line: 1, column: 1, message: "codings JSONL carries no passage text; learn from the .qdpx or TEI file it was imported from")
        }
        throw Diagnostic(path: path, message: "not training data: expected a gold .tsv, a .qdpx/.qde project or an annotated TEI .xml file")
    }

    /// Gold rows (id, source, codes, text); a code the codebook lacks is an error at its column.
    static func gold(_ path: String, codebook: Codebook) throws(Diagnostic) -> [TrainingPassage] {
        let set = try GoldSet.load(path: path)
        let known = Set(codebook.allCodes.map(\.id))
        let coder = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return try set.rows.map { row throws(Diagnostic) in
            if let unknown = row.codes.sorted().first(where: { !known.contains($0) }) {
                throw Diagnostic(path: path, line: row.line, column: row.id.count + row.source.count + 3,
                                 message: "unknown code '\(unknown)' (the codebook has \(codebook.topLevelIDs.joined(separator: ", ")))")
            }
            return TrainingPassage(text: row.text, codes: row.codes, id: row.id, source: row.source, coder: coder)
        }
    }

    /// The codebook's examples, each a passage with its own code only.
    static func examples(of codebook: Codebook) -> [TrainingPassage] {
        codebook.allCodes.flatMap { code in
            code.examples.enumerated().map { n, text in
                TrainingPassage(text: text, codes: [code.id], id: "\(code.id)#example\(n + 1)",
                                source: (codebook.source as NSString).lastPathComponent, coder: "codebook")
            }
        }
    }

    /// Every segment of imported codings, with the codes of the codings that overlap it.
    static func segments(_ result: ImportResult) -> [TrainingPassage] {
        var passages: [TrainingPassage] = []
        for coded in result.coded {
            for (e, encounter) in coded.transcript.encounters.enumerated() {
                for (s, segment) in encounter.segments.enumerated() {
                    let annotations = coded.annotations[e][s]
                    let coders = Set(annotations.map(\.coder)).sorted()
                    passages.append(TrainingPassage(
                        text: segment.text, role: segment.role ?? .unknown, kind: segment.kind,
                        codes: Set(annotations.map(\.code)), id: "\(encounter.id)#\(s + 1)", source: coded.transcript.path,
                        coder: coders.isEmpty ? result.coders.joined(separator: "+") : coders.joined(separator: "+")))
                }
            }
        }
        return passages
    }
}
