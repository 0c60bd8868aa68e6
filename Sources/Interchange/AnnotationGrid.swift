import Coding
import Transcripts

/// Collects imported codings (from TEI or REFI-QDA) segment by segment and turns them into a
/// `CodedTranscript`, as if a coder had coded the transcript: annotations sorted by position,
/// each with the context the automatic coder would give its segment.
struct AnnotationGrid {
    let transcript: Transcript
    private var cells: [[[Annotation]]]

    init(_ transcript: Transcript) {
        self.transcript = transcript
        cells = transcript.encounters.map { Array(repeating: [], count: $0.segments.count) }
    }

    /// Adds an annotation of segment `s` of encounter `e`, with absolute code-point offsets.
    mutating func add(code: String, encounter e: Int, segment s: Int, start: Int, end: Int, coder: String,
                      evidence: Evidence? = nil) {
        let encounter = transcript.encounters[e]
        let segment = encounter.segments[s]
        cells[e][s].append(Annotation(
            code: code, segment: segment.index, start: start, end: end, coder: coder,
            context: Self.context(of: segment, in: encounter), evidence: evidence))
    }

    /// The transcript with every annotation added, each segment's sorted by start, code, end, coder.
    var coded: CodedTranscript {
        let sorted = cells.map { encounter in
            encounter.map { $0.sorted { ($0.start, $0.code, $0.end, $0.coder) < ($1.start, $1.code, $1.end, $1.coder) } }
        }
        return CodedTranscript(transcript: transcript, annotations: sorted)
    }

    /// Where coded text comes from, decided as the automatic coder decides it: observation prose,
    /// a turn in an interview (by the encounter's kind or setting, or a researcher speaking), or
    /// a turn in the encounter itself.
    static func context(of segment: Segment, in encounter: Encounter) -> Annotation.Context {
        if segment.kind == .observation { return .observation }
        let description = ((encounter.kind ?? "") + " " + (encounter.setting ?? "")).lowercased()
        if description.contains("interview") || segment.role == .researcher { return .interview }
        return .encounter
    }

    /// Flat segment index → (encounter, segment) for every segment in document order.
    static func positions(of transcript: Transcript) -> [(encounter: Int, segment: Int)] {
        transcript.encounters.enumerated().flatMap { e, encounter in encounter.segments.indices.map { (e, $0) } }
    }
}
