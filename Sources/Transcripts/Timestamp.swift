/// Recognises transcript timestamps at a position: `[00:14:32]`, `(14:32)`, `00:14:32`,
/// `00:14:32.250`, `[1:02:03,5]`.
enum Timestamp {
    struct Match {
        var text: String
        var end: Int
    }

    /// The timestamp starting at byte `i` (brackets included in the match, not in `text`), or nil.
    static func match(_ bytes: [UInt8], at start: Int, end: Int) -> Match? {
        var i = start
        var close: UInt8?
        if i < end, bytes[i] == 91 { close = 93; i += 1 } else if i < end, bytes[i] == 40 { close = 41; i += 1 }
        let inner = i
        guard let afterTime = clock(bytes, at: i, end: end) else { return nil }
        i = afterTime
        let text = Bytes.string(bytes[inner..<i])
        if let close {
            guard i < end, bytes[i] == close else { return nil }
            i += 1
        } else {
            // A bare time must be followed by a space: `00:14:32 SW:`.
            guard i < end, bytes[i] == 32 || bytes[i] == 9 else { return nil }
        }
        return Match(text: text, end: i)
    }

    /// `h:mm`, `hh:mm:ss` with an optional fraction; returns the index after it.
    static func clock(_ bytes: [UInt8], at start: Int, end: Int) -> Int? {
        var i = start
        var groups = 0
        while true {
            let groupStart = i
            while i < end, Bytes.isDigit(bytes[i]), i - groupStart < 2 { i += 1 }
            let length = i - groupStart
            guard length >= 1, groups == 0 || length == 2 else { return nil }
            groups += 1
            if i < end, bytes[i] == 58, i + 1 < end, Bytes.isDigit(bytes[i + 1]) { i += 1; continue }
            break
        }
        guard groups >= 2 && groups <= 3 else { return nil }
        if i + 1 < end, bytes[i] == 46 || bytes[i] == 44, Bytes.isDigit(bytes[i + 1]) {
            i += 1
            while i < end, Bytes.isDigit(bytes[i]) { i += 1 }
        }
        return i
    }

    /// `isToken` for `bytes[range]`, rejecting at the first bytes what cannot be a time (almost every
    /// word) before looking further.
    static func isToken(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        var first = bytes[range.lowerBound]
        if first == 91 || first == 40 {
            guard range.count > 1 else { return false }
            first = bytes[range.lowerBound + 1]
        }
        guard Bytes.isDigit(first) else { return false }
        return isToken(UnsafeBufferPointer(rebasing: bytes[range]))
    }

    /// True for a whitespace-free token that is only a timestamp, so word counts can skip it.
    static func isToken<C: Collection>(_ token: C) -> Bool where C.Element == UInt8, C.Index == Int {
        let bytes = Array(token)
        guard let first = bytes.first else { return false }
        var start = 0, end = bytes.count
        if first == 91 || first == 40 { start = 1 }
        if let last = bytes.last, last == 93 || last == 41 { end -= 1 }
        guard let after = clock(bytes, at: start, end: end) else { return false }
        return after == end
    }
}
