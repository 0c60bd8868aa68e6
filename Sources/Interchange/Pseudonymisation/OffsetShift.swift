/// Maps code-point offsets in a text to offsets in the same text after some stretches were
/// replaced by others of different length: positions between replacements move by the length
/// the replacements before them added; a position inside a replaced stretch moves to the
/// replacement's start (for a range's start) or end (for a range's end).
struct OffsetShift {
    private let matches: [NameMatcher.Match]
    /// `before[k]`: total length change of the replacements before replacement `k`.
    private let before: [Int]

    init(_ matches: [NameMatcher.Match]) {
        self.matches = matches
        var total = 0
        var before: [Int] = []
        for match in matches {
            before.append(total)
            total += match.replacement.unicodeScalars.count - (match.end - match.start)
        }
        before.append(total)
        self.before = before
    }

    /// The new offset of `position`.
    func map(_ position: Int, isEnd: Bool) -> Int {
        // First replacement that ends after `position`.
        var low = 0, high = matches.count
        while low < high {
            let mid = (low + high) / 2
            if matches[mid].end <= position { low = mid + 1 } else { high = mid }
        }
        let delta = before[low]
        guard low < matches.count, matches[low].start < position else { return position + delta }
        let newStart = matches[low].start + delta
        return isEnd ? newStart + matches[low].replacement.unicodeScalars.count : newStart
    }
}
