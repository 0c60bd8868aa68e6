import Coding
import Foundation
import Testing
import Transcripts
@testable import Interchange

/// The repository (…/main) and the shared specs (…/shared), found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let sharedRoot = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
let specs = sharedRoot.appendingPathComponent("spec")
/// The schemas and examples of ../shared/spec are not part of the repository: tests that need them
/// are skipped, with this reason printed, where they are missing (README, "Tests").
let specsPresent = FileManager.default.fileExists(atPath: specs.path)
let specsMissing: Comment = "../shared/spec (TEI and REFI-QDA schemas and examples) not found next to the repository"

/// The default codebook and coder.
let relationship = Codebook.relationship()
let defaultCoder = Coder(codebook: relationship)

/// The sample corpus, parsed once, with paths relative to the repository (as the CLI sees them
/// when run from there).
let corpus: [Transcript] = {
    let root = repositoryRoot.path
    let (files, _) = TranscriptLoader.inputFiles([root + "/Corpus"])
    return files.compactMap { file -> Transcript? in
        guard var transcript = try? TranscriptLoader.load(path: file) else { return nil }
        transcript.path = String(file.dropFirst(root.count + 1))
        return transcript
    }
}()

/// The corpus coded with the default codebook.
let codedCorpus: [CodedTranscript] = corpus.map { defaultCoder.code($0) }

/// A plain-text transcript parsed from a string.
func plain(_ text: String, path: String = "test.txt") -> Transcript {
    PlainTextParser().parse(text: text, path: path)
}

/// The code points `start..<end` of `text`.
func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    return String(String.UnicodeScalarView(scalars[start..<end]))
}

/// A fresh temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-exports-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Where `xmllint` is, or nil; tests that validate fail when it is missing.
func xmllintPath() -> String? {
    let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
    for folder in folders + ["/usr/bin", "/usr/local/bin"] {
        let candidate = folder + "/xmllint"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// Runs xmllint with `arguments`; returns its exit status and combined output. Records a
/// failure (and returns nil) when xmllint is not installed.
func xmllint(_ arguments: [String]) throws -> (status: Int32, output: String)? {
    guard let path = xmllintPath() else {
        Issue.record("xmllint not found: install libxml2-utils (apt-get install -y libxml2-utils; .ci/run does this) to validate exports")
        return nil
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Flat list of (encounter id, segment) of a transcript.
func segments(_ transcript: Transcript) -> [(encounter: String, segment: Segment)] {
    transcript.encounters.flatMap { e in e.segments.map { (e.id, $0) } }
}

/// Every annotation of a coded transcript with its encounter id and the segment it belongs to.
func annotations(_ coded: CodedTranscript) -> [(encounter: String, segment: Segment, annotation: Annotation)] {
    var out: [(String, Segment, Annotation)] = []
    for (e, encounter) in coded.transcript.encounters.enumerated() {
        for (s, segment) in encounter.segments.enumerated() {
            for a in coded.annotations[e][s] { out.append((encounter.id, segment, a)) }
        }
    }
    return out
}

/// A transcript with accents, decomposed-looking names, emoji (outside the BMP) and notes.
let nonASCIIText = """
    Encounter: V-1
    Case: C9
    Date: 2024-05-01
    Setting: flat
    Kind: home visit
    Participants: SW = worker (Zoë Dubois); Mum = client (Inês); Tomás = child (Tomás)

    SW: Zoë here 👋🏽 — Inês, it's your decision. [laughs] I know court is frightening 😟.

    Mum: You lot are all the same! Tomás, come here. (pause) I'm not signing anything.

    Tomás: 🎮 Can I play? Zoë said I could.
    """

/// A transcript that stresses identifiers and escaping: labels and encounter ids that are not
/// XML names, markup characters, odd times, an undeclared speaker, a note on its own.
let awkwardText = """
    Encounter: 2024 visit <1>
    Case: C&1
    Date: 12 March 2024
    Setting: "flat" & garden
    Participants: Dr Khan = professional (Dr Aisha Khan); SW = worker

    [1:02:03,5] Dr Khan: Tom & Jerry <b>bold</b> said "hi" [phone rings] then (2.0) stopped.

    [00:14] SW: Fine. You lot are all the same.

    Stranger: who are you? Social services will decide.

    [phone rings]

    Encounter: 2024 visit <1>

    SW: again, it's your decision
    """
