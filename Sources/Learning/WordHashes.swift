/// Words of a passage as hashed unigram and bigram features, read over UTF-8 bytes: ASCII letters
/// and digits lowercased, apostrophes (straight or curly) inside words kept, any other non-ASCII
/// byte part of a word, everything else a separator.
struct WordHashes {
    /// The words in order, lowercased bytes.
    var words: [[UInt8]]

    init(_ text: String) {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                if !current.isEmpty { current.append(0x27) }
                i += 3
                continue
            }
            switch b {
            case 0x41...0x5A: current.append(b + 32)
            case 0x61...0x7A, 0x30...0x39, 0x80...0xFF: current.append(b)
            case 0x27 where !current.isEmpty: current.append(b)
            default:
                Self.flush(&current, into: &words)
            }
            i += 1
        }
        Self.flush(&current, into: &words)
        self.words = words
    }

    private static func flush(_ current: inout [UInt8], into words: inout [[UInt8]]) {
        while current.last == 0x27 { current.removeLast() }
        if !current.isEmpty { words.append(current) }
        current.removeAll(keepingCapacity: true)
    }

    /// Distinct n-gram keys (unigrams and bigrams), each with the text it stands for.
    func ngrams() -> [(key: UInt64, text: String)] {
        var seen: Set<UInt64> = []
        var out: [(UInt64, String)] = []
        for (i, word) in words.enumerated() {
            let uni = FeatureKey.hash(prefix: 0x75, word)
            if seen.insert(uni).inserted { out.append((uni, String(decoding: word, as: UTF8.self))) }
            if i > 0 {
                let bi = FeatureKey.hash(prefix: 0x62, words[i - 1] + [0x20] + word)
                if seen.insert(bi).inserted {
                    out.append((bi, String(decoding: words[i - 1], as: UTF8.self) + " " + String(decoding: word, as: UTF8.self)))
                }
            }
        }
        return out
    }

    /// Distinct n-gram keys only (the hot path: no strings).
    func ngramKeys() -> [UInt64] {
        var seen: Set<UInt64> = []
        var out: [UInt64] = []
        out.reserveCapacity(words.count * 2)
        for (i, word) in words.enumerated() {
            let uni = FeatureKey.hash(prefix: 0x75, word)
            if seen.insert(uni).inserted { out.append(uni) }
            if i > 0 {
                var bi = FeatureKey.hash(prefix: 0x62, words[i - 1])
                bi = FeatureKey.continueHash(bi, [0x20])
                bi = FeatureKey.continueHash(bi, word)
                if seen.insert(bi).inserted { out.append(bi) }
            }
        }
        return out
    }
}
