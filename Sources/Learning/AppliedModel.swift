import Coding
import Transcripts

/// A model made ready to apply: its feature index, the rules' authority per code and the training passages'
/// words (for "most similar passages" in evidence).
struct AppliedModel: Sendable {
    let model: LearnedModel
    let index: [UInt64: Int32]
    let authorities: [RuleAuthority]
    let passageKeys: [Set<UInt64>]
    /// The static embedding table, loaded only for a model that reads it.
    let embeddings: EmbeddingTable?
    let embeddingKeys: [UInt64]

    init(_ model: LearnedModel, codebook: Codebook) {
        self.model = model
        index = model.featureIndex
        authorities = model.codes.map { RuleAuthority(codebook: codebook, code: $0) }
        passageKeys = model.passages.map { Set(WordHashes(PassageView.parse($0.text).encounters
            .flatMap(\.segments).map(\.text).joined(separator: " ")).ngramKeys()) }
        embeddings = model.embeddingChecksum == nil ? nil : ((try? EmbeddingTable.shipped()) ?? nil)
        embeddingKeys = embeddings.map { EmbeddingFeatures.keys(dimensions: $0.dimensions) } ?? []
    }

    /// The passage's embedding features (none when the model does not read the table).
    func embeddingFeatures(_ view: PassageView) -> [Feature] {
        guard let embeddings else { return [] }
        return EmbeddingFeatures.features(view.text, table: embeddings, keys: embeddingKeys, lookup: { index[$0] })
    }

    /// Feature `feature`'s weight in column `c` (a top-level code, then the sub-codes).
    func weight(_ feature: Int32, code c: Int) -> Double {
        Double(model.weights[Int(feature) * model.columns + c])
    }

    func probability(_ features: [Feature], column c: Int, bias: Double) -> Double {
        var z = bias
        for f in features { z += weight(f.index, code: c) * Double(f.value) }
        return LogisticRegression.sigmoid(z)
    }

    func probabilities(_ view: PassageView) -> [Double] {
        let features = view.features(lookup: { index[$0] }) + embeddingFeatures(view)
        return model.codeModels.enumerated().map { c, m in m.trained ? probability(features, column: c, bias: m.bias) : 0 }
    }

    /// The sub-code the model gives under `parent`: the likeliest of its trained sub-codes, when
    /// its probability reaches `LearnedModel.subcodeThreshold`; sub-codes read the words and roles, not the rules' output.
    func subcode(under parent: String, _ view: PassageView) -> (code: String, probability: Double, of: [String])? {
        let candidates = model.subcodeModels.indices.filter { model.subcodeModels[$0].parent == parent && model.subcodeModels[$0].trained }
        guard !candidates.isEmpty else { return nil }
        let features = view.features(lookup: { index[$0] }, rules: false)
        let scored = candidates.map { j in
            (j, probability(features, column: model.codes.count + j, bias: model.subcodeModels[j].bias))
        }
        guard let best = scored.max(by: { ($0.1, $1.0) < ($1.1, $0.0) }), best.1 >= LearnedModel.subcodeThreshold else { return nil }
        return (model.subcodeModels[best.0].code, best.1, candidates.map { model.subcodeModels[$0].code })
    }

    /// `annotation` with the model's sub-code when it gave the top-level code alone.
    func refine(_ annotation: Annotation, _ view: PassageView) -> Annotation {
        guard annotation.code == annotation.topLevelCode, let sub = subcode(under: annotation.code, view) else { return annotation }
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
    /// sub-codes learned from the team where a top-level code stands alone.
    func revise(_ view: PassageView, segment: Segment, encounter: Encounter?, coderName: String) -> [Annotation] {
        let p = probabilities(view)
        var out = view.ruleAnnotations.map { refine($0, view) }
        for (c, m) in model.codeModels.enumerated() where m.trained {
            let thresholds = Thresholds(add: m.addThreshold, veto: m.vetoThreshold)
            let rule = view.ruleCodes.contains(m.code)
            let decided = thresholds.decide(rule: rule, probability: p[c], allowed: authorities[c].allowsAdding(view))
            if rule && !decided {
                out.removeAll { $0.topLevelCode == m.code }
            } else if !rule && decided {
                out.append(refine(Annotation(
                    code: m.code, segment: segment.index, start: segment.start, end: segment.end, coder: coderName,
                    context: Annotation.context(of: segment, in: encounter),
                    evidence: explain(view, code: c, probability: p[c], threshold: m.addThreshold, segment: segment),
                    actorRole: segment.kind == .utterance ? segment.role : nil), view))
            }
        }
        return out.sorted { ($0.start, $0.code) < ($1.start, $1.code) }
    }

    /// Evidence for a learned code: the words that weighed most, the probability and threshold,
    /// and the most similar training passages with that code (id, coder, source).
    func explain(_ view: PassageView, code c: Int, probability: Double, threshold: Double, segment: Segment) -> Evidence {
        let ngrams = view.words.ngrams()
        let scale = ngrams.isEmpty ? 0 : 1 / Double(ngrams.count).squareRoot()
        let weighed = ngrams.compactMap { n -> (String, Double)? in
            guard let k = index[n.key] else { return nil }
            let w = weight(k, code: c) * scale
            return w > 0 ? (n.text, w) : nil
        }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(4)
        let code = model.codes[c]
        let keys = Set(view.words.ngramKeys())
        let similar = model.passages.indices.filter { model.passages[$0].codes.contains { LearnedModel.topLevel($0) == code } }
            .map { i -> (Int, Double) in
                let other = passageKeys[i]
                let shared = Double(keys.intersection(other).count)
                let denominator = (Double(keys.count) * Double(other.count)).squareRoot()
                return (i, denominator == 0 ? 0 : shared / denominator)
            }
            .sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(2)
            .map { i, _ in
                let p = model.passages[i]
                return "\(p.id) (coder \(p.coder), source \(p.source))"
            }
        var words = weighed.map { "\($0.0) +\(LearnedModel.number(($0.1 * 100).rounded() / 100))" }
        if model.codeModels[c].embedding, let embeddings {
            let w = embeddingKeys.map { key in index[key].map { weight($0, code: c) } ?? 0 }
            words = EmbeddingFeatures.weighedTokens(view.text, table: embeddings, weights: w, limit: 4)
                .map { "\($0.0) +\(LearnedModel.number(($0.1 * 100).rounded() / 100)) (embedding)" }
        }
        let actor = segment.kind == .utterance ? "speaker \(segment.speaker ?? "?") (\((segment.role ?? .unknown).rawValue))" : "observation"
        return Evidence(
            matched: words.isEmpty ? "(no weighed words)" : words.joined(separator: ", "),
            cue: "learned: p \(LearnedModel.number((probability * 100).rounded() / 100)) >= \(LearnedModel.number(threshold)); similar: "
                + (similar.isEmpty ? "none" : similar.joined(separator: "; ")),
            rule: "model", negation: "not checked (model)", actor: actor)
    }
}
