@testable import Learning
import Testing

@Suite struct WordHashesTests {
    /// The key of a unigram and of a bigram, spelled out as the model file documents them.
    func unigram(_ word: String) -> UInt64 { FeatureKey.hash(prefix: 0x75, Array(word.utf8)) }
    func bigram(_ a: String, _ b: String) -> UInt64 { FeatureKey.hash(prefix: 0x62, Array("\(a) \(b)".utf8)) }

    @Test func wordsAreLowercasedWithApostrophesInsideKeptAndOthersDropped() {
        let text = "Don’t SHOUT, mums' 'no' Élise-x don’t"
        #expect(WordHashes(text).words.map { String(decoding: $0, as: UTF8.self) } == ["don't", "shout", "mums", "no", "Élise", "x", "don't"])
    }

    @Test func keysAreEachUnigramThenItsBigramOnceInOrderOfFirstOccurrence() {
        let keys = WordHashes.ngramKeys("Don’t SHOUT, mums' 'no' Élise-x don’t shout")
        let expected = [
            unigram("don't"), unigram("shout"), bigram("don't", "shout"), unigram("mums"), bigram("shout", "mums"),
            unigram("no"), bigram("mums", "no"), unigram("Élise"), bigram("no", "Élise"), unigram("x"), bigram("Élise", "x"),
            bigram("x", "don't"),
        ]
        #expect(keys == expected)
        #expect(WordHashes.ngramKeys("  ’ ' -- ") == [])
    }

    @Test func theFeatureTableFindsEveryKeyAndNoOther() {
        let keys = (0..<5000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 }
        let table = FeatureTable(keys)
        #expect(keys.indices.allSatisfy { table[keys[$0]] == Int32($0) })
        #expect(table[12345] == nil)
        #expect(FeatureTable([])[0] == nil)
    }
}
