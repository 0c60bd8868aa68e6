import Coding
import Transcripts

extension HybridCoder {
    /// Codes a training passage as the model sees it: as one segment when its role is known,
    /// otherwise as a row whose `Label:` turns are read as turns.
    public func code(passage: TrainingPassage) -> [Annotation] {
        let view = PassageView(passage: passage, coder: coder)
        guard let applied else { return view.ruleAnnotations }
        let utterance = passage.role != nil ? passage.kind == .utterance : !view.observation
        let role = passage.role ?? (view.roles.count == 1 ? view.roles.first : nil)
        let segment = Segment(index: 0, kind: utterance ? .utterance : .observation,
                              speaker: utterance ? role?.rawValue : nil, role: utterance ? role : nil,
                              text: passage.text, start: 0, end: passage.text.unicodeScalars.count, line: 1, words: 0)
        return applied.revise(view, segment: segment, encounter: nil, coderName: coder.coderName)
    }
}
