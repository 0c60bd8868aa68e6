/// A speaker as transcription services and meeting tools write one before what was said, taken
/// apart: `Amira Hussain (she/her)` (pronouns), `Jo Bennett - Health Visitor` (a role),
/// `Speaker 1 (00:00:02)` (a time), `[Amira Hussain]`, `iPhone`, `amira`. The label keeps the
/// name alone, so each person is one speaker however the tool decorated the name.
struct SpeakerName: Equatable {
    /// The name, as a label the plain-text conventions read (1 to 4 words, at most 40 bytes).
    var label: String
    /// The role a ` - Role` or `(Role)` suffix names, when it is one Rapport knows.
    var role: Role?
    /// The role text as written (`Health Visitor`), known or not.
    var roleText: String?
    /// A time written with the name (`00:00:02`).
    var timestamp: String?
    /// Whether pronouns or another parenthetical were left out of the label.
    var droppedAnnotation: Bool

    /// True when the label is the text as written: nothing taken apart.
    var isPlain: Bool { role == nil && roleText == nil && timestamp == nil && !droppedAnnotation }

    /// Names of devices and rooms that meeting tools show instead of a person (`iPhone`, `Galaxy S21`).
    static let devicePrefixes = ["iphone", "ipad", "android", "galaxy", "pixel", "samsung", "huawei", "macbook",
                                 "zoom user", "meeting room", "conference room", "room "]

    /// Takes `raw` (the text before a colon, or a whole speaker line without its time) apart;
    /// nil when what is left is not label-shaped.
    static func parse(_ raw: String) -> SpeakerName? {
        var text = raw.trimmingASCIISpaces()
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()).trimmingASCIISpaces() }
        var result = SpeakerName(label: "", role: nil, roleText: nil, timestamp: nil, droppedAnnotation: false)
        // Trailing parentheticals: a time, a role, pronouns or a tool's note such as `(Host)`.
        for _ in 0..<2 {
            guard let close = text.last, close == ")" || close == "]",
                  let open = text.lastIndex(of: close == ")" ? "(" : "["), open != text.startIndex else { break }
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmingASCIISpaces()
            guard inner.utf8.count <= 40 else { break }
            if Timestamp.isToken(Array(inner.utf8)) {
                result.timestamp = inner
            } else if let role = Role(describing: inner) {
                result.role = role
                result.roleText = inner
            } else {
                result.droppedAnnotation = true
            }
            text = String(text[..<open]).trimmingASCIISpaces()
        }
        // `Name - Role`, `Name – Role`, `Name, Role`.
        for separator in [" - ", " – ", " — ", ", "] {
            guard let range = text.range(of: separator) else { continue }
            let roleText = String(text[range.upperBound...]).trimmingASCIISpaces()
            let name = String(text[..<range.lowerBound]).trimmingASCIISpaces()
            guard !roleText.isEmpty, !name.isEmpty else { continue }
            result.roleText = roleText
            result.role = Role(describing: roleText) ?? result.role
            text = name
            break
        }
        guard LabelShape.isLabel(Array(text.utf8)[...]) else { return nil }
        result.label = text
        return result
    }

    /// True for a device or room name a meeting tool shows (`iPhone`, `Meeting Room 2`).
    static func isDevice(_ label: String) -> Bool {
        let key = label.lowercased()
        return devicePrefixes.contains { key.hasPrefix($0) }
    }
}
