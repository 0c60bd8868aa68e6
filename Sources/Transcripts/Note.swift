/// A bracketed transcriber's note inside a segment (`[laughs]`, `(pause)`, `[inaudible 00:12:03]`):
/// kept with its range so exports can mark it up, and excluded from word counts.
public struct Note: Hashable, Codable, Sendable {
    /// What the note records, so exports can choose TEI's `pause`, `vocal`, `kinesic`, `gap` or `incident`.
    public enum Kind: String, Codable, Sendable {
        case pause, vocal, kinesic, inaudible, incident, comment
    }

    public var kind: Kind
    /// The note's content without its brackets.
    public var text: String
    /// Code-point range of the whole note, brackets included, in the transcript's normalised text.
    public var start: Int
    public var end: Int

    public init(kind: Kind, text: String, start: Int, end: Int) {
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
    }

    /// Classifies a note's content by its first word (`laughs` → vocal, `nods` → kinesic).
    public static func kind(of content: String) -> Kind {
        let first = content.lowercased().split(whereSeparator: { !$0.isLetter }).first.map(String.init) ?? ""
        if first.hasPrefix("pause") || first == "silence" || first == "long" || first == "short" { return .pause }
        if first.hasPrefix("inaudible") || first == "unclear" || first == "indistinct" || first == "crosstalk" { return .inaudible }
        if vocalWords.contains(first) { return .vocal }
        if kinesicWords.contains(first) { return .kinesic }
        if incidentWords.contains(first) { return .incident }
        return .comment
    }

    static let vocalWords: Set<String> = [
        "laughs", "laughing", "laughter", "laugh", "sighs", "sigh", "sighing", "cries", "crying", "sobs",
        "sobbing", "coughs", "cough", "shouts", "shouting", "shouted", "whispers", "whispering", "tuts",
        "groans", "mutters", "muttering", "sniffs", "raised", "voice", "yells", "screams", "chuckles",
    ]
    static let kinesicWords: Set<String> = [
        "nods", "nodding", "shrugs", "shrugging", "gestures", "points", "pointing", "smiles", "smiling",
        "frowns", "looks", "stands", "sits", "leans", "turns", "waves", "shakes", "folds", "rolls",
    ]
    static let incidentWords: Set<String> = [
        "door", "phone", "doorbell", "dog", "baby", "knock", "knocking", "tv", "television", "noise",
        "interruption", "interrupted", "music", "bangs", "bang", "slams", "crash", "alarm",
    ]
}
