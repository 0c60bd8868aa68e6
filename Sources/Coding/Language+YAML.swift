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
        var section: String?
        for setting in LanguageList.all {
            if setting.section != section {
                section = setting.section
                if let section { out += "  \(section):\n" }
            }
            let indent = setting.section == nil ? "  " : "    "
            switch setting.value {
            case .words(let property, _):
                out += "\(indent)\(setting.key): \(list(self[keyPath: property]))\n"
            case .window:
                out += "\(indent)\(setting.key): \(negationWindow)\n"
            case .roleNouns:
                out += "\(indent)\(setting.key):\n"
                for role in Role.allCases {
                    let nouns = Set(roleNouns.filter { $0.value == role }.map(\.key))
                    if !nouns.isEmpty { out += "\(indent)  \(role.rawValue): \(list(nouns))\n" }
                }
            }
        }
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
