/// Regular English inflections of a cue word, so `shout` also matches shouts, shouted, shouting
/// and `cry` cries, cried; irregular forms are written as alternatives in the codebook.
enum Inflection {
    static func forms(of word: String) -> Set<String> {
        var forms: Set<String> = [word]
        guard word.count >= 3, word.allSatisfy({ $0.isLetter }), !word.contains("'") else { return forms }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
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
            // Short consonant-vowel-consonant words double: stop → stopped, snap → snapping.
            let chars = Array(word)
            if chars.count <= 4, chars.count >= 3, !vowels.contains(chars[chars.count - 1]),
               vowels.contains(chars[chars.count - 2]), !vowels.contains(chars[chars.count - 3]),
               !["w", "x", "y"].contains(last) {
                forms.formUnion([word + String(last) + "ed", word + String(last) + "ing"])
            }
        }
        return forms
    }
}
