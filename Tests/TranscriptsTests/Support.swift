import Foundation
@testable import Transcripts

/// Parses an inline plain-text transcript the way the CLI would.
func parsePlain(_ text: String, path: String = "test.txt") -> Transcript {
    PlainTextParser().parse(text: text, path: path)
}

/// The slice of `text` between two code-point offsets.
func slice(_ text: String, _ start: Int, _ end: Int) -> String {
    let scalars = Array(text.unicodeScalars)
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
}

/// Folder of the repository's test fixtures.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
