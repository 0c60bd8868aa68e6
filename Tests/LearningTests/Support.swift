import Coding
import Foundation
@testable import Learning
import Transcripts

let relationship = Codebook.relationship()

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A passage of synthetic team coding (a gold-style row: a leading label makes it a turn).
func passage(_ text: String, _ codes: Set<String>, id: String = "t", coder: String = "ann") -> TrainingPassage {
    TrainingPassage(text: text, codes: codes, id: id, source: "synthetic", coder: coder)
}

/// Team coding in which an invented word, "zorblax", marks empathy, which no cue knows: 30 worker
/// turns with it coded empathy, 30 the same but for one word not.
let zorblaxCoding: [TrainingPassage] = (0..<30).flatMap { n in
    [passage("SW: I can see the zorblax in what you said about week \(n).", ["empathy"], id: "z\(n)", coder: "ann"),
     passage("SW: I can see the timetable in what you said about week \(n).", [], id: "p\(n)", coder: "ann")]
}

/// The rows of a gold file in the repository as training passages.
func goldPassages(_ relativePath: String) throws -> [TrainingPassage] {
    let set = try GoldSet.load(path: repositoryRoot.appendingPathComponent(relativePath).path)
    return set.rows.map { TrainingPassage(text: $0.text, codes: $0.codes, id: $0.id, source: $0.source, coder: "gold") }
}
