/// What was learned from a team's coding for one codebook: per top-level code, a logistic
/// regression over word/phrase features, the rule coder's output and the speaker's role, with the
/// thresholds at which it adds a code the rules missed or vetoes one they gave; per sub-code, a
/// regression over words that picks the sub-code under a top-level code the hybrid applies. Read and written
/// as a versioned text file (docs/model-format.md); applied by `HybridCoder`.
public struct LearnedModel: Hashable, Sendable {
    /// The model file format this build reads and writes.
    public static let formatVersion = 2
    /// Older format versions this build still reads (version 1 has no sub-codes).
    public static let readableVersions = [1, 2]
    /// A sub-code is given when its probability is at least this (fixed, not tuned on any rows).
    public static let subcodeThreshold = 0.5

    /// How the model treats one top-level code.
    public struct CodeModel: Hashable, Sendable {
        public var code: String
        /// Training passages with this code.
        public var positives: Int
        /// False when there was nothing to learn from (no positive or no negative passage).
        public var trained: Bool
        /// The model adds the code when the rules did not and its probability is at least this (above 1: never).
        public var addThreshold: Double
        /// The model removes a rule's code when its probability is below this (0: never).
        public var vetoThreshold: Double
        public var bias: Double
        /// κ of rules alone and of the hybrid on the training folds (out-of-fold, used to set the thresholds).
        public var foldKappaRules: Double?
        public var foldKappaHybrid: Double?
        /// True when the regression reads the rules' output (stacking); false when it reads the
        /// words alone and its confident calls are added to the rules'.
        public var stacked: Bool
        /// True when the regression reads the passage's static embedding (with roles and kind)
        /// instead of words; its confident calls are added to the rules' (`stacked` is false).
        public var embedding: Bool = false
    }

    /// How the model picks one sub-code under its top-level code. It learns only from passages
    /// the team sub-coded under that code (a passage with the top-level code alone says nothing
    /// about which sub-code it is).
    public struct SubcodeModel: Hashable, Sendable {
        /// The sub-code id (`power.statutory`).
        public var code: String
        public var parent: String
        /// Passages with this sub-code, and passages sub-coded under the parent at all.
        public var positives: Int
        public var subcoded: Int
        /// False when there was nothing to tell it apart from (no other sub-coded passage of its parent).
        public var trained: Bool
        public var bias: Double
    }

    /// A training passage kept for evidence ("most similar passages of the team's coding").
    public struct StoredPassage: Hashable, Sendable {
        public var id: String
        public var source: String
        public var coder: String
        public var codes: [String]
        public var text: String
    }

    public var codebookName: String
    /// Top-level code ids, in codebook order; the model must be applied with a codebook that has them.
    public var codes: [String]
    public var codeModels: [CodeModel]
    /// Sub-codes of the codebook, in codebook order (empty in a version 1 file).
    public var subcodeModels: [SubcodeModel] = []
    /// Feature keys, ascending; `weights[k * columns + c]` is feature k's weight for column c: the
    /// top-level codes first, then the sub-codes.
    var featureKeys: [UInt64]
    var weights: [Float]
    public var passages: [StoredPassage]
    /// Where the model was read from, for messages (empty when trained in memory).
    public var path: String = ""
    /// The checksum of the embedding table the model reads (`EmbeddingTable.checksum`), or nil
    /// when no code uses embeddings.
    public var embeddingChecksum: String?

    /// Weights per feature: one per top-level code, then one per sub-code.
    var columns: Int { codes.count + subcodeModels.count }

    /// Why this model cannot be applied with `codebook`'s codes, or nil when it can.
    public func mismatch(withCodes top: [String]) -> String? {
        top == codes ? nil : "model was trained for the codes \(codes.joined(separator: ", ")) but the codebook has \(top.joined(separator: ", "))"
    }
}
