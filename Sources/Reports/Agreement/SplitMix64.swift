/// A small seeded pseudo-random generator (Steele, Lea & Flood's SplitMix64) so that resampling
/// such as ``Krippendorff/bootstrap(_:level:samples:confidence:seed:)`` gives the same result on
/// every run and platform, which the system generator does not promise.
public struct SplitMix64: RandomNumberGenerator, Hashable, Sendable {
    /// The internal state; advancing it by the golden-ratio constant yields the next output.
    public private(set) var state: UInt64

    /// Creates a generator whose sequence is fully determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// Returns the next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Returns a uniformly distributed integer in `0..<bound`, by rejection sampling rather than the
    /// standard library's `random(in:using:)`, whose algorithm may change between Swift releases.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        // 2^64 mod range: outputs below this would make small results slightly more likely.
        let threshold = (0 &- range) % range
        while true {
            let bits = next()
            if bits >= threshold { return Int(bits % range) }
        }
    }
}
