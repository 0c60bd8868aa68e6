import Coding
import Transcripts

extension LearnedModel {
    /// Settings of training; the defaults are what `rapport learn` uses.
    public struct TrainingOptions: Sendable {
        /// Folds used to choose each code's thresholds (out-of-fold predictions on the training rows).
        public var folds = 5
        /// A word or phrase must occur in this many training passages to become a feature.
        public var minimumPassages = 2
        /// Inverse regularisation strength (larger: weights fit the training rows more closely).
        public var inverseRegularisation = 4.0
        public var epochs = 25
        /// Polled between fits; when it returns true, training stops early and returns an
        /// incomplete model that the caller must discard (`rapport learn` on Ctrl-C).
        public var isCancelled: @Sendable () -> Bool = { false }
        /// The static embedding table offered as a design per code; nil (the default): words and
        /// rules only. Opt-in (`learn --embeddings`): on two of our transfer pairs the folds chose
        /// it for 6 of 8 codes and it did worse on the other file (mean κ .428 → .410, .473 → .356).
        public var embeddings: EmbeddingTable? = nil

        public init() {}
    }

    /// Trains a model for `codebook` from the team's coding: rules are run on every passage, a
    /// logistic regression per top-level code is fitted, and its add/veto thresholds are chosen
    /// on folds of the same passages. Deterministic: the same passages give the same model.
    public static func train(_ passages: [TrainingPassage], codebook: Codebook,
                             options: TrainingOptions = TrainingOptions()) -> LearnedModel {
        let coder = Coder(codebook: codebook)
        let views = passages.map { PassageView(passage: $0, coder: coder) }
        let data = TrainingData(views: views, minimumPassages: options.minimumPassages, codes: codebook.topLevelIDs,
                                embeddings: options.embeddings)
        let top = codebook.topLevelIDs
        let subcodes = codebook.allCodes.filter { $0.id != $0.topLevelID }
        let columns = top.count + subcodes.count
        var codeModels: [CodeModel] = []
        var weights = [Float](repeating: 0, count: data.keys.count * columns)
        for (c, code) in top.enumerated() {
            if options.isCancelled() { break }
            let labels = passages.map { p in p.codes.contains { Self.topLevel($0) == code } }
            let rules = views.map { $0.ruleCodes.contains(code) }
            let authority = RuleAuthority(codebook: codebook, code: code)
            let allowed = views.map { authority.allowsAdding($0) }
            let positives = labels.filter { $0 }.count
            guard positives > 0, positives < labels.count else {
                codeModels.append(CodeModel(code: code, positives: positives, trained: false, addThreshold: 2,
                                            vetoThreshold: 0, bias: 0, foldKappaRules: nil, foldKappaHybrid: nil,
                                            stacked: true))
                continue
            }
            let seed = 0x5EED_0000 &+ UInt64(c)
            // The designs compete on the folds: a regression over words and the rules' output
            // (stacking), one over words alone and (with a table) one over the static embedding,
            // whose confident calls are added to the rules.
            var best: (rows: [[Feature]], thresholds: Thresholds, kappa: Double?, stacked: Bool, embedding: Bool)?
            var foldRules: Double?
            if passages.count >= 2 * options.folds {
                foldRules = Kappa.of(rules, labels)
                var designs = [(true, false, data.rows), (false, false, data.wordRows)]
                if options.embeddings != nil { designs.append((false, true, data.embeddingRows)) }
                for (stacked, embedding, rows) in designs {
                    var outOfFold = [Double](repeating: 0, count: passages.count)
                    for fold in Folds(count: passages.count, k: options.folds, seed: seed) where !options.isCancelled() {
                        let fit = LogisticRegression.fit(rows: rows, labels: labels, using: fold.train,
                                                         dimension: data.keys.count, c: options.inverseRegularisation,
                                                         epochs: options.epochs, seed: seed)
                        for i in fold.test { outOfFold[i] = fit.probability(rows[i]) }
                    }
                    let t = Thresholds.choose(probabilities: outOfFold, rules: rules, allowed: allowed, labels: labels)
                    let kappa = Kappa.of(outOfFold.indices.map {
                        t.decide(rule: rules[$0], probability: outOfFold[$0], allowed: allowed[$0])
                    }, labels)
                    if best == nil || (kappa ?? -1) > (best?.kappa ?? -1) + 1e-9 { best = (rows, t, kappa, stacked, embedding) }
                }
            }
            let rows = best?.rows ?? data.rows
            let thresholds = best?.thresholds ?? Thresholds(add: 2, veto: 0)
            let foldHybrid = best?.kappa
            let fit = LogisticRegression.fit(rows: rows, labels: labels, using: Array(passages.indices),
                                             dimension: data.keys.count, c: options.inverseRegularisation,
                                             epochs: options.epochs, seed: seed)
            for k in data.keys.indices { weights[k * columns + c] = Float(fit.weights[k]) }
            // Stored as the file stores them (32-bit), so a model read back equals the one trained.
            func stored(_ x: Double) -> Double { Double(Float(x)) }
            codeModels.append(CodeModel(code: code, positives: positives, trained: true, addThreshold: stored(thresholds.add),
                                        vetoThreshold: stored(thresholds.veto), bias: stored(fit.bias),
                                        foldKappaRules: foldRules.map(stored), foldKappaHybrid: foldHybrid.map(stored), stacked: best?.stacked ?? true,
                                        embedding: best?.embedding ?? false))
        }
        let subcodeModels = subcodes.enumerated().map { j, sub in
            trainSubcode(sub.id, parent: sub.topLevelID, passages: passages, rows: data.wordRows, dimension: data.keys.count,
                         options: options, seed: 0x5EED_5B00 &+ UInt64(j)) { k, w in weights[k * columns + top.count + j] = w }
        }
        // Features whose weight rounds to zero for every code are left out of the file.
        var keptKeys: [UInt64] = []
        var keptWeights: [Float] = []
        for (k, key) in data.keys.enumerated() {
            let row = weights[(k * columns)..<((k + 1) * columns)]
            guard row.contains(where: { abs($0) >= 1e-5 }) else { continue }
            keptKeys.append(key)
            keptWeights += row
        }
        let stored = passages.map {
            StoredPassage(id: $0.id, source: $0.source, coder: $0.coder, codes: $0.codes.sorted(), text: $0.text)
        }
        return LearnedModel(codebookName: codebook.name, codes: top, codeModels: codeModels, subcodeModels: subcodeModels,
                            featureKeys: keptKeys,
                            weights: keptWeights, passages: stored,
                            embeddingChecksum: codeModels.contains(where: \.embedding) ? options.embeddings?.checksum : nil)
    }

    static func topLevel(_ code: String) -> String { String(code.split(separator: ".").first ?? Substring(code)) }

    /// A regression over words for one sub-code, fitted on the passages the team sub-coded under
    /// its parent (those with the sub-code against those with another); `store` receives each weight.
    static func trainSubcode(
        _ id: String, parent: String, passages: [TrainingPassage], rows: [[Feature]], dimension: Int,
        options: TrainingOptions, seed: UInt64, store: (Int, Float) -> Void
    ) -> SubcodeModel {
        let subcoded = passages.indices.filter { i in passages[i].codes.contains { $0 != parent && topLevel($0) == parent } }
        let labels = passages.map { $0.codes.contains(id) }
        let positives = subcoded.filter { labels[$0] }.count
        guard positives > 0, positives < subcoded.count else {
            return SubcodeModel(code: id, parent: parent, positives: positives, subcoded: subcoded.count, trained: false, bias: 0)
        }
        let fit = LogisticRegression.fit(rows: rows, labels: labels, using: subcoded, dimension: dimension,
                                         c: options.inverseRegularisation, epochs: options.epochs, seed: seed)
        for k in 0..<dimension { store(k, Float(fit.weights[k])) }
        return SubcodeModel(code: id, parent: parent, positives: positives, subcoded: subcoded.count, trained: true,
                            bias: Double(Float(fit.bias)))
    }
}

/// The feature dictionary and vectors of a set of training passages.
struct TrainingData {
    /// Feature keys in ascending order; a feature's index is its position.
    var keys: [UInt64]
    var rows: [[Feature]]
    /// The same rows without the rules' output.
    var wordRows: [[Feature]]
    /// Rows of the static embedding with roles and kind (empty without a table).
    var embeddingRows: [[Feature]] = []

    init(views: [PassageView], minimumPassages: Int, codes: [String], embeddings: EmbeddingTable? = nil) {
        var documentFrequency: [UInt64: Int] = [:]
        for view in views { for key in WordHashes.ngramKeys(view.text) { documentFrequency[key, default: 0] += 1 } }
        var keys = Set(documentFrequency.filter { $0.value >= minimumPassages }.keys)
        for code in codes { keys.insert(FeatureKey.named("rule:" + code)) }
        for role in Role.allCases { keys.insert(FeatureKey.named("role:" + role.rawValue)) }
        keys.insert(FeatureKey.named("kind:observation"))
        let embeddingKeys = embeddings.map { EmbeddingFeatures.keys(dimensions: $0.dimensions) } ?? []
        keys.formUnion(embeddingKeys)
        self.keys = keys.sorted()
        var index: [UInt64: Int32] = [:]
        for (k, key) in self.keys.enumerated() { index[key] = Int32(k) }
        rows = views.map { $0.features(lookup: { index[$0] }) }
        let ruleIndices = Set(codes.compactMap { index[FeatureKey.named("rule:" + $0)] })
        wordRows = rows.map { $0.filter { !ruleIndices.contains($0.index) } }
        if let embeddings {
            embeddingRows = views.map { view in
                EmbeddingFeatures.features(view.text, table: embeddings, keys: embeddingKeys, lookup: { index[$0] })
                    + EmbeddingFeatures.contextKeys(view).compactMap { index[$0] }.map { Feature(index: $0, value: 1) }
            }
        }
    }
}
