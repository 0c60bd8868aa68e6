/// One encounter of a project: its source's id and its index in that source.
public struct EncounterKey: Hashable, Comparable, Sendable {
    public var sourceID: Int64
    public var encounter: Int

    public init(sourceID: Int64, encounter: Int) {
        self.sourceID = sourceID
        self.encounter = encounter
    }

    public static func < (a: EncounterKey, b: EncounterKey) -> Bool { (a.sourceID, a.encounter) < (b.sourceID, b.encounter) }
}
