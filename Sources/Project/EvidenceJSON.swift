import Coding
import Foundation

/// The evidence of a machine coding as stored: a JSON object with the same field names.
enum EvidenceJSON {
    static func encode(_ evidence: Evidence?) -> String? {
        guard let e = evidence else { return nil }
        let object = ["matched": e.matched, "cue": e.cue, "rule": e.rule, "negation": e.negation, "actor": e.actor]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String?) -> Evidence? {
        guard let text, let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String] else { return nil }
        return Evidence(matched: object["matched"] ?? "", cue: object["cue"] ?? "", rule: object["rule"] ?? "",
                        negation: object["negation"] ?? "", actor: object["actor"] ?? "")
    }
}
