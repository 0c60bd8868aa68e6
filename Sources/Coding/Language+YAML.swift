import Foundation
import Transcripts

extension Language {
    /// The whole language as a codebook's `language:` section, every list written out in full
    /// and sorted, so a researcher can see the lists in effect and copy the one to change.
    public var yaml: String {
        func list(_ items: Set<String>) -> String {
            "[" + items.sorted().map(Self.quoted).joined(separator: ", ") + "]"
        }
        var out = "language:\n"
        out += "  negation:\n"
        out += "    triggers: \(list(negationTriggers))\n"
        out += "    pseudo-triggers: \(list(pseudoNegations))\n"
        out += "    endings: \(list(negationSuffixes))\n"
        out += "    scope-breakers: \(list(scopeBreakers))\n"
        out += "    window: \(negationWindow)\n"
        out += "    disclaimer-subjects: \(list(disclaimerSubjects))\n"
        out += "  questions:\n"
        out += "    auxiliaries: \(list(questionAuxiliaries))\n"
        out += "    openers: \(list(questionOpeners))\n"
        out += "    subjects: \(list(questionSubjects))\n"
        out += "    codes: \(list(questionCodes))\n"
        out += "  counterfactuals:\n"
        out += "    modals: \(list(counterfactualModals))\n"
        out += "    words: \(list(counterfactualWords))\n"
        out += "    codes: \(list(counterfactualCodes))\n"
        out += "  conditions:\n"
        out += "    markers: \(list(conditionMarkers))\n"
        out += "    codes: \(list(conditionCodes))\n"
        out += "  speech-verbs: \(list(speechVerbs))\n"
        out += "  listener-verbs: \(list(listenerVerbs))\n"
        out += "  role-nouns:\n"
        for role in Role.allCases {
            let nouns = Set(roleNouns.filter { $0.value == role }.map(\.key))
            if !nouns.isEmpty { out += "    \(role.rawValue): \(list(nouns))\n" }
        }
        out += "  non-human:\n"
        out += "    actors: \(list(nonHumanActors))\n"
        out += "    codes: \(list(nonHumanCodes))\n"
        return out
    }

    /// A flow-list entry, quoted when YAML would otherwise read it differently ("no", "n't").
    static func quoted(_ word: String) -> String {
        let plain = word.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" }
            && !["no", "yes", "on", "off", "true", "false", "null", "y", "n", "~"].contains(word)
            && word.first?.isLetter == true
        return plain ? word : "\"" + word.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
