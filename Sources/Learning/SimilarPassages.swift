import Synchronization

/// The training passages' n-gram keys, for "most similar passages" in evidence: a passage is read
/// the first time evidence compares with it (a run where the model adds no code reads none, one
/// that adds only acceptance reads only the passages coded acceptance), then kept for every
/// thread coding with the model.
final class SimilarPassages: Sendable {
    private let passages: [LearnedModel.StoredPassage]
    /// Per passage its distinct n-gram keys, ascending, once read.
    private let keys: Mutex<[[UInt64]?]>

    init(_ passages: [LearnedModel.StoredPassage]) {
        self.passages = passages
        keys = Mutex(Array(repeating: nil, count: passages.count))
    }

    /// The sorted distinct n-gram keys of the stored passages at `indices`, each parsed as a row
    /// (`Label:` turns read as turns, their texts joined by a space).
    func keys(of indices: [Int]) -> [[UInt64]] {
        keys.withLock { keys in
            indices.map { i in
                if let known = keys[i] { return known }
                let made = Self.sortedKeys(PassageView.parse(passages[i].text).encounters.flatMap(\.segments).map(\.text)
                    .joined(separator: " "))
                keys[i] = made
                return made
            }
        }
    }

    static func sortedKeys(_ text: String) -> [UInt64] {
        WordHashes.ngramKeys(text).sorted()
    }

    /// Cosine similarity of two passages' n-gram sets (sorted distinct keys): shared keys over the
    /// square root of the product of their sizes, 0 when either is empty.
    static func cosine(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var shared = 0
        var i = 0
        var j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        let denominator = (Double(a.count) * Double(b.count)).squareRoot()
        return denominator == 0 ? 0 : Double(shared) / denominator
    }
}
