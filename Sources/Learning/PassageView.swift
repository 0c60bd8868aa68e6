import Coding
import Transcripts

/// What the model sees of a passage: its words, the roles speaking, whether it is observation
/// prose, and the top-level codes the rules gave it.
struct PassageView {
    var words: WordHashes
    var roles: Set<Role>
    var observation: Bool
    var ruleCodes: Set<String>
    /// The rule coder's annotations, kept so hybrid coding can return them.
    var ruleAnnotations: [Annotation]

    /// One segment of a transcript, with the rule coder's annotations for it.
    init(segment: Segment, ruleAnnotations: [Annotation]) {
        words = WordHashes(segment.text)
        roles = segment.kind == .utterance ? [segment.role ?? .unknown] : []
        observation = segment.kind != .utterance
        ruleCodes = Set(ruleAnnotations.map(\.topLevelCode))
        self.ruleAnnotations = ruleAnnotations
    }

    /// A row of free text (a gold row, a training passage): `Label:` turns are read as turns.
    init(row text: String, coder: Coder) {
        let transcript = Self.parse(text)
        var texts: [String] = []
        var roles: Set<Role> = []
        var observation = false
        var annotations: [Annotation] = []
        for encounter in transcript.encounters {
            for segment in encounter.segments {
                texts.append(segment.text)
                if segment.kind == .utterance { roles.insert(segment.role ?? .unknown) } else { observation = true }
                annotations += coder.code(segment, in: encounter)
            }
        }
        words = WordHashes(texts.joined(separator: " "))
        self.roles = roles
        self.observation = observation
        ruleCodes = Set(annotations.map(\.topLevelCode))
        ruleAnnotations = annotations
    }

    /// A training passage: its text as a row, or as one segment when the caller gave its role.
    init(passage: TrainingPassage, coder: Coder) {
        if let role = passage.role {
            let segment = Segment(index: 0, kind: passage.kind, speaker: passage.kind == .utterance ? role.rawValue : nil,
                                  role: passage.kind == .utterance ? role : nil, text: passage.text, start: 0,
                                  end: passage.text.unicodeScalars.count, line: 1, words: 0)
            self.init(segment: segment, ruleAnnotations: coder.code(
                text: passage.text, start: 0, kind: passage.kind, speaker: segment.speaker, role: segment.role,
                segmentIndex: 0, encounter: nil))
        } else {
            self.init(row: passage.text, coder: coder)
        }
    }

    static func parse(_ text: String) -> Transcript {
        PlainTextParser().parse(text: InlineTurns.splitting(text), path: "passage.txt")
    }

    /// The passage's features: n-grams (scaled to unit length), rule outputs, roles, kind.
    func features(lookup: (UInt64) -> Int32?) -> [Feature] {
        let keys = words.ngramKeys()
        var out: [Feature] = []
        out.reserveCapacity(keys.count + 8)
        let found = keys.compactMap(lookup)
        let scale = found.isEmpty ? 0 : Float(1 / Double(found.count).squareRoot())
        for index in found { out.append(Feature(index: index, value: scale)) }
        for key in namedKeys() { if let index = lookup(key) { out.append(Feature(index: index, value: 1)) } }
        return out
    }

    /// Keys of the features that are not words.
    func namedKeys() -> [UInt64] {
        var names = ruleCodes.sorted().map { "rule:" + $0 }
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
