/// Words of a passage as hashed unigram and bigram features, read over UTF-8 bytes: ASCII letters
/// and digits lowercased, apostrophes (straight or curly) inside words kept, any other non-ASCII
/// byte part of a word, everything else a separator.
struct WordHashes {
    /// The words in order, lowercased bytes.
    var words: [[UInt8]]

    init(_ text: String) {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        var text = text
        text.withUTF8 { bytes in
            Self.scan(bytes, byte: { current.append($0) }, end: {
                words.append(current)
                current.removeAll(keepingCapacity: true)
            })
        }
        self.words = words
    }

    /// Walks the words of `bytes` as the model reads them, calling `byte` with each byte of a word
    /// (lowercased; a curly apostrophe as `'`) and `end` after each word. Apostrophes after a
    /// word's last letter are not part of it: they are passed on only when a letter follows.
    @inline(__always)
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, byte: (UInt8) -> Void, end: () -> Void) {
        var inWord = false
        var apostrophes = 0
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]
            if b == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                if inWord { apostrophes += 1 }
                i += 3
                continue
            }
            var letter = b
            switch b {
            case 0x41...0x5A: letter = b + 32
            case 0x61...0x7A, 0x30...0x39, 0x80...0xFF: break
            case 0x27 where inWord:
                apostrophes += 1
                i += 1
                continue
            default:
                if inWord { end() }
                inWord = false
                apostrophes = 0
                i += 1
                continue
            }
            while apostrophes > 0 {
                byte(0x27)
                apostrophes -= 1
            }
            byte(letter)
            inWord = true
            i += 1
        }
        if inWord { end() }
    }

    /// Every n-gram key of `text` in order, repeats included: each word's unigram, then its bigram
    /// with the word before (FNV-1a as `FeatureKey.hash`, computed while the bytes go by).
    @inline(__always)
    static func eachKey(_ text: String, _ body: (UInt64) -> Void) {
        let uniStart = (FeatureKey.offset ^ 0x75) &* FeatureKey.prime
        let biStart = (FeatureKey.offset ^ 0x62) &* FeatureKey.prime
        var uni = uniStart
        var asFirst = biStart
        var bi: UInt64 = 0
        var previous: UInt64? = nil
        var started = false
        var text = text
        text.withUTF8 { bytes in
            scan(bytes, byte: { b in
                if !started {
                    started = true
                    uni = uniStart
                    asFirst = biStart
                    if let previous { bi = (previous ^ 0x20) &* FeatureKey.prime }
                }
                let x = UInt64(b)
                uni = (uni ^ x) &* FeatureKey.prime
                asFirst = (asFirst ^ x) &* FeatureKey.prime
                bi = (bi ^ x) &* FeatureKey.prime
            }, end: {
                body(uni)
                if previous != nil { body(bi) }
                previous = asFirst
                started = false
            })
        }
    }

    /// Distinct n-gram keys of `text` (unigrams and bigrams) in order of first occurrence.
    static func ngramKeys(_ text: String) -> [UInt64] {
        var seen: Set<UInt64> = []
        var out: [UInt64] = []
        eachKey(text) { if seen.insert($0).inserted { out.append($0) } }
        return out
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
}
