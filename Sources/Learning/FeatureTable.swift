/// A model's feature keys mapped to their indices in one flat open-addressing table (linear
/// probing, power-of-two size, at most half full), so looking up a passage's n-grams costs no
/// hashing beyond a multiply and no Dictionary machinery.
struct FeatureTable: Sendable {
    private var keys: [UInt64]
    /// The feature index + 1 in each slot, 0 for an empty slot.
    private var values: [Int32]
    private let mask: Int

    /// The table of `keys` (distinct); key k gets index k.
    init(_ keys: [UInt64]) {
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        mask = size - 1
        self.keys = Array(repeating: 0, count: size)
        values = Array(repeating: 0, count: size)
        for (k, key) in keys.enumerated() {
            var slot = Self.slot(key, mask: mask)
            while values[slot] != 0 { slot = (slot + 1) & mask }
            self.keys[slot] = key
            values[slot] = Int32(k + 1)
        }
    }

    /// The index of `key`, or nil when the model has no such feature.
    @inline(__always)
    subscript(key: UInt64) -> Int32? {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                var slot = Self.slot(key, mask: mask)
                while true {
                    let v = values[slot]
                    if v == 0 { return nil }
                    if keys[slot] == key { return v - 1 }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// FNV keys' high bits are the better mixed: a multiply folds them down.
    @inline(__always)
    private static func slot(_ key: UInt64, mask: Int) -> Int {
        let h = (key ^ (key >> 29)) &* 0xbf58_476d_1ce4_e5b9
        return Int(truncatingIfNeeded: h >> 32) & mask
    }
}
