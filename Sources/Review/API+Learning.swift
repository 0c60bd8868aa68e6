extension API {
    /// Where the learning loop stands: the training in progress, the model in force, per-code
    /// reliability and acceptance, and what to code next.
    struct LearningStatus: Codable {
        /// `idle`, `running` or `failed`.
        var state: String
        /// Who started the training in progress (or the last one), and when.
        var startedBy: String?
        var startedAt: String?
        /// Why the last training failed.
        var error: String?
        /// The fewest passages a training starts with.
        var minimum: Int
        var model: ModelInfo?
        var codes: [CodeReliability]
        /// Passages of encounters nobody has reviewed yet that the model is least sure about (and a few it is sure about).
        var next: [NextPassage]
    }

    /// The metadata of a model trained in the page, as stored with it in the project.
    struct ModelInfo: Codable {
        var id: Int64?
        var trainedBy: String
        var trainedAt: String
        var passages: Int
        /// Coders whose reviews gave passages.
        var reviewers: [String]
        var codebookVersion: Int64?
        var folds: Int
        var seconds: Double
        /// What refreshing the suggestions of encounters nobody had reviewed changed.
        var refreshed: Refreshed
        var codes: [CodeEstimate]
        var next: [NextPassage]
    }

    struct Refreshed: Codable {
        var kept: Int
        var added: Int
        var dropped: Int
        /// Encounters left as they were because someone had reviewed them.
        var skippedEncounters: Int
    }

    /// One code's cross-validated estimate on the team's passages (each scored by a model trained on the other folds).
    struct CodeEstimate: Codable {
        var code: String
        var support: Int
        var kappa: Double?
        var kappaLower: Double?
        var kappaUpper: Double?
        var rulesKappa: Double?
        var reliable: Bool
        var verdict: String
    }

    /// A code's reliability as the page shows it: the cross-validated κ of the model in force and
    /// how the team's decisions on its suggestions stand now.
    struct CodeReliability: Codable {
        var code: String
        var estimate: CodeEstimate?
        var accepted: Int
        var changed: Int
        var rejected: Int
        /// accepted / (accepted + changed + rejected); nil before any decision.
        var acceptRate: Double?
    }

    struct NextPassage: Codable {
        var source: Int64
        var encounter: Int
        var encounterName: String
        var segment: Int
        var text: String
        var reason: String
    }

    struct TrainRequest: Codable {
        var coder: String
    }
}
