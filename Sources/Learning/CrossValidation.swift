import Coding

/// How far a model learned from a team's coding can be trusted, estimated by K-fold
/// cross-validation: every passage is coded by a model trained on the other folds (whose
/// thresholds were chosen on folds of those), and per-code κ, precision and recall are given
/// with 95% bootstrap intervals over passages.
public struct CrossValidation: Sendable {
    /// One code's estimate.
    public struct CodeEstimate: Sendable {
        public var code: String
        public var support: Int
        /// The hybrid's point estimates and 95% intervals (nil when undefined).
        public var kappa: Interval?
        public var precision: Interval?
        public var recall: Interval?
        /// κ of the rules alone on the same passages, for comparison.
        public var rulesKappa: Double?

        /// κ lower bound at or above .667 on at least `minimumSupport` coded passages: reliable
        /// enough to use without review. Fewer positives make the bootstrap interval meaningless
        /// (one coded passage gives κ 1.00 [1.00–1.00]).
        public var reliable: Bool { !tooFewToJudge && (kappa?.lower ?? -1) >= Self.reliableKappa }
        /// Fewer passages carry this code than a verdict needs.
        public var tooFewToJudge: Bool { support < Self.minimumSupport }
        public static let reliableKappa = 0.667
        public static let minimumSupport = 10
    }

    /// A point estimate with its 95% bootstrap interval.
    public struct Interval: Sendable {
        public var value: Double
        public var lower: Double
        public var upper: Double
    }

    public var folds: Int
    public var passages: Int
    public var codes: [CodeEstimate]
    /// Per passage, the hybrid's codes when it was held out (passage order).
    public var predicted: [Set<String>]

    /// Runs K-fold cross-validation of the hybrid coder on `passages` (deterministic).
    public init(_ passages: [TrainingPassage], codebook: Codebook, folds k: Int, resamples: Int = 1000,
                options: LearnedModel.TrainingOptions = LearnedModel.TrainingOptions()) {
        let top = codebook.topLevelIDs
        var predicted = [Set<String>](repeating: [], count: passages.count)
        var rules = [Set<String>](repeating: [], count: passages.count)
        let rulesAlone = HybridCoder(codebook: codebook, model: nil)
        for fold in Folds(count: passages.count, k: k, seed: 0xF01D) where !options.isCancelled() {
            let model = LearnedModel.train(fold.train.map { passages[$0] }, codebook: codebook, options: options)
            let hybrid = HybridCoder(codebook: codebook, model: model)
            for i in fold.test {
                let p = passages[i]
                predicted[i] = Set(hybrid.code(passage: p).map(\.topLevelCode))
                rules[i] = Set(rulesAlone.code(passage: p).map(\.topLevelCode))
            }
        }
        let labels = passages.map { Set($0.codes.map(LearnedModel.topLevel)) }
        var estimates: [CodeEstimate] = []
        for (c, code) in top.enumerated() {
            let truth = labels.map { $0.contains(code) }
            let decided = predicted.map { $0.contains(code) }
            let bootstrap = Bootstrap(decided: decided, labels: truth, resamples: resamples, seed: 0xB007 &+ UInt64(c))
            estimates.append(CodeEstimate(
                code: code, support: truth.filter { $0 }.count, kappa: bootstrap.kappa, precision: bootstrap.precision,
                recall: bootstrap.recall, rulesKappa: Kappa.of(rules.map { $0.contains(code) }, truth)))
        }
        self.folds = k
        self.passages = passages.count
        self.codes = estimates
        self.predicted = predicted
    }
}
