/// What was learned from a team's coding for one codebook: per top-level code, a logistic
/// regression over word/phrase features, the rule coder's output and the speaker's role, with the
/// thresholds at which it adds a code the rules missed or vetoes one they gave. Read and written
/// as a versioned text file (docs/model-format.md); applied by `HybridCoder`.
public struct LearnedModel: Hashable, Sendable {
    /// The model file format this build reads and writes.
    public static let formatVersion = 1

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
    /// Feature keys, ascending; `weights[k * codes.count + c]` is feature k's weight for code c.
    var featureKeys: [UInt64]
    var weights: [Float]
    public var passages: [StoredPassage]
    /// Where the model was read from, for messages (empty when trained in memory).
    public var path: String = ""

    var featureIndex: [UInt64: Int32] {
        var index: [UInt64: Int32] = [:]
        index.reserveCapacity(featureKeys.count)
        for (k, key) in featureKeys.enumerated() { index[key] = Int32(k) }
        return index
    }

    /// Why this model cannot be applied with `codebook`'s codes, or nil when it can.
    public func mismatch(withCodes top: [String]) -> String? {
        top == codes ? nil : "model was trained for the codes \(codes.joined(separator: ", ")) but the codebook has \(top.joined(separator: ", "))"
    }
}
