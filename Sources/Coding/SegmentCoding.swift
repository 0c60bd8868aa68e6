/// What the rules decided for one segment: the codes they applied and the cues they cancelled.
public struct SegmentCoding: Hashable, Sendable {
    public var annotations: [Annotation]
    /// Cues that matched but were cancelled (negation, question, role, reported speech …), in
    /// token order; a code can appear both here and in `annotations` (cancelled in one sentence,
    /// applied in another).
    public var cancelled: [CancelledCue]

    public init(annotations: [Annotation], cancelled: [CancelledCue]) {
        self.annotations = annotations
        self.cancelled = cancelled
    }
}
