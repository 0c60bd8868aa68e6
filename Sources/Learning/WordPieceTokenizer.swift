import Foundation

/// The BERT-uncased WordPiece tokenizer of all-MiniLM-L6-v2, as its tokenizer.json defines it
/// (BertNormalizer with lowercase and accent stripping, BertPreTokenizer, WordPiece with `##`
/// continuations, `[UNK]`, at most 100 characters a word), read over UTF-8 bytes with an ASCII
/// fast path. Gives the token ids without `[CLS]`/`[SEP]`. Checked against the Python
/// `tokenizers` package on Tests/Fixtures/wordpiece/tokens.tsv.
struct WordPieceTokenizer: Sendable {
    /// Token bytes (`##` removed from continuations) hashed with a prefix telling word-initial
    /// from continuation pieces, to the token id.
    private let ids: [UInt64: Int32]
    let unknown: Int32
    static let maximumCharactersPerWord = 100
    private static let initialPrefix: UInt8 = 0x77
    private static let continuationPrefix: UInt8 = 0x23

    /// A tokenizer over `vocabulary` (one token per entry, the id is the position); nil when it has
    /// no `[UNK]` or two tokens share a hash.
    init?(vocabulary: [[UInt8]]) {
        var ids: [UInt64: Int32] = [:]
        ids.reserveCapacity(vocabulary.count)
        var unknown: Int32?
        let unk = Array("[UNK]".utf8)
        for (id, token) in vocabulary.enumerated() {
            if token == unk { unknown = Int32(id) }
            let continuation = token.count > 2 && token[0] == 0x23 && token[1] == 0x23
            let key = continuation
                ? FeatureKey.hash(prefix: Self.continuationPrefix, Array(token.dropFirst(2)))
                : FeatureKey.hash(prefix: Self.initialPrefix, token)
            guard ids.updateValue(Int32(id), forKey: key) == nil else { return nil }
        }
        guard let unknown else { return nil }
        self.ids = ids
        self.unknown = unknown
    }

    /// The token ids of `text`.
    func tokenIDs(_ text: String) -> [Int32] {
        var out: [Int32] = []
        var word: [UInt8] = []
        var boundaries: [Int] = []  // byte offsets in `word` where a character starts
        func flush() {
            if !word.isEmpty { pieces(word, boundaries: boundaries, into: &out) }
            word.removeAll(keepingCapacity: true)
            boundaries.removeAll(keepingCapacity: true)
        }
        func alone(_ bytes: some Sequence<UInt8>) {
            flush()
            boundaries.append(0)
            word.append(contentsOf: bytes)
            flush()
        }
        var utf8 = text.utf8.makeIterator()
        var decoder = Unicode.UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&utf8) {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                switch b {
                case 0x41...0x5A: boundaries.append(word.count); word.append(b + 32)
                case 0x61...0x7A, 0x30...0x39: boundaries.append(word.count); word.append(b)
                case 0x09, 0x0A, 0x0D, 0x20: flush()
                case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: alone(CollectionOfOne(b))
                default: break  // other ASCII control characters are dropped
                }
                continue
            }
            let properties = scalar.properties
            switch properties.generalCategory {
            case .control, .format, .surrogate, .privateUse, .unassigned: continue
            default: break
            }
            if v == 0xFFFD { continue }
            if properties.isWhitespace { flush(); continue }
            if Self.isCJK(v) { alone(String(scalar).utf8); continue }
            for decomposed in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
            where decomposed.properties.generalCategory != .nonspacingMark {
                for lower in decomposed.properties.lowercaseMapping.unicodeScalars {
                    if Self.isPunctuation(lower) {
                        alone(String(lower).utf8)
                    } else {
                        boundaries.append(word.count)
                        word.append(contentsOf: String(lower).utf8)
                    }
                }
            }
        }
        flush()
        return out
    }

    /// Greedy longest-match-first WordPiece split of one word; the whole word is `[UNK]` when a
    /// part of it matches no token.
    private func pieces(_ word: [UInt8], boundaries: [Int], into out: inout [Int32]) {
        guard boundaries.count <= Self.maximumCharactersPerWord else { out.append(unknown); return }
        let ends = Array(boundaries.dropFirst()) + [word.count]
        var found: [Int32] = []
        var start = 0
        while start < boundaries.count {
            // Hash of word[boundaries[start]..<ends[e]] for every end e, shortest first.
            var hash = FeatureKey.hash(prefix: start == 0 ? Self.initialPrefix : Self.continuationPrefix, [])
            var candidates: [(end: Int, key: UInt64)] = []
            var position = boundaries[start]
            for e in start..<ends.count {
                while position < ends[e] { hash = (hash ^ UInt64(word[position])) &* FeatureKey.prime; position += 1 }
                candidates.append((e, hash))
            }
            guard let match = candidates.reversed().lazy.compactMap({ c in self.ids[c.key].map { (c.end, $0) } }).first else {
                out.append(unknown)
                return
            }
            found.append(match.1)
            start = match.0 + 1
        }
        out += found
    }

    /// BERT's punctuation: ASCII punctuation and symbols, and every Unicode punctuation category.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }

    /// CJK ideographs, which BERT splits into single characters.
    static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
             0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F: return true
        default: return false
        }
    }
}
