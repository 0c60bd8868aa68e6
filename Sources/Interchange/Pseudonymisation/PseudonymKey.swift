import Transcripts

/// Which participant name becomes which pseudonym: role-based (`Worker 1`, `Parent 2`, `Child 1`),
/// numbered per role in order of first appearance in the participant lists across the corpus,
/// so the same person gets the same pseudonym in every transcript and every export.
///
/// Names come from a names list given first (`--names FILE`: fixed pseudonyms from an earlier key,
/// or extra names), `Participant.name`, speaker labels that are names (`Dean`, not `SW`, `Mum` or
/// `P3`) and display names of video calls written into the text (`Jo Bennett - Health Visitor:`,
/// `Worker 1 Hussain (she/her):`). The parts of a name of several words (`Olivia` and `Grant` of
/// `Olivia Grant`) map to the same pseudonym, titles (`Dr`, `Mrs`) excepted. Names are compared
/// without case or accents, so `Zoe` is `Zoë`; people with a known role are numbered before
/// those without, so a mother named as a speaker elsewhere is still `Parent N`.
public struct PseudonymKey: Sendable, Equatable {
    /// One name and its pseudonym.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var pseudonym: String
        public var role: Role
    }

    /// Every name, in order of first appearance.
    public private(set) var entries: [Entry] = []
    private var byName: [String: String] = [:]

    /// The key for the participants of `transcripts`, in their order, after the names of `list`.
    public init(transcripts: [Transcript], list: [NameList.Entry] = []) {
        var counters: [String: Int] = [:]
        var byName: [String: String] = [:]
        var entries: [Entry] = []
        func add(_ names: [String], role: Role, fixed: String? = nil) {
            guard !names.isEmpty else { return }
            let pseudonym: String
            if let fixed {
                pseudonym = fixed
                // Numbering of new people goes on after the fixed pseudonyms (`Parent 3` → next `Parent 4`).
                let words = fixed.split(separator: " ")
                if words.count == 2, let number = Int(words[1]) {
                    counters[String(words[0]), default: 0] = max(counters[String(words[0]), default: 0], number)
                }
            } else if let known = names.lazy.compactMap({ byName[NameFolding.key($0)] }).first {
                pseudonym = known
            } else {
                let word = Self.word(for: role)
                counters[word, default: 0] += 1
                pseudonym = "\(word) \(counters[word, default: 1])"
            }
            for name in names + names.flatMap(Self.parts) where byName[NameFolding.key(name)] == nil {
                byName[NameFolding.key(name)] = pseudonym
                entries.append(Entry(name: name, pseudonym: pseudonym, role: role))
            }
        }
        for entry in list where entry.pseudonym != nil { add([entry.name], role: .unknown, fixed: entry.pseudonym) }
        var people: [(names: [String], role: Role)] = []
        for transcript in transcripts {
            for encounter in transcript.encounters {
                for participant in encounter.participants { people.append((Self.names(of: participant), participant.role)) }
            }
            // Display names are looked for at line starts and at segment starts (a subtitle cue's
            // text may follow a label the reader gave it).
            let segments = transcript.encounters.flatMap(\.segments).map(\.text)
            for display in DisplayName.found(in: ([transcript.text] + segments).joined(separator: "\n")) {
                people.append(([display.name], display.role))
            }
        }
        for person in people where person.role != .unknown { add(person.names, role: person.role) }
        for person in people where person.role == .unknown { add(person.names, role: .unknown) }
        for entry in list where entry.pseudonym == nil { add([entry.name], role: .unknown) }
        self.byName = byName
        self.entries = entries
    }

    /// The pseudonym for this name (any case, with or without accents), if it has one.
    public func pseudonym(for name: String) -> String? {
        byName[NameFolding.key(name)]
    }

    /// The key as CSV (`name,pseudonym`, RFC 4180), to keep apart from the pseudonymised data.
    public var csv: String {
        var writer = CSVWriter(header: ["name", "pseudonym"])
        for entry in entries { writer.row([entry.name, entry.pseudonym]) }
        return writer.text
    }

    /// The word a role's pseudonyms start with.
    static func word(for role: Role) -> String {
        switch role {
        case .worker: "Worker"
        case .client: "Parent"
        case .child: "Child"
        case .researcher: "Researcher"
        case .professional: "Professional"
        case .unknown: "Person"
        }
    }

    /// The participant's name and, when it is a name, its label.
    static func names(of participant: Participant) -> [String] {
        var names: [String] = []
        if let name = participant.name?.trimmingSpaces(), !name.isEmpty { names.append(name) }
        let label = participant.label.trimmingSpaces()
        if !names.contains(label), labelIsName(label, of: participant) { names.append(label) }
        return names
    }

    /// True for a label that names someone: the participant's name, or a capitalised word (or
    /// words) of letters that is no role or role abbreviation (`Dean`, `Dr Khan`; not `SW`,
    /// `Mum`, `Int`, `P3`, `Chair`).
    static func labelIsName(_ label: String, of participant: Participant) -> Bool {
        guard !label.isEmpty, !genericLabels.contains(label.lowercased()) else { return false }
        if let name = participant.name, name.lowercased() == label.lowercased() { return true }
        guard Role(defaultForLabel: label) == nil, Role(describing: label) == nil,
              let first = label.unicodeScalars.first, first.properties.isUppercase else { return false }
        return label.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || " -'’.".unicodeScalars.contains($0) }
            && label.unicodeScalars.contains { $0.properties.isLowercase }
    }

    /// The words of a name of several words that could name the person on their own.
    static func parts(of name: String) -> [String] {
        let words = name.split(whereSeparator: { $0 == " " }).map(String.init)
        guard words.count > 1 else { return [] }
        return words.filter { word in
            word.count >= 2 && word.first?.isUppercase == true && !titles.contains(word.lowercased().trimmingDots())
        }
    }

    /// Labels transcription tools give unnamed voices: not names.
    static let genericLabels: Set<String> = ["speaker", "unknown", "everyone", "all", "other", "others", "group", "audience"]

    static let titles: Set<String> = ["dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame", "nurse", "pc", "dc", "sgt"]
}

extension String {
    /// Without trailing full stops (`Dr.` → `Dr`).
    fileprivate func trimmingDots() -> String {
        var text = self
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
