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
        if let plain = plainASCII(raw) { return plain.label.isEmpty ? nil : plain }
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
            guard let range = Self.range(of: separator, in: text) else { continue }
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

    /// The common case read from the bytes alone: ASCII text with nothing to take apart (no
    /// trailing parenthesis or bracket, no ` - ` or `, `). Nil when the general reading is needed;
    /// otherwise what `parse` returns, a name with an empty label standing for "not a label".
    static func plainASCII(_ raw: String) -> SpeakerName? {
        var raw = raw
        return raw.withUTF8 { u -> SpeakerName? in
            let trimmed = Bytes.trimmingSpaces(0..<u.count, in: u)
            let start = trimmed.lowerBound, end = trimmed.upperBound
            guard end > start, u[end - 1] != 41, u[end - 1] != 93 else { return nil }
            for k in start..<end {
                let b = u[k]
                if b >= 0x80 { return nil }
                if b == 44, k + 1 < end, u[k + 1] == 32 { return nil }
                if b == 32, k + 2 < end, u[k + 1] == 45, u[k + 2] == 32 { return nil }
            }
            let text = UnsafeBufferPointer(rebasing: u[start..<end])
            let label = LabelShape.isLabel(text) ? String(decoding: text, as: UTF8.self) : ""
            return SpeakerName(label: label, role: nil, roleText: nil, timestamp: nil, droppedAnnotation: false)
        }
    }

    /// The first occurrence of `separator` in `text`: a byte search when both are ASCII (where it
    /// is what Foundation's search finds), Foundation's `range(of:)` otherwise.
    static func range(of separator: String, in text: String) -> Range<String.Index>? {
        let needle = Array(separator.utf8)
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.range(of: separator) }
        guard needle.allSatisfy({ $0 < 0x80 }) else { return nil }
        let haystack = text.utf8
        var i = haystack.startIndex
        while i != haystack.endIndex {
            var k = i, matched = 0
            while matched < needle.count, k != haystack.endIndex, haystack[k] == needle[matched] {
                matched += 1
                k = haystack.index(after: k)
            }
            if matched == needle.count { return i..<k }
            i = haystack.index(after: i)
        }
        return nil
    }

    /// True for a device or room name a meeting tool shows (`iPhone`, `Meeting Room 2`).
    static func isDevice(_ label: String) -> Bool {
        let key = label.lowercased()
        return devicePrefixes.contains { key.hasPrefix($0) }
    }
}
