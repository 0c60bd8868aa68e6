import Coding
import Transcripts

/// What the model sees of a passage: its words, the roles speaking, whether it is observation
/// prose, the top-level codes the rules gave it and those whose cues they cancelled.
struct PassageView {
    /// The passage's text (segments joined by a space): its words are the model's n-grams.
    var text: String
    var roles: Set<Role>
    var observation: Bool
    var ruleCodes: Set<String>
    /// The rule coder's annotations, kept so hybrid coding can return them.
    var ruleAnnotations: [Annotation]
    /// Top-level codes the rules cancelled in this passage (see `RuleAuthority`); the model may not add them.
    var cancelled: Set<String>

    /// One segment of a transcript, with the rule coder's decisions for it.
    init(segment: Segment, rules: SegmentCoding) {
        text = segment.text
        roles = segment.kind == .utterance ? [segment.role ?? .unknown] : []
        observation = segment.kind != .utterance
        ruleCodes = Set(rules.annotations.map(\.topLevelCode))
        ruleAnnotations = rules.annotations
        cancelled = RuleAuthority.ruledOut(rules.cancelled)
    }

    /// A row of free text (a gold row, a training passage): `Label:` turns are read as turns.
    init(row text: String, coder: Coder) {
        let transcript = Self.parse(text)
        var texts: [String] = []
        var roles: Set<Role> = []
        var observation = false
        var annotations: [Annotation] = []
        var cancelled: [CancelledCue] = []
        for encounter in transcript.encounters {
            for segment in encounter.segments {
                texts.append(segment.text)
                if segment.kind == .utterance { roles.insert(segment.role ?? .unknown) } else { observation = true }
                let coding = coder.coding(segment, in: encounter)
                annotations += coding.annotations
                cancelled += coding.cancelled
            }
        }
        self.text = texts.joined(separator: " ")
        self.roles = roles
        self.observation = observation
        ruleCodes = Set(annotations.map(\.topLevelCode))
        ruleAnnotations = annotations
        self.cancelled = RuleAuthority.ruledOut(cancelled)
    }

    /// A training passage: its text as a row, or as one segment when the caller gave its role.
    init(passage: TrainingPassage, coder: Coder) {
        if let role = passage.role {
            let segment = Segment(index: 0, kind: passage.kind, speaker: passage.kind == .utterance ? role.rawValue : nil,
                                  role: passage.kind == .utterance ? role : nil, text: passage.text, start: 0,
                                  end: passage.text.unicodeScalars.count, line: 1, words: 0)
            self.init(segment: segment, rules: coder.coding(segment, in: nil))
        } else {
            self.init(row: passage.text, coder: coder)
        }
    }

    /// The passage's words (made when asked: evidence and cue suggestions need their text).
    var words: WordHashes { WordHashes(text) }

    static func parse(_ text: String) -> Transcript {
        PlainTextParser().parse(text: InlineTurns.splitting(text), path: "passage.txt")
    }

    /// The passage's features: n-grams (scaled to unit length), rule outputs, roles, kind.
    /// Without `rules`, the rules' output is left out (as in `TrainingData.wordRows`).
    func features(lookup: (UInt64) -> Int32?, rules: Bool = true) -> [Feature] {
        let keys = WordHashes.ngramKeys(text)
        var out: [Feature] = []
        out.reserveCapacity(keys.count + 8)
        let found = keys.compactMap(lookup)
        let scale = found.isEmpty ? 0 : Float(1 / Double(found.count).squareRoot())
        for index in found { out.append(Feature(index: index, value: scale)) }
        for key in namedKeys(rules: rules) { if let index = lookup(key) { out.append(Feature(index: index, value: 1)) } }
        return out
    }

    /// Keys of the features that are not words.
    func namedKeys(rules: Bool = true) -> [UInt64] {
        var names = rules ? ruleCodes.sorted().map { "rule:" + $0 } : []
        names += roles.sorted().map { "role:" + $0.rawValue }
        if observation { names.append("kind:observation") }
        return names.map(FeatureKey.named)
    }
}

/// One non-zero entry of a passage's feature vector.
struct Feature {
    var index: Int32
    var value: Float
}
