/// The header syntax for who takes part, `SW = worker (Olivia); Mum = client (Roberta)`, shared by
/// the `Participants:` header line and the case sheet's `participants` column.
enum ParticipantList {
    /// One entry: the participant (role `.unknown` when the text names no known role) and the
    /// role text that was not understood, if any.
    struct Entry {
        var participant: Participant
        var unknownRole: String?
    }

    static func parse(_ value: String) -> [Entry] {
        var entries: [Entry] = []
        for part in value.split(separator: ";") {
            let entry = String(part).trimmingASCIISpaces()
            guard !entry.isEmpty else { continue }
            var label = entry, roleText = "", name: String?
            if let eq = entry.firstIndex(of: "=") {
                label = String(entry[..<eq]).trimmingASCIISpaces()
                roleText = String(entry[entry.index(after: eq)...]).trimmingASCIISpaces()
            }
            if let open = roleText.firstIndex(of: "("), let close = roleText.lastIndex(of: ")"), open < close {
                name = String(roleText[roleText.index(after: open)..<close]).trimmingASCIISpaces()
                roleText = String(roleText[..<open]).trimmingASCIISpaces()
            }
            let role = Role(describing: roleText) ?? Role(defaultForLabel: label)
            entries.append(Entry(participant: Participant(label: label, role: role ?? .unknown, name: name?.isEmpty == true ? nil : name),
                                 unknownRole: role == nil ? roleText : nil))
        }
        return entries
    }
}
