/// A trained model kept in the project (the learning module's file, as bytes).
public struct StoredModel: Hashable, Sendable {
    public var id: Int64
    public var name: String
    /// What it was trained on and how well it did, as the learning module writes it (JSON).
    public var metadata: String
    public var data: [UInt8]
    public var createdAt: String
}
