import Foundation
import Interchange
import Testing

/// Blind mode closes every path to another coder's work until the asking coder marks the
/// encounter done: the encounter view, memos, the decision log, the compare view, adjudication,
/// deciding on a hidden coding, and the export.
@Suite("Blind mode", .serialized)
struct BlindModeTests {
    /// Ana codes by hand, accepts a suggestion and writes a memo in encounter 0; returns her hand coding's id.
    static func anaWorks(_ server: LiveServer, csrf: String) async throws -> Int {
        let view = try await server.send("GET", "/api/sources/1/encounters/0?coder=ana").object
        let segments = view["segments"] as? [[String: Any]] ?? []
        let start = try #require(segments.last?["start"] as? Int)
        let hand = try await server.send("POST", "/api/codings", json: [
            "source": 1, "encounter": 0, "coder": "ana", "code": "empathy", "start": start, "end": start + 4], csrf: csrf)
        #expect(hand.status == 201)
        let suggestion = try #require((view["codings"] as? [[String: Any]] ?? []).first { $0["coder"] as? String == "rapport" })
        #expect(try await server.send("POST", "/api/decisions", json: [
            "suggestion": suggestion["id"] as! Int, "coder": "ana", "action": "accept"], csrf: csrf).status == 201)
        #expect(try await server.send("POST", "/api/memos", json: [
            "coder": "ana", "target": "encounter", "source": 1, "encounter": 0, "text": "ana thinks this is empathy"], csrf: csrf).status == 201)
        #expect(try await server.send("POST", "/api/memos", json: [
            "coder": "ana", "target": "code", "code": "empathy", "text": "ana's note on empathy"], csrf: csrf).status == 201)
        return try #require(hand.object["id"] as? Int)
    }

    /// The coders whose work reaches ben through each path, as ben asks with `query`.
    static func seenByBen(_ server: LiveServer, query: String) async throws -> [String: Set<String>] {
        var seen: [String: Set<String>] = [:]
        let view = try await server.send("GET", "/api/sources/1/encounters/0?coder=ben\(query)").object
        seen["view"] = Set((view["codings"] as? [[String: Any]] ?? []).compactMap { $0["coder"] as? String })
        seen["view memos"] = Set((view["memos"] as? [[String: Any]] ?? []).compactMap { $0["coder"] as? String })
        let memos = try await server.send("GET", "/api/memos?coder=ben\(query)")
        #expect(memos.status == 200)
        seen["memos"] = Set(memos.array.compactMap { $0["coder"] as? String })
        let decisions = try await server.send("GET", "/api/decisions?coder=ben\(query)")
        #expect(decisions.status == 200)
        seen["decisions"] = Set(decisions.array.compactMap { $0["coder"] as? String })
        let compare = try await server.send("GET", "/api/compare?a=ana&b=rapport&coder=ben\(query)").object
        seen["compare"] = (compare["encounters"] as? Int ?? 0) > 0 ? ["ana"] : []
        let export = try await server.send("GET", "/api/export.qdpx?coder=ben\(query)")
        #expect(export.status == 200)
        let file = server.folder.appendingPathComponent("ben-\(UUID().uuidString).qdpx")
        try export.body.write(to: file)
        let imported = try REFIQDAImport.read(path: file.path).result
        seen["export"] = Set(imported.coded.flatMap { $0.annotations.joined().joined().map(\.coder) })
        return seen
    }

    @Test("a blind request sees only its own and the machine's work until the encounter is done, on every path")
    func everyPathIsClosedPerRequest() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        let csrf = try await server.csrf()
        let hand = try await Self.anaWorks(server, csrf: csrf)

        let blind = try await Self.seenByBen(server, query: "&blind=true")
        for (path, coders) in blind { #expect(!coders.contains("ana"), "ana's work reaches blind ben through \(path): \(coders)") }
        #expect(blind["view"] == ["rapport"] && blind["export"] == ["rapport"])

        // Asking blind without saying who asks is refused, not answered with everything.
        for path in ["/api/memos?blind=true", "/api/decisions?blind=true", "/api/export.qdpx?blind=true", "/api/compare?a=ana&b=rapport&blind=true"] {
            let answer = try await server.send("GET", path)
            #expect(answer.status == 400, "\(path): \(answer.status)")
            #expect((answer.object["error"] as? String)?.contains("blind mode") == true)
        }
        // Deciding on ana's hidden coding, or adjudicating in the encounter, does not reveal it.
        let decide = try await server.send("POST", "/api/decisions?blind=true", json: ["suggestion": hand, "coder": "ben", "action": "accept"], csrf: csrf)
        #expect(decide.status == 404)
        let adjudicate = try await server.send("POST", "/api/adjudications?blind=true&coder=ben", json: [
            "a": "ana", "b": "rapport", "source": 1, "encounter": 0, "segment": 0, "code": "empathy", "keep": true], csrf: csrf)
        #expect(adjudicate.status == 400)

        // Not blind: everything shows (the paths do carry ana's work, so the checks above can fail).
        let open = try await Self.seenByBen(server, query: "")
        #expect(open["view"] == ["rapport", "ana"] && open["memos"] == ["ana"] && open["compare"] == ["ana"])
        let whole = server.folder.appendingPathComponent("whole.qdpx")
        try await server.send("GET", "/api/export.qdpx").body.write(to: whole)
        #expect(Set(try REFIQDAImport.read(path: whole.path).result.coders) == ["ana", "rapport"])

        // Once ben marks the encounter done, blind ben sees ana's work there (her code memo stays hers).
        #expect(try await server.send("POST", "/api/done", json: ["source": 1, "encounter": 0, "coder": "ben", "done": true], csrf: csrf).status == 200)
        let done = try await Self.seenByBen(server, query: "&blind=true")
        #expect(done["view"] == ["rapport", "ana"] && done["view memos"] == ["ana"] && done["compare"] == ["ana"] && done["export"] == ["rapport", "ana"])
        let memos = try await server.send("GET", "/api/memos?blind=true&coder=ben").array
        #expect(memos.count == 1 && memos.first?["target"] as? String == "encounter")
        // The decision log given to a blind coder is theirs alone.
        #expect(done["decisions"] == [])
    }

    @Test("a blind server applies blind mode to every request, whatever it says")
    func blindServer() async throws {
        let server = try await LiveServer(blind: true)
        defer { server.stop() }
        let csrf = try await server.csrf()
        #expect(try await server.send("GET", "/api/session").object["blind"] as? Bool == true)
        _ = try await Self.anaWorks(server, csrf: csrf)
        for query in ["", "&blind=false"] {
            let seen = try await Self.seenByBen(server, query: query)
            for (path, coders) in seen { #expect(!coders.contains("ana"), "ana's work reaches ben through \(path) with '\(query)': \(coders)") }
        }
        for path in ["/api/memos", "/api/decisions", "/api/export.qdpx"] {
            #expect(try await server.send("GET", path).status == 400, "\(path) answered without knowing who asks")
        }
        // Ana still sees her own work.
        let view = try await server.send("GET", "/api/sources/1/encounters/0?coder=ana").object
        #expect(Set((view["codings"] as? [[String: Any]] ?? []).compactMap { $0["coder"] as? String }) == ["rapport", "ana"])
    }
}
