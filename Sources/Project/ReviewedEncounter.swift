/// An encounter somebody other than the machine has worked on (coded, decided in, marked done).
public struct ReviewedEncounter: Hashable, Sendable {
    public var sourceID: Int64
    /// Index of the encounter within its source.
    public var encounter: Int

    public init(sourceID: Int64, encounter: Int) {
        self.sourceID = sourceID
        self.encounter = encounter
    }
}
