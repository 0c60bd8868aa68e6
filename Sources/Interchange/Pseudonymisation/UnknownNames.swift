import Transcripts

/// Capitalised words in a transcript that look like people's names but are in no list the
/// pseudonymiser knows (participants, labels, display names, `--names FILE`): a review list for
/// `--report-unknown`, since a baby named only in prose ("the baby, Mia,") would otherwise stay.
/// A word counts when it is capitalised in mid-sentence, or at the start of a sentence when it is
/// also capitalised in mid-sentence somewhere in the transcript; common capitalised words (days,
/// months, role words, `I`) are left out.
public enum UnknownNames {
    /// One warning per word, at its first place in the transcript's normalised text.
    public static func warnings(in transcript: Transcript, key: PseudonymKey) -> [Diagnostic] {
        var firstPlace: [String: (line: Int, column: Int, word: String, midSentence: Bool)] = [:]
        var order: [String] = []
        var midSentence: Set<String> = []
        for (lineIndex, line) in transcript.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let scalars = Array(line.unicodeScalars)
            var i = 0
            var sentenceStart = true
            while i < scalars.count {
                let s = scalars[i]
                if NameMatcher.isWordPart(s) {
                    var j = i
                    while j < scalars.count, NameMatcher.isWordPart(scalars[j]) || (scalars[j] == "-" && j + 1 < scalars.count && NameMatcher.isWordPart(scalars[j + 1])) { j += 1 }
                    let word = String(String.UnicodeScalarView(scalars[i..<j]))
                    if isCandidate(word), key.pseudonym(for: word) == nil {
                        let folded = NameFolding.key(word)
                        if !sentenceStart { midSentence.insert(folded) }
                        if firstPlace[folded] == nil {
                            firstPlace[folded] = (lineIndex + 1, i + 1, word, !sentenceStart)
                            order.append(folded)
                        }
                    }
                    sentenceStart = false
                    i = j
                    continue
                }
                if ".!?:;\"“(".unicodeScalars.contains(s) { sentenceStart = true }
                i += 1
            }
        }
        return order.compactMap { folded in
            guard let place = firstPlace[folded], midSentence.contains(folded) else { return nil }
            return Diagnostic(path: transcript.path, line: place.line, column: place.column, severity: .warning,
                              message: "'\(place.word)' looks like a name and is in no list, so it is not pseudonymised; add it to --names FILE (or ignore it)")
                .citing(transcript.text)
        }
    }

    /// Capitalised, then lower case (`Mia`, `O'Neill`), not a common capitalised word.
    static func isCandidate(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 2, scalars[0].properties.isUppercase,
              scalars.dropFirst().contains(where: { $0.properties.isLowercase }),
              scalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" || $0 == "'" || $0 == "’" }) else { return false }
        let lower = word.lowercased()
        if common.contains(lower) || PseudonymKey.titles.contains(lower) { return false }
        return Role(defaultForLabel: word) == nil && Role(describing: word) == nil
    }

    static let common: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "christmas", "easter", "mum", "mummy", "dad", "daddy", "nan", "nana", "gran",
        "granny", "grandma", "grandad", "grandpa", "auntie", "uncle", "baby", "okay", "ok", "yes", "no", "hello",
        "hi", "social", "services", "council", "court", "police", "school", "nursery", "hospital", "nhs",
        "english", "british", "god", "jesus", "internet", "facebook", "whatsapp", "zoom", "teams", "google",
        "encounter", "case", "date", "setting", "kind", "participants", "note", "comment", "outcome",
        "health", "visitor", "worker", "plan", "protection", "child", "children", "family", "team", "webvtt",
        "speaker", "unknown", "everyone",
    ]
}
