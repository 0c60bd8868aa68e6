import Testing
import Reports

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("matches the reference sequence")
    func referenceSequence() {
        var zero = SplitMix64(seed: 0)
        #expect([zero.next(), zero.next(), zero.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
        var other = SplitMix64(seed: 1_234_567)
        #expect([other.next(), other.next(), other.next()] == [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    @Test("bounded integers stay in range and cover it")
    func bounded() {
        var generator = SplitMix64(seed: 99)
        var seen = Set<Int>()
        for _ in 0..<1000 {
            let value = generator.nextInt(below: 7)
            #expect((0..<7).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
        #expect(generator.nextInt(below: 1) == 0)
    }
}
