/// Renders encounters read from XML as Rapport plain text (a `Key: value` header block per
/// encounter, `Label: text` turns, observation paragraphs, blank lines between) and builds the
/// `Transcript` whose segment and note ranges point exactly into that text.
///
/// Parsing the rendered text with `PlainTextParser` gives the same segments back, so every tool
/// that works on plain transcripts (coding, exports, offsets in reports) treats XML alike.
struct XMLTextRenderer {
    let path: String

    func render(_ drafts: [EncounterDraft], warnings: [Diagnostic]) -> Transcript {
        var builder = TextBuilder()
        var blocks = 0
        func startBlock() {
            if blocks > 0 { builder.append("\n\n") }
            blocks += 1
        }
        var encounters: [Encounter] = []
        for draft in Self.disambiguated(drafts) {
            var encounter = Encounter(id: draft.id, caseID: draft.caseID, date: draft.date, setting: draft.setting,
                                      kind: draft.kind, metadata: draft.metadata, participants: draft.participants,
                                      line: draft.line)
            let header = Self.header(of: draft)
            for field in header { encounter.metadata[field.key.lowercased()] = field.value }
            startBlock()
            builder.append(header.map { "\($0.key): \($0.value)" }.joined(separator: "\n"))
            for var segmentDraft in draft.segments {
                let text = segmentDraft.content.finish()
                if segmentDraft.kind == .observation && text.isEmpty { continue }
                startBlock()
                if segmentDraft.kind == .utterance {
                    var prefix = ""
                    if let stamp = segmentDraft.timestamp, Timestamp.isToken(Array(stamp.utf8)) { prefix = "[\(stamp)] " }
                    builder.append(prefix + (segmentDraft.speaker ?? "") + ":" + (text.isEmpty ? "" : " "))
                }
                let range = builder.append(text)
                let placed = segmentDraft.content.notes
                let notes = placed.map {
                    Note(kind: $0.kind, text: $0.text, start: range.lowerBound + $0.scalars.lowerBound,
                         end: range.lowerBound + $0.scalars.upperBound)
                }
                let words = WordCounter.count(Array(text.utf8)[...], excluding: placed.map(\.bytes))
                encounter.segments.append(Segment(
                    index: encounter.segments.count, kind: segmentDraft.kind, speaker: segmentDraft.speaker,
                    role: segmentDraft.role, text: text, start: range.lowerBound, end: range.upperBound,
                    line: segmentDraft.line, timestamp: segmentDraft.timestamp, notes: notes, words: words))
            }
            encounters.append(encounter)
        }
        if blocks > 0 { builder.append("\n") }
        return Transcript(path: path, text: builder.text, encounters: encounters, warnings: warnings)
    }

    /// The header block's fields in Rapport's order, only those present, each on one line.
    static func header(of draft: EncounterDraft) -> [(key: String, value: String)] {
        var fields: [(key: String, value: String)] = [("Encounter", InlineText.collapsed(draft.id))]
        let optional: [(String, String?)] = [
            ("Case", draft.caseID), ("Date", draft.date), ("Setting", draft.setting), ("Kind", draft.kind),
        ]
        for (key, value) in optional {
            if let value = value.map(InlineText.collapsed), !value.isEmpty { fields.append((key, value)) }
        }
        if !draft.participants.isEmpty {
            let list = draft.participants.map { p in
                "\(p.label) = \(p.role.rawValue)" + (p.name.map { " (\($0))" } ?? "")
            }
            fields.append(("Participants", list.joined(separator: "; ")))
        }
        return fields
    }

    /// Encounter ids made unique (`visit-1`, `visit-2`) as the plain-text parser does.
    static func disambiguated(_ drafts: [EncounterDraft]) -> [EncounterDraft] {
        var counts: [String: Int] = [:]
        for draft in drafts { counts[draft.id, default: 0] += 1 }
        var seen: [String: Int] = [:]
        return drafts.map { draft in
            guard counts[draft.id, default: 0] > 1 else { return draft }
            var copy = draft
            seen[draft.id, default: 0] += 1
            copy.id = "\(draft.id)-\(seen[draft.id, default: 1])"
            return copy
        }
    }
}
