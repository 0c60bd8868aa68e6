import Coding
import Transcripts

/// "What to code next": the uncoded passages a model is least sure about (closest to a decision
/// threshold), plus a few it is sure about so the team can check it, as gold TSV rows to code.
public struct NextPassages: Sendable {
    public struct Pick: Sendable {
        public var id: String
        public var source: String
        /// The passage as a gold row's text (`Label: …` for a turn).
        public var text: String
        /// Why it was picked: `least sure (…)` or `sure (…)`.
        public var reason: String
        /// How far the probability of the code closest to its threshold lies from it (0: least sure),
        /// so picks from several runs can be merged.
        public var margin: Double = 0
    }

    public var picks: [Pick]

    /// Picks `count` segments of `transcripts` (a fifth of them, at least one, sure ones) that are
    /// not training passages and have at least four words.
    public init(count: Int, transcripts: [Transcript], model: LearnedModel, codebook: Codebook) {
        let hybrid = HybridCoder(codebook: codebook, model: model)
        guard let applied = hybrid.applied, count > 0 else { picks = []; return }
        let known = Set(model.passages.map(\.text))
        var scored: [(margin: Double, pick: Pick, sureOf: String)] = []
        for transcript in transcripts {
            for encounter in transcript.encounters {
                for segment in encounter.segments where segment.words >= 4 {
                    let label = segment.kind == .utterance ? "\(segment.speaker ?? "Speaker"): " : ""
                    let text = LearnedModel.clean(label + segment.text)
                    if known.contains(text) || known.contains(segment.text) { continue }
                    let view = PassageView(segment: segment, rules: hybrid.coder.coding(segment, in: encounter))
                    let p = applied.probabilities(view)
                    var margin = Double.infinity, closest = "", sure = ""
                    for (c, m) in model.codeModels.enumerated() where m.trained {
                        let threshold = m.addThreshold <= 1 ? m.addThreshold : 0.5
                        let d = abs(p[c] - threshold)
                        if d < margin { margin = d; closest = "\(m.code) p \(LearnedModel.number((p[c] * 100).rounded() / 100))" }
                        if p[c] >= max(threshold, 0.5) { sure += (sure.isEmpty ? "" : ", ") + m.code }
                    }
                    guard margin.isFinite else { continue }
                    scored.append((margin, Pick(id: "\(encounter.id)#\(segment.index + 1)", source: transcript.path,
                                                text: text, reason: closest, margin: margin), sure))
                }
            }
        }
        let sureCount = count >= 2 ? max(1, count / 5) : 0
        let unsure = scored.sorted { ($0.margin, $0.pick.source, $0.pick.id) < ($1.margin, $1.pick.source, $1.pick.id) }
            .prefix(count - sureCount)
        let taken = Set(unsure.map { $0.pick.source + "\t" + $0.pick.id })
        let sure = scored.filter { !$0.sureOf.isEmpty && !taken.contains($0.pick.source + "\t" + $0.pick.id) }
            .sorted { ($0.margin, $1.pick.source, $1.pick.id) > ($1.margin, $0.pick.source, $0.pick.id) }
            .prefix(sureCount)
        picks = unsure.map { var p = $0.pick; p.reason = "least sure (\(p.reason))"; return p }
            + sure.map { var p = $0.pick; p.reason = "sure (model: \($0.sureOf))"; return p }
    }

    /// The picks as a gold TSV with empty codes, to code and give back to `rapport learn`.
    public var tsv: String {
        var out = "# Passages to code next: fill in the codes column (comma-separated; empty for none) and add the file to 'rapport learn'.\n"
        out += "id\tsource\tcodes\ttext\tphenomenon\n"
        for p in picks { out += "\(p.id)\t\(LearnedModel.clean(p.source))\t\t\(p.text)\t\(p.reason)\n" }
        return out
    }
}
