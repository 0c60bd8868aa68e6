import Transcripts

/// Replaces participants' names with their pseudonyms (see `PseudonymKey`) everywhere in a
/// transcript: its text, speaker labels, participant lists and metadata, whole words only.
/// The text is rebuilt and every range (segments, notes) recomputed, so coding and exports of
/// the result are exact; word counts change by the words a pseudonym adds (`Kerry` → `Parent 1`).
public struct Pseudonymiser: Sendable {
    public let key: PseudonymKey
    private let matcher: NameMatcher

    public init(key: PseudonymKey) {
        self.key = key
        matcher = NameMatcher(key.entries.map { ($0.name, $0.pseudonym) })
    }

    /// A pseudonymiser with the key of `transcripts`' participants, after the names of `list`.
    public init(transcripts: [Transcript], list: [NameList.Entry] = []) {
        self.init(key: PseudonymKey(transcripts: transcripts, list: list))
    }

    /// The transcript under a name that says nothing (`transcript-007.txt`, numbered from 1 in
    /// input order), since file and folder names often name a family; an encounter named after
    /// the file is renamed with it.
    public static func renamingSource(_ transcript: Transcript, number: Int) -> Transcript {
        let file = transcript.path.split(separator: "/").last.map(String.init) ?? transcript.path
        let dot = file.lastIndex(of: ".")
        let base = dot.map { String(file[..<$0]) } ?? file
        let ext = dot.map { String(file[$0...]) } ?? ""
        let digits = String(number)
        let name = "transcript-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
        var copy = transcript
        copy.path = name + ext
        copy.encounters = transcript.encounters.map { encounter in
            var e = encounter
            if e.id == base { e.id = name }
            return e
        }
        return copy
    }

    /// `text` with every name replaced by its pseudonym.
    public func replacing(in text: String) -> String {
        matcher.replacing(in: text)
    }

    /// The transcript with names replaced and ranges recomputed.
    public func apply(_ transcript: Transcript) -> Transcript {
        let scalars = Array(transcript.text.unicodeScalars)
        let matches = matcher.matches(in: scalars)
                let shift = OffsetShift(matches)
        var text = String.UnicodeScalarView()
        var position = 0
        for match in matches {
            text.append(contentsOf: scalars[position..<match.start])
            text.append(contentsOf: match.replacement.unicodeScalars)
            position = match.end
        }
        text.append(contentsOf: scalars[position...])
        let newScalars = Array(text)

        var result = transcript
        result.text = String(text)
        result.warnings = transcript.warnings.map { warning in
            var copy = warning
            copy.message = replacing(in: warning.message)
            return copy
        }
        result.encounters = transcript.encounters.map { encounter in
            var copy = encounter
            copy.id = replacing(in: encounter.id)
            copy.caseID = encounter.caseID.map(replacing)
            copy.setting = encounter.setting.map(replacing)
            copy.kind = encounter.kind.map(replacing)
            copy.metadata = encounter.metadata.mapValues(replacing)
            copy.participants = encounter.participants.map { participant in
                Participant(label: key.pseudonym(for: participant.label) ?? replacing(in: participant.label), role: participant.role,
                            name: participant.name.map { key.pseudonym(for: $0) ?? replacing(in: $0) })
            }
            copy.segments = encounter.segments.map { segment($0, shift: shift, matches: matches, old: scalars, new: newScalars) }
            return copy
        }
        return result
    }

    private func segment(_ segment: Segment, shift: OffsetShift, matches: [NameMatcher.Match],
                         old: [Unicode.Scalar], new scalars: [Unicode.Scalar]) -> Segment {
        var copy = segment
        copy.start = shift.map(segment.start, isEnd: false)
        copy.end = max(copy.start, shift.map(segment.end, isEnd: true))
        copy.text = String(String.UnicodeScalarView(scalars[copy.start..<copy.end]))
        copy.speaker = segment.speaker.map { key.pseudonym(for: $0) ?? replacing(in: $0) }
        copy.notes = segment.notes.map { note in
            Note(kind: note.kind, text: replacing(in: note.text), start: shift.map(note.start, isEnd: false),
                 end: shift.map(note.end, isEnd: true))
        }
        for match in matches where match.start >= segment.start && match.end <= segment.end {
            guard !segment.notes.contains(where: { $0.start <= match.start && match.end <= $0.end }) else { continue }
            let name = String(String.UnicodeScalarView(old[match.start..<match.end]))
            copy.words += Self.words(match.replacement) - Self.words(name)
        }
        copy.words = max(0, copy.words)
        return copy
    }

    /// Space-separated pieces of a name or pseudonym.
    static func words(_ text: String) -> Int {
        text.split(whereSeparator: { $0 == " " }).count
    }
}
