import ArgumentParser
import Coding
import Foundation
import Project
import Transcripts

/// `--coder NAME` and reading a project file (from `rapport serve`) in place of transcripts:
/// `report`, `export` and `agree` treat a project like a folder of coded transcripts.
struct ProjectInput: ParsableArguments {
    @Option(name: .customLong("coder"),
            help: ArgumentHelp("With a project file: whose codings to use (a person, 'rapport' for the machine, an imported coder). Repeat for several where the command takes several.", valueName: "name"))
    var coders: [String] = []

    /// Whether `paths` name one project file: a single SQLite file (a project is refused with a
    /// message later if it is another program's database).
    static func isProject(_ paths: [String]) -> Bool {
        guard let path = paths.first, paths.count == 1 else {
            return false
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
              let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 16)) == Data("SQLite format 3\0".utf8)
    }

    /// `--coder` without a project is a usage error.
    func validate(paths: [String]) throws {
        if !coders.isEmpty && !Self.isProject(paths) {
            throw ValidationError("--coder chooses a coder of a project file; give one project (from 'rapport serve') as the input")
        }
    }

    /// The project at `path` (never created), its codebook (the latest version it holds, else the
    /// built-in one), and its coders; a file that is not a project: message and exit 1.
    static func open(_ path: String) throws -> (store: ProjectStore, codebook: Codebook, coders: [ProjectCoder]) {
        do throws(ProjectError) {
            let store = try ProjectStore.open(path: path, create: false)
            var book = Codebook.relationship()
            if let current = try store.currentCodebook() {
                do throws(Diagnostic) {
                    book = try Codebook.load(yaml: current.yaml, source: "\(path) (codebook \(current.id))")
                } catch {
                    throw ProjectError(path: path, message: "its codebook does not load: \(error.message)")
                }
            }
            return (store, book, try store.coders())
        } catch {
            Console.error(error.description)
            throw ExitStatus.failure
        }
    }

    /// The coders asked for, each checked against the project's (an unknown name is a usage
    /// error, exit 2, naming the coders there are); `default` when none was asked for.
    func chosen(in project: String, coders known: [ProjectCoder], default fallback: [String]) throws -> [String] {
        let names = known.map(\.name)
        for name in coders where !names.contains(name) {
            Console.error("rapport: error: no coder '\(name)' in \(project); its coders: \(names.isEmpty ? "none" : names.joined(separator: ", "))")
            throw ExitCode(ExitStatus.usage)
        }
        return coders.isEmpty ? fallback : coders
    }
}
