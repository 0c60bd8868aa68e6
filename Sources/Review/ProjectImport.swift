import Coding
import Interchange
import Learning
import Project
import Transcripts

/// Filling a project: transcripts read with the usual loaders, REFI-QDA projects read as
/// another coder's codings, and the automatic coder run over sources it has not coded yet.
public enum ProjectImport {
    /// What `add` did: sources added, inputs that could not be read, warnings (case sheets and
    /// transcripts), and whether it stopped early because `interrupted` said so.
    public struct Summary: Sendable {
        public var added = 0
        public var errors: [Diagnostic] = []
        public var warnings: [Diagnostic] = []
        /// Inputs handled before an interruption stopped the run (each one added whole or not at all).
        public var handled = 0
        public var total = 0
        public var interrupted = false
    }

    /// Adds the transcripts and `.qdpx`/`.qde` projects found under `paths`, with what case sheets
    /// say about them (`attributes`, else every attributes.csv beside them, as a folder is read);
    /// one diagnostic per input that could not be read (the others are still added). `interrupted`
    /// is asked between inputs: each source is one transaction, so stopping leaves no source half-added.
    public static func add(paths: [String], to store: ProjectStore, codebook: Codebook, attributes: String? = nil,
                           interrupted: () -> Bool = { false }, onFile: (String) -> Void = { _ in }) -> Summary {
        var projects: [String] = [], others: [String] = []
        for path in paths {
            let lower = path.lowercased()
            if lower.hasSuffix(".qdpx") || lower.hasSuffix(".qde") { projects.append(path) } else { others.append(path) }
        }
        let (files, missing) = others.isEmpty ? ([], []) : TranscriptLoader.inputFiles(others)
        var summary = Summary()
        summary.errors = missing
        summary.total = files.count + projects.count
        let (sheets, sheetErrors) = files.isEmpty ? ([], []) : CaseSheet.sheets(for: files, inputs: others, explicit: attributes)
        summary.errors += sheetErrors
        for sheet in sheets { summary.warnings += sheet.warnings }
        for file in files {
            if interrupted() { summary.interrupted = true; return summary }
            onFile(file)
            do throws(Diagnostic) {
                let transcript = CaseSheet.apply(sheets, to: try TranscriptLoader.load(path: file))
                summary.warnings += transcript.warnings
                do throws(ProjectError) {
                    if try store.add(transcript).added { summary.added += 1 }
                } catch {
                    summary.errors.append(Diagnostic(path: file, message: error.message))
                }
            } catch {
                summary.errors.append(error)
            }
            summary.handled += 1
        }
        for project in projects {
            if interrupted() { summary.interrupted = true; return summary }
            onFile(project)
            do throws(Diagnostic) {
                let imported = try REFIQDAImport.read(path: project, codebook: codebook)
                try addCodings(imported.result, from: project, to: store)
                summary.added += imported.result.coded.count
            } catch {
                summary.errors.append(error)
            }
            summary.handled += 1
        }
        return summary
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

    /// Runs `codebook`'s automatic coder (with the team's model when one was trained for these
    /// codes) over every source the machine has not coded yet; returns how many sources it coded.
    /// `interrupted` is asked between sources (each source's codings are one transaction).
    public static func codeNewSources(in store: ProjectStore, codebook: Codebook, codebookID: Int64?,
                                      model: LearnedModel? = nil,
                                      interrupted: () -> Bool = { false }) throws(ProjectError) -> Int {
        let coder = HybridCoder(codebook: codebook, model: model)
        var coded = 0
        for source in try store.sources() where !(try store.hasCodings(source: source.id, coder: ProjectCoder.machineName)) {
            if interrupted() { break }
            guard let transcript = try store.transcript(source.id) else { continue }
            try store.replaceCodings(of: coder.code(transcript), coder: ProjectCoder(name: ProjectCoder.machineName, kind: .machine),
                                     origin: .machine, codebookID: codebookID)
            coded += 1
        }
        return coded
    }

    /// Re-runs the automatic coder over the sources it has coded (all, or `sources`), after a
    /// codebook change: the suggestions that still stand keep their decisions, new ones are
    /// added, vanished ones are dropped unless somebody decided on them
    /// (`ProjectStore.reconcileSuggestions`). With `unreviewedOnly`, only encounters nobody has
    /// worked on change (after training a model). `interrupted` is asked between sources.
    public static func recode(in store: ProjectStore, codebook: Codebook, codebookID: Int64?, model: LearnedModel? = nil,
                              sources: [Int64]? = nil, unreviewedOnly: Bool = false,
                              interrupted: () -> Bool = { false }) throws(ProjectError) -> RecodeSummary {
        let coder = HybridCoder(codebook: codebook, model: model)
        let wanted = sources.map(Set.init)
        var summary = RecodeSummary()
        for source in try store.sources() where wanted?.contains(source.id) ?? true {
            if interrupted() { break }
            guard try store.hasCodings(source: source.id, coder: ProjectCoder.machineName),
                  let transcript = try store.transcript(source.id) else { continue }
            summary = summary + (try store.reconcileSuggestions(coder.code(transcript), codebookID: codebookID,
                                                                unreviewedOnly: unreviewedOnly))
        }
        return summary
    }
}
