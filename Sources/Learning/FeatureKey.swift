/// Stable 64-bit feature keys (FNV-1a over bytes, with a one-byte kind prefix), so a model file
/// means the same on every machine and run; Swift's own `Hasher` is seeded per process.
enum FeatureKey {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func hash(prefix: UInt8, _ bytes: [UInt8]) -> UInt64 {
        continueHash((offset ^ UInt64(prefix)) &* prime, bytes)
    }

    static func continueHash(_ start: UInt64, _ bytes: [UInt8]) -> UInt64 {
        var h = start
        for b in bytes { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// The key of a named feature that is not a word (`rule:power`, `role:worker`).
    static func named(_ name: String) -> UInt64 { hash(prefix: 0x6E, Array(name.utf8)) }
}
