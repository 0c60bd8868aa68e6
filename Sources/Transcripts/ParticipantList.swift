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
        if value.utf8.allSatisfy({ $0 < 0x80 }) { return parseASCII(Array(value.utf8)) }
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

    /// `parse` for ASCII text, on its bytes (where characters are bytes, so the result is the same).
    static func parseASCII(_ bytes: [UInt8]) -> [Entry] {
        func text(_ range: Range<Int>) -> String {
            String(decoding: bytes[Bytes.trimmingSpaces(range, in: bytes)], as: UTF8.self)
        }
        var entries: [Entry] = []
        var partStart = 0
        for partEnd in bytes.indices where bytes[partEnd] == 59 || partEnd == bytes.count - 1 {
            let end = bytes[partEnd] == 59 ? partEnd : partEnd + 1
            defer { partStart = partEnd + 1 }
            let part = partStart..<end
            guard part.contains(where: { bytes[$0] != 32 && bytes[$0] != 9 }) else { continue }
            var label = text(part), roleText = "", name: String?
            var roleRange = part.upperBound..<part.upperBound
            if let eq = part.first(where: { bytes[$0] == 61 }) {
                label = text(part.lowerBound..<eq)
                roleRange = (eq + 1)..<part.upperBound
                roleText = text(roleRange)
            }
            if let open = roleRange.first(where: { bytes[$0] == 40 }), let close = roleRange.last(where: { bytes[$0] == 41 }), open < close {
                name = text((open + 1)..<close)
                roleText = text(roleRange.lowerBound..<open)
            }
            let role = Role(describing: roleText) ?? Role(defaultForLabel: label)
            entries.append(Entry(participant: Participant(label: label, role: role ?? .unknown, name: name?.isEmpty == true ? nil : name),
                                 unknownRole: role == nil ? roleText : nil))
        }
        return entries
    }
}
