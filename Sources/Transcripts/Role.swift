import Foundation

/// The part a participant plays in an encounter; reports split figures by it and coding rules
/// use it (empathy is something a worker shows, power is resisted by a client).
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    case worker, client, child, researcher, professional, unknown

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The role a free-text description names (`social worker`, `mother`, `health visitor`), or nil.
    public init?(describing text: String) {
        var key = text.lowercased()
        // Foundation's trim only when an end could be whitespace (a space, a tab or non-ASCII).
        if let first = key.utf8.first, let last = key.utf8.last,
           first == 32 || first == 9 || first >= 0x80 || last == 32 || last == 9 || last >= 0x80 {
            key = key.trimmingCharacters(in: .whitespaces)
        }
        if let role = Role(rawValue: key) { self = role; return }
        if let role = Role.synonyms[key] { self = role; return }
        return nil
    }

    /// The role a speaker label implies by common transcription practice (`SW`, `Mum`, `P3`), or nil.
    public init?(defaultForLabel label: String) {
        let key = label.lowercased()
        if let role = Role.labelDefaults[key] ?? Role.synonyms[key] { self = role; return }
        // Numbered participants (P1, P2 …) are clients by convention in interview studies.
        let bytes = Array(key.utf8)
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "p"), bytes.dropFirst().allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            self = .client; return
        }
        return nil
    }

    static let synonyms: [String: Role] = [
        "social worker": .worker, "sw": .worker, "fsw": .worker, "family support worker": .worker,
        "practitioner": .worker, "manager": .worker, "team manager": .worker, "caseworker": .worker,
        "case worker": .worker, "student social worker": .worker, "support worker": .worker,
        "parent": .client, "mother": .client, "father": .client, "mum": .client, "dad": .client,
        "carer": .client, "foster carer": .client, "stepfather": .client, "stepmother": .client,
        "grandmother": .client, "grandfather": .client, "partner": .client, "family member": .client,
        "young person": .child, "yp": .child, "son": .child, "daughter": .child, "teenager": .child,
        "interviewer": .researcher, "observer": .researcher, "ethnographer": .researcher,
        "other professional": .professional, "police": .professional, "police officer": .professional,
        "health visitor": .professional, "teacher": .professional, "lawyer": .professional,
        "solicitor": .professional, "gp": .professional, "doctor": .professional, "nurse": .professional,
        "chair": .professional, "iro": .professional, "midwife": .professional, "head teacher": .professional,
        "school nurse": .professional, "psychologist": .professional, "interpreter": .professional,
    ]

    static let labelDefaults: [String: Role] = [
        "sw": .worker, "worker": .worker, "fsw": .worker, "social worker": .worker, "tm": .worker,
        "manager": .worker, "practitioner": .worker,
        "interviewer": .researcher, "researcher": .researcher, "r": .researcher, "i": .researcher,
        "int": .researcher, "q": .researcher, "observer": .researcher,
        "mum": .client, "dad": .client, "mother": .client, "father": .client, "parent": .client,
        "carer": .client, "gran": .client, "nan": .client, "grandma": .client, "grandad": .client,
        "stepdad": .client, "stepmum": .client, "client": .client,
        "child": .child, "yp": .child, "young person": .child, "son": .child, "daughter": .child,
        "hv": .professional, "health visitor": .professional, "police": .professional, "pc": .professional,
        "teacher": .professional, "gp": .professional, "nurse": .professional, "chair": .professional,
        "iro": .professional, "solicitor": .professional, "midwife": .professional,
        "officer": .professional, "advocate": .professional, "guardian": .professional, "senco": .professional,
        "pa": .worker, "adviser": .worker, "advisor": .worker, "fc": .client, "foster carer": .client,
        "aunt": .client, "uncle": .client,
    ]
}
