/// One home visit, meeting, phone call or interview: the unit of analysis researchers count by.
public struct Encounter: Hashable, Codable, Sendable {
    public var id: String
    /// The family or case the encounter belongs to.
    public var caseID: String?
    /// ISO 8601 (`2024-03-12`) when the source date could be read, otherwise as written.
    public var date: String?
    public var setting: String?
    /// Home visit, core group meeting, phone call, car interview …, as written.
    public var kind: String?
    /// Every header key as written (lower-cased key → value), including the ones above.
    public var metadata: [String: String]
    public var participants: [Participant]
    public var segments: [Segment]
    /// 1-based line where the encounter starts in its source file.
    public var line: Int

    public init(
        id: String, caseID: String? = nil, date: String? = nil, setting: String? = nil, kind: String? = nil,
        metadata: [String: String] = [:], participants: [Participant] = [], segments: [Segment] = [], line: Int = 1
    ) {
        self.id = id
        self.caseID = caseID
        self.date = date
        self.setting = setting
        self.kind = kind
        self.metadata = metadata
        self.participants = participants
        self.segments = segments
        self.line = line
    }

    /// Total words over all segments.
    public var words: Int { segments.reduce(0) { $0 + $1.words } }

    /// The participant a speaker label refers to, matched on label or name, ignoring case.
    public func participant(forLabel label: String) -> Participant? {
        let key = label.lowercased()
        return participants.first { Self.lowercased($0.label, equals: key) }
            ?? participants.first { $0.name.map { Self.lowercased($0, equals: key) } ?? false }
    }

    /// `text.lowercased() == key`, without building the lower-cased string when both are ASCII.
    static func lowercased(_ text: String, equals key: String) -> Bool {
        var text = text, key = key
        let ascii: Bool? = text.withUTF8 { t in
            key.withUTF8 { k in
                guard t.allSatisfy({ $0 < 0x80 }), k.allSatisfy({ $0 < 0x80 }) else { return nil }
                guard t.count == k.count else { return false }
                for i in 0..<t.count {
                    let b = t[i]
                    if (b >= 65 && b <= 90 ? b + 32 : b) != k[i] { return false }
                }
                return true
            }
        }
        return ascii ?? (text.lowercased() == key)
    }
}
