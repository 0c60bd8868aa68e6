/// Whether text reads as a speaker label or header key: what the plain-text conventions accept
/// before a colon (1 to 4 words of letters, digits and `.'-&_`, starting with a letter, at most
/// 40 bytes), optionally after a timestamp. Used to spot labels in document formatting.
enum LabelShape {
    /// True when `bytes[..<end]`, leading whitespace and an optional timestamp skipped, is a label.
    static func isLabel(_ bytes: [UInt8], upTo end: Int) -> Bool {
        var i = 0
        while i < end, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
        if let stamp = Timestamp.match(bytes, at: i, end: end) {
            i = stamp.end
            while i < end, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
        }
        return isLabel(bytes[i..<end])
    }

    /// True when the whole of `label` (no colon) is label-shaped.
    static func isLabel<C: BidirectionalCollection>(_ label: C) -> Bool where C.Element == UInt8 {
        guard let first = label.first, label.count <= 40, Bytes.isLetter(first) || first >= 0x80 else { return false }
        var words = 1
        var previous: UInt8 = 0
        for b in label {
            guard Bytes.isLabelByte(b) else { return false }
            if b == 32, previous != 32 { words += 1 }
            previous = b
        }
        return words <= 4 && label.last != 32
    }

    /// The `Key` of a `Key: value` line as the plain-text header reader sees it, or nil.
    static func key(ofLine line: Substring) -> String? {
        let bytes = Array(line.utf8)
        guard let colon = bytes.firstIndex(of: 58) else { return nil }
        var start = 0
        while start < colon, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        var end = colon
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        guard end > start, end - start <= 40, Bytes.isLetter(bytes[start]),
              bytes[start..<end].allSatisfy(Bytes.isLabelByte) else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
