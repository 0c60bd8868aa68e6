import Foundation
@testable import Coding
import Transcripts

/// The shipped default codebook, loaded once.
let relationship = Codebook.relationship()
let defaultCoder = Coder(codebook: relationship)

/// A small codebook from inline YAML; fails the test on error.
func codebook(_ yaml: String) throws -> Codebook {
    try Codebook.load(yaml: yaml, source: "test.yaml")
}

/// Top-level codes the default coder gives one line of transcript (a leading label makes it a turn).
func codes(_ text: String, coder: Coder = defaultCoder) -> Set<String> {
    Set(annotations(text, coder: coder).map(\.topLevelCode))
}

func annotations(_ text: String, coder: Coder = defaultCoder) -> [Annotation] {
    let t = PlainTextParser().parse(text: text, path: "t.txt")
    return t.encounters.flatMap { e in e.segments.flatMap { coder.code($0, in: e) } }
}

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
