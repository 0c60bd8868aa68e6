extension Codebook {
    /// How reports name the codebook as the maker of automatic codes: its name and the file it
    /// came from (`built in` for the embedded default).
    public var provenance: String {
        "codebook “\(name)” (\(source == "relationship.yaml" ? "built in" : source))"
    }
}
