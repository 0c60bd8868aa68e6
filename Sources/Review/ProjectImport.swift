import Coding
import Interchange
import Project
import Transcripts

/// Filling a project: transcripts read with the usual loaders, REFI-QDA projects read as
/// another coder's codings, and the automatic coder run over sources it has not coded yet.
public enum ProjectImport {
    /// Adds the transcripts and `.qdpx`/`.qde` projects found under `paths`; returns what was
    /// added and one diagnostic per input that could not be read (the others are still added).
    public static func add(paths: [String], to store: ProjectStore, codebook: Codebook,
                           onFile: (String) -> Void = { _ in }) -> (added: Int, errors: [Diagnostic]) {
        var projects: [String] = [], others: [String] = []
        for path in paths {
            let lower = path.lowercased()
            if lower.hasSuffix(".qdpx") || lower.hasSuffix(".qde") { projects.append(path) } else { others.append(path) }
        }
        let (files, missing) = others.isEmpty ? ([], []) : TranscriptLoader.inputFiles(others)
        var errors = missing
        var added = 0
        for file in files {
            onFile(file)
            do throws(Diagnostic) {
                let transcript = try TranscriptLoader.load(path: file)
                do throws(ProjectError) {
                    if try store.add(transcript).added { added += 1 }
                } catch {
                    errors.append(Diagnostic(path: file, message: error.message))
                }
            } catch {
                errors.append(error)
            }
        }
        for project in projects {
            onFile(project)
            do throws(Diagnostic) {
                let imported = try REFIQDAImport.read(path: project, codebook: codebook)
                try addCodings(imported.result, from: project, to: store)
                added += imported.result.coded.count
            } catch {
                errors.append(error)
            }
        }
        return (added, errors)
    }

    /// Each imported source becomes a source of the project (unless already there with the same
    /// text), and each user of the imported project a coder of kind `imported`.
    static func addCodings(_ result: ImportResult, from path: String, to store: ProjectStore) throws(Diagnostic) {
        do throws(ProjectError) {
            for coded in result.coded {
                try store.add(coded.transcript)
                let byCoder = Dictionary(grouping: coded.annotations.joined().joined(), by: \.coder)
                for coder in result.coders {
                    let annotations = coded.annotations.map { segments in segments.map { $0.filter { $0.coder == coder } } }
                    guard byCoder[coder] != nil else { continue }
                    try store.replaceCodings(of: CodedTranscript(transcript: coded.transcript, annotations: annotations),
                                             coder: ProjectCoder(name: coder, kind: .imported), origin: .imported)
                }
            }
        } catch {
            throw Diagnostic(path: path, message: error.message)
        }
    }

    /// Runs `codebook`'s automatic coder over every source the machine has not coded yet;
    /// returns how many sources it coded.
    public static func codeNewSources(in store: ProjectStore, codebook: Codebook, codebookID: Int64?) throws(ProjectError) -> Int {
        let coder = Coder(codebook: codebook)
        var coded = 0
        for source in try store.sources() where !(try store.hasCodings(source: source.id, coder: ProjectCoder.machineName)) {
            guard let transcript = try store.transcript(source.id) else { continue }
            try store.replaceCodings(of: coder.code(transcript), coder: ProjectCoder(name: ProjectCoder.machineName, kind: .machine),
                                     origin: .machine, codebookID: codebookID)
            coded += 1
        }
        return coded
    }
}
