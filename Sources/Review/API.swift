import Coding
import Project

/// The JSON shapes of the review API (documented in `Resources/openapi.json`).
enum API {
    struct Session: Codable {
        var project: String
        var csrf: String
        var machine: String
        var codebook: CodebookInfo
        var coders: [CoderInfo]
        /// Whether a learning model can be trained in this build.
        var learning: Bool
        /// Whether the server runs blind (`serve --blind`): every request is in blind mode.
        var blind: Bool
    }

    struct CodebookInfo: Codable {
        var name: String
        var version: Int64?
        var codes: [CodeInfo]
    }

    struct CodeInfo: Codable {
        var id: String
        var name: String
        var parent: String?
        var colour: String
        var definition: String?
        var useWhen: String?
        var doNotUseWhen: String?
        var examples: [String]
    }

    struct CoderInfo: Codable {
        var name: String
        var kind: String
    }

    struct NewCoder: Codable {
        var name: String
    }

    struct EncounterItem: Codable {
        var source: Int64
        var encounter: Int
        var name: String
        var path: String
        var caseID: String?
        var date: String?
        var setting: String?
        var kind: String?
        var words: Int
        var segments: Int
        var suggestions: Int
        var decided: Int
        var codings: Int
        var done: Bool
    }

    struct TranscriptView: Codable {
        var source: Int64
        var encounter: Int
        var name: String
        var path: String
        var caseID: String?
        var date: String?
        var setting: String?
        var kind: String?
        var coder: String
        var done: Bool
        var blind: Bool
        /// Codings of other people left out because the coder has not marked the encounter done.
        var hidden: Int
        var segments: [SegmentItem]
        var codings: [CodingItem]
        var memos: [MemoItem]
    }

    struct SegmentItem: Codable {
        var index: Int
        var kind: String
        var speaker: String?
        var role: String?
        var start: Int
        var end: Int
        var line: Int
        var text: String
    }

    struct CodingItem: Codable {
        var id: Int64
        var code: String
        var coder: String
        var origin: String
        var segment: Int
        var start: Int
        var end: Int
        var suggestion: Int64?
        var evidence: EvidenceItem?
        /// For another coder's coding: the viewing coder's decision in force (`pending` if none).
        var status: String?
        /// For the machine's suggestions: the codebook version they came from (older than the
        /// session's when the suggestion vanished in a re-coding but was kept for its decisions).
        var codebook: Int64? = nil
    }

    struct EvidenceItem: Codable {
        var matched: String
        var cue: String
        var rule: String
        var negation: String
        var actor: String
    }

    struct DecisionRequest: Codable {
        var suggestion: Int64
        var coder: String
        var action: String
        var code: String?
        var start: Int?
        var end: Int?
    }

    struct DecisionItem: Codable {
        var id: Int64
        var suggestion: Int64
        var coder: String
        var action: String
        var code: String?
        var start: Int?
        var end: Int?
        var result: Int64?
        var at: String
    }

    struct CodingRequest: Codable {
        var source: Int64
        var encounter: Int
        var coder: String
        var code: String
        var start: Int
        var end: Int
    }

    struct DoneRequest: Codable {
        var source: Int64
        var encounter: Int
        var coder: String
        var done: Bool
    }

    struct MemoRequest: Codable {
        var id: Int64?
        var coder: String
        var target: String
        var source: Int64?
        var encounter: Int?
        var start: Int?
        var end: Int?
        var code: String?
        var text: String
    }

    struct MemoItem: Codable {
        var id: Int64
        var coder: String
        var target: String
        var source: Int64?
        var encounter: Int?
        var start: Int?
        var end: Int?
        var code: String?
        var text: String
        var createdAt: String
        var updatedAt: String
    }

    struct Comparison: Codable {
        var a: String
        var b: String
        /// Encounters both coders worked on: the only ones compared.
        var encounters: Int
        var codes: [CodeAgreement]
        var disagreements: [Disagreement]
    }

    struct CodeAgreement: Codable {
        var code: String
        var units: Int
        var percentAgreement: Double?
        var kappa: Double?
        var alpha: Double?
        var verdict: String
    }

    struct Disagreement: Codable {
        var source: Int64
        var encounter: Int
        var encounterName: String
        var segment: Int
        var code: String
        var a: Bool
        var b: Bool
        var text: String
        /// Whether the adjudicated coding has the code in this segment (nil: not adjudicated yet).
        var resolved: Bool?
    }

    struct AdjudicationRequest: Codable {
        var a: String
        var b: String
        var source: Int64
        var encounter: Int
        var segment: Int
        var code: String
        var keep: Bool
    }

    struct Removed: Codable {
        var removed: Bool
    }

    struct Done: Codable {
        var done: Bool
    }
}
