import Foundation
import Hummingbird
import Learning
import Project

extension ReviewAPI {
    /// The learning loop's routes: train from the team's decisions, and see where learning stands.
    static let learningRoutes: [ReviewRoute] = [
        ReviewRoute(method: .get, path: "/api/learning") { api, request, _ in
            try JSONBody.response(try api.learningStatus(viewer: try api.viewer(request)))
        },
        ReviewRoute(method: .post, path: "/api/learning/train") { api, request, _ in try await api.train(request) },
    ]

    /// Starts a training in the background (202); 409 while one runs. Its outcome shows in `GET /api/learning`.
    func train(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(API.TrainRequest.self, from: request)
        let coder = try person(body.coder)
        guard session.learning.start(by: coder, session: session) else {
            let running = session.learning.current
            throw APIError(status: .conflict, message: "a training is already running (started by \(running.startedBy ?? "?") at \(running.startedAt ?? "?"))")
        }
        return try JSONBody.response(try learningStatus(viewer: try viewer(request, named: coder)), status: .accepted)
    }

    /// The training in progress, the model in force with its cross-validated κ per code, how the
    /// team's decisions on each code's suggestions stand, and the passages to code next (those
    /// of encounters somebody has reviewed since the model was trained are left out). In blind
    /// mode the acceptance counts are the asking coder's own decisions.
    func learningStatus(viewer: Viewer) throws -> API.LearningStatus {
        let job = session.learning.current
        let stored = try store.latestModel(name: TeamModel.name)
        var info = stored.flatMap { try? JSONDecoder().decode(API.ModelInfo.self, from: Data($0.metadata.utf8)) }
        info?.id = stored?.id
        var next: [API.NextPassage] = []
        if let info {
            let reviewed = try store.reviewedEncounters()
            next = info.next.filter { !reviewed.contains(ReviewedEncounter(sourceID: $0.source, encounter: $0.encounter)) }
        }
        info?.next = []
        var counts: [String: DecisionCount] = [:]
        for c in try store.decisionCounts(coder: viewer.blind ? viewer.coder : nil) {
            let top = String(c.code.split(separator: ".").first ?? Substring(c.code))
            var sum = counts[top] ?? DecisionCount(code: top)
            sum.accepted += c.accepted
            sum.changed += c.changed
            sum.rejected += c.rejected
            counts[top] = sum
        }
        let codes = session.codebook.topLevelIDs.map { code in
            let c = counts[code] ?? DecisionCount(code: code)
            let decided = c.accepted + c.changed + c.rejected
            return API.CodeReliability(code: code, estimate: info?.codes.first { $0.code == code }, accepted: c.accepted,
                                       changed: c.changed, rejected: c.rejected,
                                       acceptRate: decided == 0 ? nil : Double(c.accepted) / Double(decided))
        }
        return API.LearningStatus(
            state: job.running ? "running" : (job.error == nil ? "idle" : "failed"), startedBy: job.startedBy,
            startedAt: job.startedAt, error: job.error, minimum: LearningJob.minimumPassages, model: info, codes: codes, next: next)
    }
}
