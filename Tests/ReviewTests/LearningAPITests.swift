import Coding
import Foundation
import Learning
import Project
import Testing
import Transcripts
@testable import Review

/// The learning loop over a live server: a coder reviews one encounter, trains from it in the
/// page's API, and the model lands in the project with its metadata; the other, unreviewed
/// encounter's suggestions are those of the hybrid coder, while every decision stays as made.
@Suite("Learning loop API", .serialized)
struct LearningAPITests {
    static let reviewed = """
        Encounter: L-E01
        Case: L
        Date: 2024-02-01
        Setting: family home
        Participants: SW = worker (Hannah); Mum = client (Kerry)

        SW: It sounds like you're exhausted, and I can see why you'd be angry with us.

        Mum: Get out of my house. I'm not talking to you lot, you're all the same.

        SW: We will have to go to court if you don't let me see the children.

        Mum: Fine. Come in then.

        SW: Thank you. I know this is hard and I'm not here to judge you.

        Mum: You lot always judge. You took my sister's kids.

        SW: I hear that you're frightened we'll do the same. That makes sense.

        Mum: Don't you dare tell me what makes sense. Shut up and listen for once.

        SW: If things don't change we will have to call a child protection conference.

        Mum: Whatever. Do what you want, you always do.

        SW: You clearly love them very much, and they look well cared for.

        Mum: I do my best. Nobody ever says that.

        SW: I'll need to check the bedrooms before I go, it's part of the assessment.

        Mum: Go on then, have a look.
        """

    static let unreviewed = """
        Encounter: L-E02
        Case: L
        Date: 2024-02-15
        Setting: family home
        Participants: SW = worker (Hannah); Mum = client (Kerry)

        SW: How have things been since last time? You seemed really worn out.

        Mum: Better. I've been sleeping more. The kids are back at school.

        SW: That's good to hear, well done. I can see how hard you've been working.

        Mum: Don't patronise me. I know what you're writing down.

        SW: The plan says we will visit every week until the review meeting.

        Mum: Fine, but I want it in writing this time.
        """

    /// GET /api/learning until no training runs (a debug build on a busy machine is slow).
    static func waitForTraining(_ server: LiveServer) async throws -> [String: Any] {
        for _ in 0..<600 {
            let status = try await server.send("GET", "/api/learning").object
            if status["state"] as? String != "running" { return status }
            try await Task.sleep(for: .milliseconds(500))
        }
        Issue.record("training still running after 300 s")
        return [:]
    }

    static func codings(_ server: LiveServer, source: Int) async throws -> [[String: Any]] {
        try await server.send("GET", "/api/sources/\(source)/encounters/0?coder=ana").object["codings"] as? [[String: Any]] ?? []
    }

    @Test("training from one reviewed encounter stores the model and refreshes only the unreviewed one")
    func trainFromDecisions() async throws {
        let server = try await LiveServer(files: ["a-reviewed.txt": Self.reviewed, "b-open.txt": Self.unreviewed])
        defer { server.stop() }
        let csrf = try await server.csrf()
        let encounters = try await server.send("GET", "/api/encounters?coder=ana").array
        let a = try #require(encounters.first { ($0["path"] as? String)?.hasSuffix("a-reviewed.txt") == true }?["source"] as? Int)
        let b = try #require(encounters.first { ($0["path"] as? String)?.hasSuffix("b-open.txt") == true }?["source"] as? Int)

        // Nothing reviewed yet: no model, and a training fails with the reason.
        let empty = try await server.send("GET", "/api/learning")
        #expect(empty.status == 200)
        #expect(empty.object["model"] == nil && (empty.object["codes"] as? [[String: Any]])?.count == 4)
        #expect(try await server.send("POST", "/api/learning/train", json: ["coder": "ana"]).status == 403, "CSRF header required")
        #expect(try await server.send("POST", "/api/learning/train", json: ["coder": "rapport"], csrf: csrf).status == 400)
        #expect(try await server.send("POST", "/api/learning/train", json: ["coder": "ana"], csrf: csrf).status == 202)
        let refused = try await Self.waitForTraining(server)
        #expect(refused["state"] as? String == "failed")
        #expect((refused["error"] as? String)?.contains("only 0 reviewed passages") == true, "\(refused)")

        // ana reviews encounter A: accepts every other suggestion, rejects the rest, codes a
        // turn without suggestions by hand, and marks it done.
        let view = try await server.send("GET", "/api/sources/\(a)/encounters/0?coder=ana").object
        let segments = view["segments"] as? [[String: Any]] ?? []
        #expect(segments.count == 14)
        let suggestions = (view["codings"] as? [[String: Any]] ?? []).filter { $0["coder"] as? String == "rapport" }
        #expect(suggestions.count >= 6, "the coder suggested \(suggestions.map { $0["code"] ?? "" })")
        var expected: [String: (accepted: Int, rejected: Int)] = [:]
        for (i, s) in suggestions.enumerated() {
            let action = i % 2 == 0 ? "accept" : "reject"
            let answer = try await server.send("POST", "/api/decisions", json: ["suggestion": s["id"] as! Int, "coder": "ana", "action": action], csrf: csrf)
            #expect(answer.status == 201)
            let top = String((s["code"] as! String).split(separator: ".")[0])
            if action == "accept" { expected[top, default: (0, 0)].accepted += 1 } else { expected[top, default: (0, 0)].rejected += 1 }
        }
        let suggested = Set(suggestions.compactMap { $0["segment"] as? Int })
        let plain = try #require(segments.first { !suggested.contains($0["index"] as! Int) })
        let hand = try await server.send("POST", "/api/codings", json: [
            "source": a, "encounter": 0, "coder": "ana", "code": "acceptance", "start": plain["start"] as! Int, "end": plain["end"] as! Int], csrf: csrf)
        #expect(hand.status == 201)
        #expect(try await server.send("POST", "/api/done", json: ["source": a, "encounter": 0, "coder": "ana", "done": true], csrf: csrf).status == 200)

        let reviewedBefore = try await Self.codings(server, source: a).map { "\($0["id"]!) \($0["code"]!) \($0["coder"]!)" }.sorted()
        let logBefore = try await server.send("GET", "/api/decisions").array.map { "\($0["id"]!) \($0["suggestion"]!) \($0["action"]!)" }

        let started = try await server.send("POST", "/api/learning/train", json: ["coder": "ana"], csrf: csrf)
        #expect(started.status == 202)
        let status = try await Self.waitForTraining(server)
        #expect(status["state"] as? String == "idle", "\(status)")
        let model = try #require(status["model"] as? [String: Any])
        #expect(model["trainedBy"] as? String == "ana")
        #expect(model["reviewers"] as? [String] == ["ana"])
        #expect(model["passages"] as? Int == 14, "every turn of the encounter ana marked done, and nothing else")

        // Per code: how often its suggestions were accepted, and the cross-validated estimate.
        let codes = try #require(status["codes"] as? [[String: Any]])
        #expect(codes.map { $0["code"] as? String } == ["hostility", "empathy", "acceptance", "power"])
        for c in codes {
            let counts = expected[c["code"] as! String] ?? (0, 0)
            #expect(c["accepted"] as? Int == counts.accepted && c["rejected"] as? Int == counts.rejected, "\(c)")
            if counts.accepted + counts.rejected > 0 {
                #expect(c["acceptRate"] as? Double == Double(counts.accepted) / Double(counts.accepted + counts.rejected))
            }
            let estimate = try #require(c["estimate"] as? [String: Any])
            let lower = estimate["kappaLower"] as? Double
            let support = estimate["support"] as? Int ?? 0
            #expect((estimate["reliable"] as? Bool) == ((lower ?? -1) >= 0.667 && support >= 10))
            #expect((estimate["verdict"] as? String)?.isEmpty == false)
        }

        // Nothing ana decided or coded changed; the log only holds her decisions.
        #expect(try await Self.codings(server, source: a).map { "\($0["id"]!) \($0["code"]!) \($0["coder"]!)" }.sorted() == reviewedBefore)
        #expect(try await server.send("GET", "/api/decisions").array.map { "\($0["id"]!) \($0["suggestion"]!) \($0["action"]!)" } == logBefore)

        // The model is in the project, and the open encounter carries exactly the hybrid coder's suggestions with it.
        let stored = try #require(try server.store.latestModel(name: TeamModel.name))
        #expect(stored.metadata.contains("\"trainedBy\":\"ana\""))
        let learned = try LearnedModel(fileBytes: stored.data, path: "team")
        #expect(learned.passages.count == 14)
        let transcriptB = try #require(try server.store.transcript(Int64(b)))
        let hybrid = HybridCoder(codebook: .relationship(), model: learned).code(transcriptB)
        let want = hybrid.annotations.joined().joined().map { "\($0.code) \($0.start) \($0.end)" }.sorted()
        let open = try await Self.codings(server, source: b).filter { $0["coder"] as? String == "rapport" }
        #expect(open.map { "\($0["code"]!) \($0["start"]!) \($0["end"]!)" }.sorted() == want)

        // What to code next lies in the encounter nobody has reviewed.
        let next = try #require(status["next"] as? [[String: Any]])
        #expect(!next.isEmpty)
        let openSegments = try await server.send("GET", "/api/sources/\(b)/encounters/0?coder=ana").object["segments"] as? [[String: Any]] ?? []
        for item in next {
            #expect(item["source"] as? Int == b && item["encounter"] as? Int == 0)
            let segment = try #require(openSegments.first { $0["index"] as? Int == item["segment"] as? Int })
            #expect((item["text"] as? String)?.contains(segment["text"] as! String) == true, "\(item)")
        }
        // Once somebody works on that encounter, its passages leave the list.
        #expect(try await server.send("POST", "/api/done", json: ["source": b, "encounter": 0, "coder": "ben", "done": true], csrf: csrf).status == 200)
        #expect((try await server.send("GET", "/api/learning").object["next"] as? [[String: Any]])?.isEmpty == true)
    }
}
