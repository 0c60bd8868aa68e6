import Transcripts

/// A transcript with the annotations a coder gave it, per encounter and segment.
public struct CodedTranscript: Sendable {
    public var transcript: Transcript
    /// `annotations[e][s]`: the annotations of segment `s` of encounter `e`, sorted by position.
    public var annotations: [[[Annotation]]]
    /// `cancelled[e][s]`: cues the rules matched in segment `s` of encounter `e` but cancelled
    /// (negation, question, role …); empty when the coder did not report them.
    public var cancelled: [[[CancelledCue]]]

    public init(transcript: Transcript, annotations: [[[Annotation]]], cancelled: [[[CancelledCue]]] = []) {
        self.transcript = transcript
        self.annotations = annotations
        self.cancelled = cancelled
    }

    /// Every annotation of encounter `e`, in segment order.
    public func annotations(ofEncounter e: Int) -> [Annotation] { annotations[e].flatMap { $0 } }
}

extension Coder {
    /// Codes every segment of every encounter in `transcript`.
    public func code(_ transcript: Transcript) -> CodedTranscript {
        var cache = caches.take(compiled)
        defer { caches.giveBack(cache) }
        var cancelled: [[[CancelledCue]]] = []
        let annotations = transcript.encounters.map { encounter in
            let actors = ActorResolver(encounter: encounter, language: codebook.language)
            var cancelledHere: [[CancelledCue]] = []
            cancelledHere.reserveCapacity(encounter.segments.count)
            let coded = encounter.segments.map { segment in
                var found: [CancelledCue] = []
                let annotations = code(
                    text: segment.text, start: segment.start, kind: segment.kind, speaker: segment.speaker,
                    role: segment.role, segmentIndex: segment.index, encounter: encounter, actors: actors, cache: &cache,
                    cancelled: &found)
                cancelledHere.append(found)
                return annotations
            }
            cancelled.append(cancelledHere)
            return coded
        }
        return CodedTranscript(transcript: transcript, annotations: annotations, cancelled: cancelled)
    }
}
