import Transcripts

/// The people a TEI document declares in `particDesc`: one `<person>` per distinct participant
/// (label, role, name) over all encounters, with the `xml:id` each encounter's speaker labels
/// point to. A label keeps its spelling as the id when it is a valid XML name, so that reading
/// the TEI back gives the same speaker labels.
struct TEIPeople {
    struct Person {
        var id: String
        var participant: Participant
    }

    private(set) var persons: [Person] = []
    /// Per encounter: speaker label → person id.
    private(set) var ids: [[String: String]] = []

    init(_ transcript: Transcript, identifiers: inout TEIIdentifiers) {
        var byKey: [Participant: String] = [:]
        for encounter in transcript.encounters {
            var everyone = encounter.participants
            for segment in encounter.segments {
                guard let label = segment.speaker, !everyone.contains(where: { $0.label == label }) else { continue }
                everyone.append(Participant(label: label, role: segment.role ?? .unknown))
            }
            var labels: [String: String] = [:]
            for participant in everyone where labels[participant.label] == nil {
                if let id = byKey[participant] {
                    labels[participant.label] = id
                    continue
                }
                let id = identifiers.claimExactly(participant.label) ? participant.label : identifiers.claim(participant.label)
                byKey[participant] = id
                labels[participant.label] = id
                persons.append(Person(id: id, participant: participant))
            }
            ids.append(labels)
        }
    }
}
