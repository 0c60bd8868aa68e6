/// Counts words the way researchers report them: whitespace-separated tokens that contain a
/// letter or digit, skipping bracketed notes and timestamps.
enum WordCounter {
    static func count(_ content: ArraySlice<UInt8>, excluding excluded: [Range<Int>]) -> Int {
        let bytes = Array(content)
        let base = content.startIndex
        var words = 0
        var i = 0
        var excludedIndex = 0
        let ranges = excluded.map { ($0.lowerBound - base)..<($0.upperBound - base) }
        while i < bytes.count {
            if excludedIndex < ranges.count, i >= ranges[excludedIndex].lowerBound {
                i = max(i, ranges[excludedIndex].upperBound)
                excludedIndex += 1
                continue
            }
            if Bytes.isSpace(bytes, at: i) { i += Bytes.scalarLength(bytes[i]); continue }
            let start = i
            var hasWordCharacter = false
            let limit = excludedIndex < ranges.count ? ranges[excludedIndex].lowerBound : bytes.count
            while i < limit, !Bytes.isSpace(bytes, at: i) {
                let b = bytes[i]
                if b < 0x80 {
                    if Bytes.isLetter(b) || Bytes.isDigit(b) { hasWordCharacter = true }
                    i += 1
                } else {
                    let length = min(Bytes.scalarLength(b), bytes.count - i)
                    if !hasWordCharacter, let scalar = String(decoding: bytes[i..<(i + length)], as: UTF8.self).unicodeScalars.first,
                       scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                        hasWordCharacter = true
                    }
                    i += length
                }
            }
            if hasWordCharacter && !Timestamp.isToken(bytes[start..<i]) { words += 1 }
        }
        return words
    }
}
