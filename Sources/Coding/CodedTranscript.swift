import Transcripts

/// A transcript with the annotations a coder gave it, per encounter and segment.
public struct CodedTranscript: Sendable {
    public var transcript: Transcript
    /// `annotations[e][s]`: the annotations of segment `s` of encounter `e`, sorted by position.
    public var annotations: [[[Annotation]]]

    public init(transcript: Transcript, annotations: [[[Annotation]]]) {
        self.transcript = transcript
        self.annotations = annotations
    }

    /// Every annotation of encounter `e`, in segment order.
    public func annotations(ofEncounter e: Int) -> [Annotation] { annotations[e].flatMap { $0 } }
}

extension Coder {
    /// Codes every segment of every encounter in `transcript`.
    public func code(_ transcript: Transcript) -> CodedTranscript {
        var cache = CandidateCache(compiled)
        let annotations = transcript.encounters.map { encounter in
            let actors = ActorResolver(encounter: encounter, language: codebook.language)
            return encounter.segments.map { segment in
                code(text: segment.text, start: segment.start, kind: segment.kind, speaker: segment.speaker,
                     role: segment.role, segmentIndex: segment.index, encounter: encounter, actors: actors, cache: &cache)
            }
        }
        return CodedTranscript(transcript: transcript, annotations: annotations)
    }
}
