/// Decides, for the annotations of one segment, which can be written inline as `<seg>` (their
/// ranges nest with each other and do not cut through a transcriber's note) and which must be
/// stand-off `<span>`s between `<anchor>`s (they overlap another, cut a note, or are empty).
///
/// Ranges are code points relative to the segment's start. Annotations are taken in order of
/// start, then longest first, so the inline ones form a properly nested family.
struct TEIInlinePlan {
    /// An annotation's index in the caller's list and its range.
    struct Item: Equatable {
        var index: Int
        var start: Int
        var end: Int
    }

    /// Inline annotations sorted by start, longest first: the order to open them in.
    private(set) var inline: [Item] = []
    /// The rest, in the caller's order.
    private(set) var standOff: [Item] = []

    init(ranges: [Range<Int>], notes: [Range<Int>]) {
        let order = ranges.indices.sorted {
            (ranges[$0].lowerBound, -ranges[$0].upperBound, $0) < (ranges[$1].lowerBound, -ranges[$1].upperBound, $1)
        }
        var standOffIndices: Set<Int> = []
        for index in order {
            let range = ranges[index]
            let item = Item(index: index, start: range.lowerBound, end: range.upperBound)
            if !range.isEmpty && notes.allSatisfy({ Self.respects(range, $0) })
                && inline.allSatisfy({ Self.nests(range, $0.start..<$0.end) }) {
                inline.append(item)
            } else {
                standOffIndices.insert(index)
            }
        }
        standOff = ranges.indices.filter(standOffIndices.contains).map {
            Item(index: $0, start: ranges[$0].lowerBound, end: ranges[$0].upperBound)
        }
    }

    /// True when `a` and `b` are disjoint or one contains the other.
    static func nests(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        a.upperBound <= b.lowerBound || b.upperBound <= a.lowerBound
            || (a.lowerBound <= b.lowerBound && b.upperBound <= a.upperBound)
            || (b.lowerBound <= a.lowerBound && a.upperBound <= b.upperBound)
    }

    /// True when `range` leaves `note` whole: outside it or around all of it.
    static func respects(_ range: Range<Int>, _ note: Range<Int>) -> Bool {
        range.upperBound <= note.lowerBound || note.upperBound <= range.lowerBound
            || (range.lowerBound <= note.lowerBound && note.upperBound <= range.upperBound)
    }
}
