/// A passage's static embedding as model features: component j of the table's unit-length mean
/// token vector is the named feature `embedding:j` (key as for other named features).
enum EmbeddingFeatures {
    /// The feature keys of the components, in order.
    static func keys(dimensions: Int) -> [UInt64] {
        (0..<dimensions).map { FeatureKey.named("embedding:\($0)") }
    }

    /// The features of `text`'s vector; `lookup` maps a key to its feature index.
    static func features(_ text: String, table: EmbeddingTable, keys: [UInt64], lookup: (UInt64) -> Int32?) -> [Feature] {
        let vector = table.vector(text)
        var out: [Feature] = []
        out.reserveCapacity(vector.count)
        for (j, x) in vector.enumerated() where x != 0 {
            if let index = lookup(keys[j]) { out.append(Feature(index: index, value: x)) }
        }
        return out
    }

    /// The tokens of `text` that raise the code's score most through the embedding (each token's
    /// share of weights · vector), best first, for evidence.
    static func weighedTokens(_ text: String, table: EmbeddingTable, weights: [Double], limit: Int) -> [(String, Double)] {
        let ids = table.tokenIDs(text)
        let vector = table.vector(ids: ids)
        guard !ids.isEmpty else { return [] }
        // vector = sum / |sum|, so each token contributes (weights · row) / |sum|.
        var sum = [Float](repeating: 0, count: table.dimensions)
        for id in ids { for (j, x) in table.embedding(id).enumerated() { sum[j] += x } }
        let norm = Double(sum.reduce(0) { $0 + $1 * $1 }.squareRoot())
        guard norm > 0, vector.count == weights.count else { return [] }
        var best: [Int32: Double] = [:]
        for id in Set(ids) {
            let row = table.embedding(id)
            let count = Double(ids.filter { $0 == id }.count)
            best[id] = count * zip(row, weights).reduce(0) { $0 + Double($1.0) * $1.1 } / norm
        }
        return best.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(limit)
            .map { (table.token($0.key), $0.value) }
    }
}

extension EmbeddingFeatures {
    /// Keys of the passage's role and kind features, which the embedding design reads too.
    static func contextKeys(_ view: PassageView) -> [UInt64] {
        var names = view.roles.sorted().map { "role:" + $0.rawValue }
        if view.observation { names.append("kind:observation") }
        return names.map(FeatureKey.named)
    }
}
