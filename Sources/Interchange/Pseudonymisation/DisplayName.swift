import Transcripts

/// Display names that video-call transcripts write at the start of a line, before a colon:
/// `Jo Bennett - Health Visitor:`, `Worker 1 Hussain (she/her):`, `Dr Amy Khan:`. The name is the
/// capitalised words that are not role words, numbers or titles; the role comes from the words
/// after ` - `, or from a role word before the name.
enum DisplayName {
    struct Found: Equatable {
        var name: String
        var role: Role
    }

    static func found(in text: String) -> [Found] {
        var out: [Found] = []
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            var head = line[..<colon].trimming(" \t")
            guard !head.isEmpty, head.count <= 80 else { continue }
            var role: Role = .unknown
            var marked = false
            if let dash = head.range(of: " - ") ?? head.range(of: " – ") {
                role = Role(describing: String(head[dash.upperBound...])) ?? .unknown
                head = String(head[..<dash.lowerBound])
                marked = true
            }
            if let paren = head.firstIndex(of: "("), head.hasSuffix(")") {
                head = String(head[..<paren]).trimming(" ")
                marked = true
            }
            let words = head.split(separator: " ").map(String.init)
            guard !words.isEmpty, words.allSatisfy(isNameLike) else { continue }
            var nameWords: [String] = []
            for word in words {
                if Int(word) != nil { continue }
                if PseudonymKey.titles.contains(word.lowercased().trimming(".")) { continue }
                if let wordRole = Role(defaultForLabel: word) ?? Role(describing: word) {
                    if role == .unknown { role = wordRole }
                    continue
                }
                nameWords.append(word)
            }
            // One capitalised word before a colon is usually a label or a heading ("Note:"), not a display name.
            guard !nameWords.isEmpty, marked || nameWords.count >= 2 else { continue }
            let found = Found(name: nameWords.joined(separator: " "), role: role)
            if !out.contains(found) { out.append(found) }
        }
        return out
    }

    /// A capitalised word of letters (with - ' ’ .), or a number.
    static func isNameLike(_ word: String) -> Bool {
        if Int(word) != nil { return true }
        guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
        return word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "-'’.".unicodeScalars.contains($0) }
    }
}
