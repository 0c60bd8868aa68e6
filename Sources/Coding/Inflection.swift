/// Regular English inflections of a cue word, so `shout` also matches shouts, shouted, shouting,
/// `cry` cries, cried, `refer` referred, `travel` travelled, and `power` power's; irregular forms
/// are written as alternatives in the codebook. Function words ("not", "the", "you") are never
/// inflected: `not` must not match "noted", nor `the` "thing".
enum Inflection {
    static let functionWords: Set<String> = [
        "the", "a", "an", "and", "but", "or", "nor", "not", "no", "yes", "if", "of", "to", "in", "on", "at", "by",
        "for", "with", "from", "into", "onto", "out", "up", "off", "down", "over", "under", "about", "than", "then",
        "there", "here", "what", "who", "whom", "how", "why", "when", "where", "which", "this", "that", "these",
        "those", "all", "any", "some", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its",
        "they", "them", "their", "we", "us", "our", "me", "my", "mine", "is", "was", "are", "were", "be", "been",
        "am", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "shall", "should", "may",
        "might", "must", "so", "as", "too", "very", "just", "own", "one", "ever", "never", "each", "both", "such",
        "yet", "still", "also", "only", "even", "again", "once", "away", "back", "now", "per", "via", "upon",
    ]
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    static func forms(of word: String) -> Set<String> {
        var forms: Set<String> = [word]
        guard word.count >= 3, word.allSatisfy({ $0.isLetter }), !word.contains("'"),
              !functionWords.contains(word) else { return forms }
        let last = word.last!
        let stem = String(word.dropLast())
        if last == "e" {
            forms.formUnion([word + "s", word + "d", stem + "ing"])
        } else if last == "y", let before = word.dropLast().last, !vowels.contains(before) {
            forms.formUnion([stem + "ies", stem + "ied", word + "ing"])
        } else if ["s", "x", "z"].contains(last) || word.hasSuffix("ch") || word.hasSuffix("sh") {
            forms.formUnion([word + "es", word + "ed", word + "ing"])
        } else {
            forms.formUnion([word + "s", word + "ed", word + "ing"])
            if doubles(word) { forms.formUnion([word + String(last) + "ed", word + String(last) + "ing"]) }
        }
        // Possessive and contracted "is"/"has": the worker's, power's.
        forms.insert(word + "'s")
        return forms
    }

    /// Whether the final consonant may double before -ed/-ing: a single vowel before a single
    /// final consonant (stop → stopped, strip → stripped, refer → referred, control → controlled,
    /// travel → travelled). Stress decides in English and cannot be read off the letters, so
    /// both spellings are produced for longer words (visit → visited, visitted); a form that is
    /// not a word never occurs in a transcript.
    static func doubles(_ word: String) -> Bool {
        let chars = Array(word)
        let n = chars.count
        guard n >= 3, !vowels.contains(chars[n - 1]), !["w", "x", "y", "h"].contains(chars[n - 1]),
              vowels.contains(chars[n - 2]) else { return false }
        return !vowels.contains(chars[n - 3])
    }
}
