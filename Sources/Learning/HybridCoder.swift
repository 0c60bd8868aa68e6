import Coding
import Transcripts

/// The rule coder with a learned model on top: the rules decide first (negation, roles, reported
/// speech), then the model adds codes the rules missed when it is confident enough and removes a
/// rule's code the team's coding strongly contradicts. Without a model it is the rule coder.
public struct HybridCoder: Sendable {
    public let coder: Coder
    public let model: LearnedModel?
    let applied: AppliedModel?

    public var codebook: Codebook { coder.codebook }

    /// A hybrid coder; check `model.mismatch(withCodes:)` first, a model for other codes is ignored.
    public init(codebook: Codebook, model: LearnedModel?) {
        coder = Coder(codebook: codebook)
        let usable = model.flatMap { $0.mismatch(withCodes: codebook.topLevelIDs) == nil ? $0 : nil }
        self.model = usable
        applied = usable.map { AppliedModel($0, codebook: codebook) }
    }

    /// Codes every segment of every encounter in `transcript`.
    public func code(_ transcript: Transcript) -> CodedTranscript {
        let rules = coder.code(transcript)
        guard let applied else { return rules }
        var annotations = rules.annotations
        for (e, encounter) in transcript.encounters.enumerated() {
            for (s, segment) in encounter.segments.enumerated() {
                let cancelled = e < rules.cancelled.count ? rules.cancelled[e][s] : []
                let view = PassageView(segment: segment, rules: SegmentCoding(annotations: rules.annotations[e][s], cancelled: cancelled))
                annotations[e][s] = applied.revise(view, segment: segment, encounter: encounter, coderName: coder.coderName)
            }
        }
        return CodedTranscript(transcript: transcript, annotations: annotations)
    }

    /// Codes one segment of `encounter`.
    public func code(_ segment: Segment, in encounter: Encounter) -> [Annotation] {
        let rules = coder.coding(segment, in: encounter)
        guard let applied else { return rules.annotations }
        return applied.revise(PassageView(segment: segment, rules: rules), segment: segment,
                              encounter: encounter, coderName: coder.coderName)
    }

    /// Codes a free-text row (a gold row; `Label:` turns read as turns) as one passage.
    public func code(row text: String) -> [Annotation] {
        code(passage: TrainingPassage(text: text, codes: [], id: "", source: "", coder: ""))
    }

    /// The model's probability for each top-level code of a free-text row (nil without a model).
    public func probabilities(row text: String) -> [String: Double]? {
        guard let applied else { return nil }
        let view = PassageView(row: text, coder: coder)
        let p = applied.probabilities(view)
        return Dictionary(uniqueKeysWithValues: zip(applied.model.codes, p))
    }
}
