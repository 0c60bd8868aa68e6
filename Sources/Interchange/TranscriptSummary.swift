import Transcripts

/// The human-readable overview `rapport parse` prints on a terminal: one block per encounter.
public enum TranscriptSummary {
    public static func text(_ transcripts: [Transcript]) -> String {
        var out = ""
        var encounters = 0, words = 0
        for t in transcripts {
            out += "\(t.path)\n"
            for e in t.encounters {
                encounters += 1
                words += e.words
                let turns = e.segments.filter { $0.kind == .utterance }.count
                let observations = e.segments.count - turns
                out += "  \(e.id)  case \(e.caseID ?? "-")  \(e.date ?? "no date")  \(e.setting ?? "")\(e.kind.map { " (\($0))" } ?? "")\n"
                let people = e.participants.map { p in "\(p.label)=\(p.role.rawValue)\(p.name.map { " (\($0))" } ?? "")" }
                out += "    participants: \(people.isEmpty ? "-" : people.joined(separator: "; "))\n"
                out += "    \(turns) turns, \(observations) observation paragraphs, \(e.words) words\n"
            }
        }
        out += "\(transcripts.count) transcripts, \(encounters) encounters, \(words) words\n"
        return out
    }
}
