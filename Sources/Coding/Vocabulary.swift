/// Interned words: each distinct lower-cased word gets a small integer id, looked up by its UTF-8
/// bytes in an open-addressing hash table, so the tokenizer makes one `String` per distinct word
/// (not per token) and the matcher compares integers. Words the codebook uses are numbered first,
/// when it compiles; words seen in transcripts are added as they come. Each word's `WordFacts`
/// are worked out from the lexicon when it is added.
struct Vocabulary: Sendable {
    /// The word of each id (lower-cased).
    private(set) var words: [String] = []
    /// The facts of each id's word.
    private(set) var facts: [WordFacts] = []
    let lexicon: Lexicon
    /// Table slots: an entry index + 1, 0 for empty. The table's size is a power of two.
    private var slots: [Int32]
    /// Per entry: the bytes' hash, offset and length in `arena`, and the id it stands for. Several
    /// entries can name one id: a non-ASCII word's spellings before lower-casing ("ÉLISE", "élise").
    private var entryHash: [UInt64] = []
    private var entryOffset: [Int32] = []
    private var entryLength: [Int32] = []
    private var entryID: [Int32] = []
    private var arena: [UInt8] = []

    init(capacity: Int = 1024, lexicon: Lexicon = .english) {
        self.lexicon = lexicon
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
    }

    var count: Int { words.count }

    /// The id of `word` (already lower-cased), adding it when new.
    mutating func id(of word: String) -> Int32 {
        Array(word.utf8).withUnsafeBufferPointer { id(bytes: $0, lowercased: true) }
    }

    /// The id of `word` when it is known, else nil.
    func existingID(of word: String) -> Int32? {
        Array(word.utf8).withUnsafeBufferPointer { find($0, hash: Self.hash($0)).id }
    }

    /// The id of the word with these bytes (ASCII letters already folded to lower case). A new
    /// word is added; when `lowercased` is false its bytes may hold upper-case non-ASCII letters,
    /// and the id is that of the lower-cased word.
    mutating func id(bytes: UnsafeBufferPointer<UInt8>, lowercased: Bool) -> Int32 {
        let hash = Self.hash(bytes)
        let (slot, found) = find(bytes, hash: hash)
        if let found { return found }
        let text = String(decoding: bytes, as: UTF8.self)
        var id: Int32
        if lowercased {
            id = Int32(words.count)
            append(text)
        } else {
            let lower = text.lowercased()
            id = lower == text ? Int32(words.count) : self.id(of: lower)
            if id == Int32(words.count) { append(text) }
        }
        // `find`'s slot is still the free one unless the lower-cased form was just added.
        insert(bytes, hash: hash, id: id, slot: lowercased ? slot : nil)
        return id
    }

    private mutating func append(_ word: String) {
        words.append(word)
        facts.append(lexicon.facts(of: word))
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, id: Int32?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let e = Int(slots[slot]) - 1
                if e < 0 { return (slot, nil) }
                if entryHash[e] == hash, Int(entryLength[e]) == bytes.count {
                    let offset = Int(entryOffset[e])
                    var same = true
                    for k in 0..<bytes.count where arena[offset + k] != bytes[k] { same = false; break }
                    if same { return (slot, entryID[e]) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, id: Int32, slot: Int?) {
        let e = entryID.count
        entryHash.append(hash)
        entryOffset.append(Int32(arena.count))
        entryLength.append(Int32(bytes.count))
        entryID.append(id)
        arena.append(contentsOf: bytes)
        if (e + 1) * 2 > slots.count {
            rehash(size: slots.count * 2)
        } else {
            slots[slot ?? freeSlot(hash)] = Int32(e + 1)
        }
    }

    private func freeSlot(_ hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func rehash(size: Int) {
        slots = Array(repeating: 0, count: size)
        for e in entryHash.indices { slots[freeSlot(entryHash[e])] = Int32(e + 1) }
    }

    /// FNV-1a over the bytes, then a final mix so that the low bits used for the slot vary.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        return h
    }
}
