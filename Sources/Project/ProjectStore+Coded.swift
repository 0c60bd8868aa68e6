import Coding
import Transcripts

extension ProjectStore {
    /// Every source as a coded transcript holding the codings of `coders` (all coders when nil),
    /// so a project can be reported, compared and exported like a folder of coded transcripts.
    /// `include`, when given, keeps only the codings it accepts (by coder and encounter).
    public func codedTranscripts(coders: [String]? = nil,
                                 include: ((String, EncounterKey) -> Bool)? = nil) throws(ProjectError) -> [CodedTranscript] {
        var result: [CodedTranscript] = []
        for source in try sources() {
            guard let transcript = try transcript(source.id) else { continue }
            var annotations = transcript.encounters.map { encounter in encounter.segments.map { _ in [Annotation]() } }
            for coding in try codings(source: source.id, coders: coders) {
                guard annotations.indices.contains(coding.encounter) else { continue }
                if let include, !include(coding.annotation.coder, EncounterKey(sourceID: source.id, encounter: coding.encounter)) { continue }
                let segments = transcript.encounters[coding.encounter].segments
                guard let s = segments.firstIndex(where: { $0.index == coding.annotation.segment }) else { continue }
                annotations[coding.encounter][s].append(coding.annotation)
            }
            result.append(CodedTranscript(transcript: transcript, annotations: annotations))
        }
        return result
    }
}
