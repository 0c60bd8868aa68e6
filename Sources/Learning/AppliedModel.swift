import Coding
import Transcripts

/// A model made ready to apply: its feature table, the rules' authority per code, the features that
/// are not words, and the training passages' words (for "most similar passages" in evidence).
struct AppliedModel: Sendable {
    let model: LearnedModel
    let table: FeatureTable
    let authorities: [RuleAuthority]
    let similar: SimilarPassages
    /// Per top-level code, the stored passages the team gave it.
    let passagesWithCode: [[Int]]
    /// The static embedding table, loaded only for a model that reads it.
    let embeddings: EmbeddingTable?
    let embeddingKeys: [UInt64]
    /// The feature of each rule output (`rule:<code>`), of each role (in sorted order) and of observation prose.
    let ruleFeatures: [String: Int32]
    let roleFeatures: [(role: Role, index: Int32)]
    let observationFeature: Int32?
    /// Per top-level code, the indices of its trained sub-codes' models, in codebook order.
    let subcodesUnder: [String: [Int]]

    init(_ model: LearnedModel, codebook: Codebook) {
        self.model = model
        let table = FeatureTable(model.featureKeys)
        self.table = table
        authorities = model.codes.map { RuleAuthority(codebook: codebook, code: $0) }
        similar = SimilarPassages(model.passages)
        var withCode = [[Int]](repeating: [], count: model.codes.count)
        let position = Dictionary(model.codes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (i, p) in model.passages.enumerated() {
            for code in p.codes {
                if let c = position[LearnedModel.topLevel(code)], withCode[c].last != i { withCode[c].append(i) }
            }
        }
        passagesWithCode = withCode
        embeddings = model.embeddingChecksum == nil ? nil : ((try? EmbeddingTable.shipped()) ?? nil)
        embeddingKeys = embeddings.map { EmbeddingFeatures.keys(dimensions: $0.dimensions) } ?? []
        var rules: [String: Int32] = [:]
        for code in model.codes { rules[code] = table[FeatureKey.named("rule:" + code)] }
        ruleFeatures = rules
        roleFeatures = Role.allCases.sorted().compactMap { role in table[FeatureKey.named("role:" + role.rawValue)].map { (role, $0) } }
        observationFeature = table[FeatureKey.named("kind:observation")]
        var under: [String: [Int]] = [:]
        for (j, s) in model.subcodeModels.enumerated() where s.trained { under[s.parent, default: []].append(j) }
        subcodesUnder = under
    }

    /// The passage's features: word n-grams (scaled to unit length), the rules' output, roles,
    /// kind, and the embedding when the model reads it (`PassageView.features` in the table's terms).
    func features(_ view: PassageView) -> PassageFeatures {
        var f = PassageFeatures(text: view.text, table: table)
        for code in view.ruleCodes.sorted() {
            if let index = ruleFeatures[code] ?? table[FeatureKey.named("rule:" + code)] { f.named.append(index) }
        }
        f.rules = f.named.count
        for (role, index) in roleFeatures where view.roles.contains(role) { f.named.append(index) }
        if view.observation, let observationFeature { f.named.append(observationFeature) }
        if let embeddings {
            f.embedding = EmbeddingFeatures.features(view.text, table: embeddings, keys: embeddingKeys, lookup: { table[$0] })
        }
        return f
    }

    /// Feature `feature`'s weight in column `c` (a top-level code, then the sub-codes).
    func weight(_ feature: Int32, code c: Int) -> Double {
        Double(model.weights[Int(feature) * model.columns + c])
    }

    /// The probability in column `c` (a top-level code, then the sub-codes); without `rules`, as a
    /// sub-code's regression reads the passage (words, roles and kind).
    func probability(_ features: PassageFeatures, column c: Int, bias: Double, rules: Bool = true) -> Double {
        let z = model.weights.withUnsafeBufferPointer {
            features.score(bias: bias, column: c, columns: model.columns, weights: $0, rules: rules)
        }
        return LogisticRegression.sigmoid(z)
    }

    /// The probability of each top-level code (0 for a code the model did not learn).
    func probabilities(_ view: PassageView) -> [Double] {
        let features = self.features(view)
        return model.codeModels.enumerated().map { c, m in m.trained ? probability(features, column: c, bias: m.bias) : 0 }
    }

    /// The sub-code the model gives under `parent`: the likeliest of its trained sub-codes, when
    /// its probability reaches `LearnedModel.subcodeThreshold`; sub-codes read the words and roles, not the rules' output.
    func subcode(under parent: String, _ features: () -> PassageFeatures) -> (code: String, probability: Double, of: [String])? {
        guard let candidates = subcodesUnder[parent], !candidates.isEmpty else { return nil }
        let features = features()
        let scored = candidates.map { j in
            (j, probability(features, column: model.codes.count + j, bias: model.subcodeModels[j].bias, rules: false))
        }
        guard let best = scored.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }), best.1 >= LearnedModel.subcodeThreshold else { return nil }
        return (model.subcodeModels[best.0].code, best.1, candidates.map { model.subcodeModels[$0].code })
    }

    /// `annotation` with the model's sub-code when it gave the top-level code alone.
    func refine(_ annotation: Annotation, _ features: () -> PassageFeatures) -> Annotation {
        guard !annotation.code.utf8.contains(UInt8(ascii: ".")), let sub = subcode(under: annotation.code, features) else { return annotation }
        var out = annotation
        out.code = sub.code
        if var evidence = out.evidence {
            evidence.cue += "; " + Self.subcodeNote(sub)
            out.evidence = evidence
        }
        return out
    }

    static func subcodeNote(_ sub: (code: String, probability: Double, of: [String])) -> String {
        "sub-code \(sub.code): learned p \(LearnedModel.number((sub.probability * 100).rounded() / 100)) >= "
            + "\(LearnedModel.number(LearnedModel.subcodeThreshold)) among \(sub.of.joined(separator: ", "))"
    }

    /// The rule annotations of a passage with the model's additions and vetoes applied, and
    /// sub-codes learned from the team where a top-level code stands alone. The passage's features
    /// are made only when a decision needs them.
    func revise(_ view: PassageView, segment: Segment, encounter: Encounter?, coderName: String) -> [Annotation] {
        var made: PassageFeatures?
        func features() -> PassageFeatures {
            if let made { return made }
            let f = self.features(view)
            made = f
            return f
        }
        var out = view.ruleAnnotations.map { refine($0, features) }
        for (c, m) in model.codeModels.enumerated() where m.trained {
            let thresholds = Thresholds(add: m.addThreshold, veto: m.vetoThreshold)
            let rule = view.ruleCodes.contains(m.code)
            var p = 0.0
            let decided = thresholds.decide(rule: rule, allowed: authorities[c].allowsAdding(view)) {
                p = probability(features(), column: c, bias: m.bias)
                return p
            }
            if rule && !decided {
                out.removeAll { $0.topLevelCode == m.code }
            } else if !rule && decided {
                out.append(refine(Annotation(
                    code: m.code, segment: segment.index, start: segment.start, end: segment.end, coder: coderName,
                    context: Annotation.context(of: segment, in: encounter),
                    evidence: explain(view, code: c, probability: p, threshold: m.addThreshold, segment: segment),
                    actorRole: segment.kind == .utterance ? segment.role : nil), features))
            }
        }
        return out.count < 2 ? out : out.sorted { ($0.start, $0.code) < ($1.start, $1.code) }
    }

    /// Evidence for a learned code: the words that weighed most, the probability and threshold,
    /// and the most similar training passages with that code (id, coder, source).
    func explain(_ view: PassageView, code c: Int, probability: Double, threshold: Double, segment: Segment) -> Evidence {
        let ngrams = view.words.ngrams()
        let scale = ngrams.isEmpty ? 0 : 1 / Double(ngrams.count).squareRoot()
        let weighed = ngrams.compactMap { n -> (String, Double)? in
            guard let k = table[n.key] else { return nil }
            let w = weight(k, code: c) * scale
            return w > 0 ? (n.text, w) : nil
        }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(4)
        let keys = SimilarPassages.sortedKeys(view.text)
        let withCode = passagesWithCode[c]
        let closest = zip(withCode, similar.keys(of: withCode)).map { i, other in (i, SimilarPassages.cosine(keys, other)) }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(2)
            .map { i, _ in
                let p = model.passages[i]
                return "\(p.id) (coder \(p.coder), source \(p.source))"
            }
        var words = weighed.map { "\($0.0) +\(LearnedModel.number(($0.1 * 100).rounded() / 100))" }
        if model.codeModels[c].embedding, let embeddings {
            let w = embeddingKeys.map { key in table[key].map { weight($0, code: c) } ?? 0 }
            words = EmbeddingFeatures.weighedTokens(view.text, table: embeddings, weights: w, limit: 4)
                .map { "\($0.0) +\(LearnedModel.number(($0.1 * 100).rounded() / 100)) (embedding)" }
        }
        let actor = segment.kind == .utterance ? "speaker \(segment.speaker ?? "?") (\((segment.role ?? .unknown).rawValue))" : "observation"
        return Evidence(
            matched: words.isEmpty ? "(no weighed words)" : words.joined(separator: ", "),
            cue: "learned: p \(LearnedModel.number((probability * 100).rounded() / 100)) >= \(LearnedModel.number(threshold)); similar: "
                + (closest.isEmpty ? "none" : closest.joined(separator: "; ")),
            rule: "model", negation: "not checked (model)", actor: actor)
    }
}
