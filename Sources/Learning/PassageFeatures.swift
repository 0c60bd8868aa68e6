/// A passage's feature vector under one model, made once and read by every column that needs it
/// (the same entries, in the same order, as `PassageView.features` plus the embedding, so every
/// probability is the same to the last bit).
struct PassageFeatures {
    /// Indices of the model's features among the passage's distinct n-grams, in order of first occurrence.
    var words: [Int32] = []
    /// The value of every word feature: one over the square root of their number.
    var scale: Float = 0
    /// Indices of the named features present: the rules' codes (sorted), then roles (sorted), then kind.
    var named: [Int32] = []
    /// How many of `named` are the rules' codes (a sub-code's regression does not read them).
    var rules = 0
    /// The static embedding's features (empty unless the model reads the table).
    var embedding: [Feature] = []

    /// The word features of `text` the table knows, each once.
    init(text: String, table: FeatureTable) {
        var words: [Int32] = []
        var seen: Set<Int32>? = nil
        WordHashes.eachKey(text) { key in
            guard let index = table[key] else { return }
            // Few features per passage: a linear check, and a set only for long passages.
            if let known = seen {
                if known.contains(index) { return }
                seen!.insert(index)
            } else {
                if words.contains(index) { return }
                if words.count == 32 { seen = Set(words + [index]) }
            }
            words.append(index)
        }
        self.words = words
        scale = words.isEmpty ? 0 : Float(1 / Double(words.count).squareRoot())
    }

    /// `bias` plus the weighted sum of the features in column `column` of `weights` (row-major,
    /// `columns` per feature), added in the features' order; without `rules`, the rules' codes
    /// and the embedding are left out (as a sub-code's regression reads the passage).
    func score(bias: Double, column: Int, columns: Int, weights: UnsafeBufferPointer<Float>, rules withRules: Bool = true) -> Double {
        var z = bias
        let value = Double(scale)
        for k in words { z += Double(weights[Int(k) * columns + column]) * value }
        for k in named.dropFirst(withRules ? 0 : rules) { z += Double(weights[Int(k) * columns + column]) * 1 }
        if withRules {
            for f in embedding { z += Double(weights[Int(f.index) * columns + column]) * Double(f.value) }
        }
        return z
    }
}
