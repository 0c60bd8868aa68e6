/// Counts words the way researchers report them: whitespace-separated tokens that contain a
/// letter or digit, skipping bracketed notes and timestamps.
enum WordCounter {
    /// Counts the words of `content` (a slice of the text's UTF-8 bytes, indices into the whole
    /// text), outside the `excluded` byte ranges (same indices, in order). Reads the bytes in
    /// place: no copy per segment.
    static func count(_ content: ArraySlice<UInt8>, excluding excluded: [Range<Int>]) -> Int {
        content.withUnsafeBufferPointer { buffer in
            let base = content.startIndex
            var ranges = excluded
            for k in ranges.indices { ranges[k] = (ranges[k].lowerBound - base)..<(ranges[k].upperBound - base) }
            return count(buffer, excluding: ranges)
        }
    }

    static func count(_ bytes: UnsafeBufferPointer<UInt8>, excluding ranges: [Range<Int>]) -> Int {
        var words = 0
        var i = 0
        var excludedIndex = 0
        let n = bytes.count
        while i < n {
            if excludedIndex < ranges.count, i >= ranges[excludedIndex].lowerBound {
                i = max(i, ranges[excludedIndex].upperBound)
                excludedIndex += 1
                continue
            }
            let b = bytes[i]
            if b == 32 || b == 10 || b == 9 { i += 1; continue }
            if b >= 0x80 || b < 32, Bytes.isSpace(bytes, at: i) { i += Bytes.scalarLength(b); continue }
            let start = i
            var hasWordCharacter = false
            let limit = excludedIndex < ranges.count ? ranges[excludedIndex].lowerBound : n
            while i < limit {
                let b = bytes[i]
                if b < 0x80 {
                    if b == 32 || b == 10 || b == 9 || b == 11 || b == 12 { break }
                    if Bytes.isLetter(b) || Bytes.isDigit(b) { hasWordCharacter = true }
                    i += 1
                } else {
                    if Bytes.isSpace(bytes, at: i) { break }
                    let length = min(Bytes.scalarLength(b), n - i)
                    if !hasWordCharacter, isWordScalar(UnsafeBufferPointer(rebasing: bytes[i..<(i + length)])) {
                        hasWordCharacter = true
                    }
                    i += length
                }
            }
            if hasWordCharacter && !Timestamp.isToken(bytes, start..<i) { words += 1 }
        }
        return words
    }

    /// Whether the scalar these bytes encode is a letter or a number (as `Unicode.Scalar.Properties`
    /// says); the bytes are decoded as `String(decoding:as:)` would, invalid ones as U+FFFD.
    static func isWordScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
