import Coding
import Dispatch
import Foundation
import Learning
import Project
import Synchronization
import Transcripts

/// The training the server runs for the page, one at a time and off the request threads (on a
/// dispatch queue, not the task pool that answers requests): it gathers the team's passages,
/// trains a model, cross-validates it, refreshes the suggestions of encounters nobody has
/// reviewed with the hybrid coder, picks what to code next, and stores the model with its metadata.
final class LearningJob: Sendable {
    struct State: Sendable {
        var running = false
        var startedBy: String?
        var startedAt: String?
        var error: String?
    }

    /// The fewest passages a training starts with.
    static let minimumPassages = 10
    static let folds = 5
    /// How many passages the "code next" list keeps.
    static let nextCount = 30
    /// Sources coded together when looking for what to code next (bounds memory on large projects).
    static let batchSize = 40

    private let state = Mutex(State())

    var current: State { state.withLock { $0 } }

    /// Starts a training by `coder` unless one is running; returns false when one is.
    func start(by coder: String, session: ReviewSession) -> Bool {
        let at = ISO8601DateFormatter().string(from: Date())
        let started = state.withLock { s -> Bool in
            if s.running { return false }
            s = State(running: true, startedBy: coder, startedAt: at, error: nil)
            return true
        }
        guard started else { return false }
        DispatchQueue.global(qos: .utility).async {
            var failure: String?
            do {
                try Self.train(by: coder, at: at, session: session)
            } catch let error as APIError {
                failure = error.message
            } catch let error as ProjectError {
                failure = error.message
            } catch {
                failure = "\(error)"
            }
            self.state.withLock { $0.running = false; $0.error = failure }
        }
        return true
    }

    static func train(by coder: String, at: String, session: ReviewSession) throws {
        let started = ContinuousClock.now
        let store = session.store, codebook = session.codebook
        let team = try TeamPassages(session: session)
        guard team.passages.count >= minimumPassages else {
            throw APIError.badRequest("only \(team.passages.count) reviewed passages; review at least \(minimumPassages) turns first")
        }
        let model = LearnedModel.train(team.passages, codebook: codebook)
        let validation = CrossValidation(team.passages, codebook: codebook, folds: folds)
        let version = try store.currentCodebook()?.id
        let (refreshed, next) = try refresh(store: store, codebook: codebook, model: model, codebookID: version)
        let seconds = Double((ContinuousClock.now - started).components.seconds)
            + Double((ContinuousClock.now - started).components.attoseconds) / 1e18
        let info = API.ModelInfo(
            id: nil, trainedBy: coder, trainedAt: at, passages: team.passages.count, reviewers: team.reviewers,
            codebookVersion: version, folds: folds, seconds: (seconds * 10).rounded() / 10,
            refreshed: API.Refreshed(kept: refreshed.kept, added: refreshed.added, dropped: refreshed.dropped,
                                     skippedEncounters: refreshed.skippedEncounters),
            codes: validation.codes.map(estimate), next: next)
        let metadata = String(decoding: try JSONBody.encoder().encode(info), as: UTF8.self)
        try store.saveModel(name: TeamModel.name, metadata: metadata, data: Array(model.fileText.utf8))
    }

    static func estimate(_ c: CrossValidation.CodeEstimate) -> API.CodeEstimate {
        let verdict: String
        if c.tooFewToJudge && c.kappa != nil {
            verdict = "too few reviewed passages with this code to judge (\(c.support) < \(CrossValidation.CodeEstimate.minimumSupport)): code more before trusting it"
        } else if let k = c.kappa {
            verdict = c.reliable
                ? "reliable enough to use unreviewed (κ lower bound \(fixed(k.lower)) ≥ .667)"
                : "not reliable enough to use unreviewed (κ lower bound \(fixed(k.lower)) < .667): review its codes"
        } else {
            verdict = "no estimate (no reviewed passage has this code, or every one has)"
        }
        return API.CodeEstimate(code: c.code, support: c.support, kappa: c.kappa?.value, kappaLower: c.kappa?.lower,
                                kappaUpper: c.kappa?.upper, rulesKappa: c.rulesKappa, reliable: c.reliable, verdict: verdict)
    }

    static func fixed(_ x: Double) -> String {
        let text = String(format: "%.3f", x)
        return text.hasPrefix("0.") ? String(text.dropFirst()) : text
    }

    /// Re-codes the encounters nobody has reviewed with the hybrid coder (decided suggestions are
    /// never touched) and picks, among their passages, those the model is least sure about.
    static func refresh(store: ProjectStore, codebook: Codebook, model: LearnedModel,
                        codebookID: Int64?) throws -> (RecodeSummary, [API.NextPassage]) {
        let hybrid = HybridCoder(codebook: codebook, model: model)
        let reviewed = try store.reviewedEncounters()
        var summary = RecodeSummary()
        var picks: [(pick: NextPassages.Pick, source: Int64, encounter: Int, name: String, segment: Int)] = []
        var batch: [Transcript] = []
        var batchIDs: [String: (source: Int64, encounters: [String: Int])] = [:]
        func pickFromBatch() {
            guard !batch.isEmpty else { return }
            for pick in NextPassages(count: nextCount, transcripts: batch, model: model, codebook: codebook).picks {
                guard let ids = batchIDs[pick.source], let hash = pick.id.lastIndex(of: "#"),
                      let number = Int(pick.id[pick.id.index(after: hash)...]) else { continue }
                let name = String(pick.id[..<hash])
                guard let e = ids.encounters[name] else { continue }
                picks.append((pick, ids.source, e, name, number - 1))
            }
            batch.removeAll()
            batchIDs.removeAll()
        }
        for source in try store.sources() {
            guard let transcript = try store.transcript(source.id) else { continue }
            let open = transcript.encounters.indices.filter { !reviewed.contains(ReviewedEncounter(sourceID: source.id, encounter: $0)) }
            guard !open.isEmpty else { continue }
            if try store.hasCodings(source: source.id, coder: ProjectCoder.machineName) {
                summary = summary + (try store.reconcileSuggestions(hybrid.code(transcript), codebookID: codebookID, unreviewedOnly: true))
            }
            // Only unreviewed encounters are candidates; encounters keep their ids, and indices are found again by id.
            var candidates = transcript
            candidates.encounters = open.map { transcript.encounters[$0] }
            batch.append(candidates)
            var names: [String: Int] = [:]
            for e in open.reversed() { names[transcript.encounters[e].id] = e }
            batchIDs[transcript.path] = (source.id, names)
            if batch.count >= batchSize { pickFromBatch() }
        }
        pickFromBatch()
        // Merge the batches: least sure first, then a fifth of sure ones for checking.
        let sure = picks.filter { $0.pick.reason.hasPrefix("sure") }.sorted { $0.pick.margin > $1.pick.margin }
        let unsure = picks.filter { !$0.pick.reason.hasPrefix("sure") }.sorted { $0.pick.margin < $1.pick.margin }
        let sureCount = max(1, nextCount / 5)
        let chosen = Array(unsure.prefix(nextCount - min(sureCount, sure.count))) + Array(sure.prefix(sureCount))
        return (summary, chosen.map { p in
            API.NextPassage(source: p.source, encounter: p.encounter, encounterName: p.name, segment: p.segment,
                            text: String(p.pick.text.prefix(400)), reason: p.pick.reason)
        })
    }
}
