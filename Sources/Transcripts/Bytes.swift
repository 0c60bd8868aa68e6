/// Byte-level helpers for scanning UTF-8 text without going through `Character`.
enum Bytes {
    /// Length of the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte).
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    @inline(__always)
    static func isLetter(_ b: UInt8) -> Bool {
        (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    /// Space, tab, or the no-break and zero-width spaces text pasted from the web carries.
    @inline(__always)
    static func isSpace<C: RandomAccessCollection>(_ bytes: C, at i: Int) -> Bool where C.Element == UInt8, C.Index == Int {
        let b = bytes[i]
        if b == 32 || b == 9 || b == 10 || b == 11 || b == 12 { return true }
        if b == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] == 0xA0 { return true }
        if b == 0xE2, i + 2 < bytes.endIndex, bytes[i + 1] == 0x80,
           (0x80...0x8B).contains(bytes[i + 2]) || bytes[i + 2] == 0xAF { return true }
        if b == 0xE3, i + 2 < bytes.endIndex, bytes[i + 1] == 0x80, bytes[i + 2] == 0x80 { return true }
        return false
    }

    /// `range` without the spaces and tabs at either end (ASCII only, as `trimmingASCIISpaces`).
    @inline(__always)
    static func trimmingSpaces<C: RandomAccessCollection>(_ range: Range<Int>, in bytes: C) -> Range<Int>
    where C.Element == UInt8, C.Index == Int {
        var start = range.lowerBound, end = range.upperBound
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        return start..<end
    }

    /// Bytes allowed in a speaker label or header key: letters, digits, space, `.'-&()`, and
    /// any non-ASCII byte (accented names, emoji).
    @inline(__always)
    static func isLabelByte(_ b: UInt8) -> Bool {
        isLetter(b) || isDigit(b) || b == 32 || b == 46 || b == 39 || b == 45 || b == 38 || b == 95 || b >= 0x80
    }

    static func string<C: Collection>(_ slice: C) -> String where C.Element == UInt8 {
        String(decoding: slice, as: UTF8.self)
    }
}
