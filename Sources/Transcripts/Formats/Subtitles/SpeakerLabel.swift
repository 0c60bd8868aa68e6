/// Writes a subtitle speaker's name (a voice tag or a meeting tool's display name) as a label the
/// plain-text conventions read as a speaker: letters, digits and `.'-&_` only, at most four
/// capitalised words and 40 bytes, starting with a letter. `Olivia Grant` stays as it is;
/// `olivia.grant@example.org (Host)` becomes `Olivia.grant Example.org Host`.
enum SpeakerLabel {
    /// The label for `name`, or nil when nothing of it can be kept.
    static func label(for name: String) -> String? {
        // A name the plain-text reader takes apart itself (`Amira Hussain (she/her)`,
        // `Jo Bennett - Health Visitor`) goes through as written, so its role is kept.
        if let decorated = SpeakerName.parse(name), !decorated.isPlain, decorated.timestamp == nil,
           !name.contains(":") { return name.trimmingASCIISpaces() }
        var bytes = Array(name.utf8).map { Bytes.isLabelByte($0) ? $0 : 32 }
        bytes = bytes.split(separator: 32).prefix(4).map { word -> [UInt8] in
            var word = Array(word)
            if let first = word.first, (97...122).contains(first) { word[0] = first - 32 }
            return word
        }.joined(separator: [32]).map { $0 }
        while bytes.count > 40 {
            guard let space = bytes.lastIndex(of: 32) else {
                bytes = Array(bytes.prefix(40))
                while let last = bytes.last, last & 0xC0 == 0x80 || last >= 0xC0 { bytes.removeLast() }
                break
            }
            bytes = Array(bytes[..<space])
        }
        guard let first = bytes.first else { return nil }
        var label = String(decoding: bytes, as: UTF8.self)
        let startsWithLetter = Bytes.isLetter(first) || label.unicodeScalars.first.map { $0.properties.isAlphabetic } == true
        if !startsWithLetter || PlainTextParser.Scanner.notLabels.contains(label.lowercased()) {
            label = "Speaker " + label
            if label.split(separator: " ").count > 4 || label.utf8.count > 40 { return nil }
        }
        return label
    }
}
