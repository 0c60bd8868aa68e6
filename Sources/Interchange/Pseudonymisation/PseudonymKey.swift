import Transcripts

/// Which participant name becomes which pseudonym: role-based (`Worker 1`, `Parent 2`, `Child 1`),
/// numbered per role in order of first appearance in the participant lists across the corpus,
/// so the same person gets the same pseudonym in every transcript and every export.
///
/// Names come from `Participant.name` and from speaker labels that are names (`Dean`, not `SW`,
/// `Mum` or `P3`); the parts of a name of several words (`Olivia` and `Grant` of `Olivia Grant`)
/// map to the same pseudonym, titles (`Dr`, `Mrs`) excepted.
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

    /// The key for the participants of `transcripts`, in their order.
    public init(transcripts: [Transcript]) {
        var counters: [String: Int] = [:]
        for transcript in transcripts {
            for encounter in transcript.encounters {
                for participant in encounter.participants {
                    let names = Self.names(of: participant)
                    guard !names.isEmpty else { continue }
                    let pseudonym: String
                    if let known = names.first(where: { byName[$0] != nil }).flatMap({ byName[$0] }) {
                        pseudonym = known
                    } else {
                        let word = Self.word(for: participant.role)
                        counters[word, default: 0] += 1
                        pseudonym = "\(word) \(counters[word, default: 1])"
                    }
                    for name in names + names.flatMap(Self.parts) where byName[name] == nil {
                        byName[name] = pseudonym
                        entries.append(Entry(name: name, pseudonym: pseudonym, role: participant.role))
                    }
                }
            }
        }
    }

    /// The pseudonym for exactly this name (as written in a participant list), if it has one.
    public func pseudonym(for name: String) -> String? {
        byName[name]
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
        guard !label.isEmpty else { return false }
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
