import Coding
import Transcripts

/// A run of a segment's text over which the same annotations apply (and which lies wholly inside
/// or outside a transcriber's note such as `[laughs]`).
struct HighlightPiece: Equatable, Sendable {
    var text: String
    /// Indices into the annotations the segment was split with, in their order.
    var annotations: [Int]
    var inNote: Bool
}

/// Cuts a segment's text at every annotation and note boundary, so overlapping annotations become
/// consecutive pieces that each know every code covering them.
enum HighlightPieces {
    /// The pieces of `segment`, covering its text exactly; ranges outside the segment are clipped.
    static func split(_ segment: Segment, annotations: [Annotation]) -> [HighlightPiece] {
        let scalars = Array(segment.text.unicodeScalars)
        let count = scalars.count
        func local(_ offset: Int) -> Int { min(count, max(0, offset - segment.start)) }
        let ranges = annotations.map { local($0.start)..<max(local($0.start), local($0.end)) }
        let notes = segment.notes.map { local($0.start)..<max(local($0.start), local($0.end)) }.filter { !$0.isEmpty }
        var cuts: Set<Int> = [0, count]
        for r in ranges where !r.isEmpty { cuts.insert(r.lowerBound); cuts.insert(r.upperBound) }
        for r in notes { cuts.insert(r.lowerBound); cuts.insert(r.upperBound) }
        let sorted = cuts.sorted()
        var pieces: [HighlightPiece] = []
        for (a, b) in zip(sorted, sorted.dropFirst()) where a < b {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[a..<b])
            let covering = ranges.indices.filter { !ranges[$0].isEmpty && ranges[$0].lowerBound <= a && ranges[$0].upperBound >= b }
            let inNote = notes.contains { $0.lowerBound <= a && $0.upperBound >= b }
            pieces.append(HighlightPiece(text: String(view), annotations: covering, inNote: inNote))
        }
        return pieces
    }
}
