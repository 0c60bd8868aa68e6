import Interchange
import Foundation
import Testing
@testable import Review

/// The review API over a real loopback server: a review session through the JSON API, the
/// export that must carry every decision by coder, agreement that ignores text nobody coded,
/// and the refusals (no token, wrong origin or host, no CSRF header, oversized or malformed bodies).
@Suite("Review API", .serialized)
struct ReviewAPITests {
    @Test("no token, a wrong token, another origin or host, or no CSRF header is refused")
    func refusals() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        let none = try await server.send("GET", "/api/session", auth: false)
        #expect(none.status == 401)
        #expect((none.object["error"] as? String)?.contains("access token") == true)
        #expect(try await server.send("GET", "/api/encounters?coder=ana&token=wrong", auth: false).status == 401)
        #expect(try await server.send("GET", "/", auth: false, headers: ["Cookie": "rapport_token=nope"]).status == 401)

        // The token in the address is traded for a cookie; the cookie then opens the page.
        let first = try await server.send("GET", "/?token=\(server.token)", auth: false)
        #expect(first.status == 303)
        let cookie = try #require(first.header("Set-Cookie"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let page = try await server.send("GET", "/", auth: false, headers: ["Cookie": "rapport_token=\(server.token)"])
        #expect(page.status == 200)
        #expect(String(decoding: page.body, as: UTF8.self).contains("<script src=\"/app.js\""))
        let policy = try #require(page.header("Content-Security-Policy"))
        #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'") && !policy.contains("unsafe"))
        #expect(page.header("X-Frame-Options") == "DENY")

        #expect(try await server.send("GET", "/api/session", headers: ["Origin": "http://evil.example"]).status == 403)
        #expect(try await server.send("GET", "/api/session", headers: ["Sec-Fetch-Site": "cross-site"]).status == 403)
        #expect(try await server.send("GET", "/api/session", headers: ["Host": "evil.example:\(server.port)"]).status == 403)
        #expect(try await server.send("GET", "/api/session", headers: ["Origin": "http://127.0.0.1:\(server.port)"]).status == 200)

        let noCSRF = try await server.send("POST", "/api/coders", json: ["name": "ana"])
        #expect(noCSRF.status == 403)
        #expect((noCSRF.object["error"] as? String)?.contains("CSRF") == true)
        #expect(try await server.send("POST", "/api/coders", json: ["name": "ana"], csrf: "wrong").status == 403)
        #expect(try await server.send("POST", "/api/coders", json: ["name": "ana"], csrf: try await server.csrf()).status == 201)

        // A wrong token in a header or the address is refused even with a good cookie (fail closed).
        let good = ["Cookie": "rapport_token=\(server.token)"]
        #expect(try await server.send("GET", "/api/coders", auth: false, headers: good).status == 200)
        #expect(try await server.send("GET", "/api/coders", auth: false, headers: good.merging(["Authorization": "Bearer nope"]) { a, _ in a }).status == 401)
        #expect(try await server.send("GET", "/api/coders", auth: false, headers: good.merging(["Authorization": "Basic YTpi"]) { a, _ in a }).status == 401)
        #expect(try await server.send("GET", "/api/coders?token=nope", auth: false, headers: good).status == 401)
        #expect(try await server.send("GET", "/api/coders", headers: ["Cookie": "rapport_token=nope"]).status == 401)
        // A stale cookie from an earlier run does not stop the new address from working.
        #expect(try await server.send("GET", "/?token=\(server.token)", auth: false, headers: ["Cookie": "rapport_token=stale"]).status == 303)
    }

    @Test("a method a path does not have answers 405 with the methods it has")
    func methodNotAllowed() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        let trace = try await server.send("TRACE", "/app.js", csrf: try await server.csrf())
        #expect(trace.status == 405)
        #expect(trace.header("Allow") == "GET")
        let put = try await server.send("PUT", "/api/memos", csrf: try await server.csrf())
        #expect(put.status == 405)
        #expect(put.header("Allow") == "GET, POST")
        #expect((put.object["error"] as? String)?.contains("not allowed") == true)
        #expect(try await server.send("QUERY", "/api/session", csrf: try await server.csrf()).status == 405)
        #expect(try await server.send("GET", "/api/nothing-here").status == 404)
        // The machine's suggestions cannot be removed by naming the machine as the coder.
        let view = try await server.send("GET", "/api/sources/1/encounters/0?coder=ana").object
        let suggestion = try #require((view["codings"] as? [[String: Any]])?.first { $0["coder"] as? String == "rapport" }?["id"] as? Int)
        #expect(try await server.send("DELETE", "/api/codings/\(suggestion)?coder=rapport", csrf: try await server.csrf()).status == 400)
    }

    @Test("bad requests get JSON errors, never a server error")
    func badRequests() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        let csrf = try await server.csrf()
        let missing = try await server.send("GET", "/etc/passwd")
        #expect(missing.status == 404)
        #expect(missing.object["error"] != nil)
        #expect(try await server.send("GET", "/../../etc/passwd").status == 404)
        #expect(try await server.send("GET", "/api/encounters").status == 400, "coder is required")
        #expect(try await server.send("GET", "/api/encounters?coder=%3Cscript%3E").status == 400)
        #expect(try await server.send("GET", "/api/sources/x/encounters/0?coder=ana").status == 400)
        #expect(try await server.send("GET", "/api/sources/99/encounters/0?coder=ana").status == 404)
        #expect(try await server.send("GET", "/api/sources/1/encounters/7?coder=ana").status == 404)
        #expect(try await server.send("POST", "/api/decisions", body: Data("{not json".utf8), csrf: csrf).status == 400)
        #expect(try await server.send("POST", "/api/decisions", json: ["suggestion": 1], csrf: csrf).status == 400)
        #expect(try await server.send("POST", "/api/decisions", json: ["suggestion": 99_999, "coder": "ana", "action": "accept"], csrf: csrf).status == 404)
        #expect(try await server.send("POST", "/api/decisions", json: ["suggestion": 1, "coder": "ana", "action": "maybe"], csrf: csrf).status == 400)
        #expect(try await server.send("POST", "/api/decisions", json: ["suggestion": 1, "coder": "rapport", "action": "accept"], csrf: csrf).status == 400)
        #expect(try await server.send("POST", "/api/codings", json: ["source": 1, "encounter": 0, "coder": "ana", "code": "nonsense", "start": 0, "end": 5], csrf: csrf).status == 400)
        #expect(try await server.send("POST", "/api/codings", json: ["source": 1, "encounter": 0, "coder": "ana", "code": "power", "start": 5, "end": 99_999], csrf: csrf).status == 400)
        let huge = Data(("{\"name\": \"" + String(repeating: "x", count: 70_000) + "\"}").utf8)
        #expect(try await server.send("POST", "/api/coders", body: huge, csrf: csrf).status == 413)
        #expect(try await server.send("DELETE", "/api/codings/1?coder=ana", csrf: csrf).status == 404, "not ana's coding")
    }

    @Test("accept, reject, change and hand-code through the API; the export carries every decision by coder")
    func reviewSession() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        let csrf = try await server.csrf()
        let session = try await server.send("GET", "/api/session").object
        let codes = (session["codebook"] as? [String: Any])?["codes"] as? [[String: Any]] ?? []
        #expect(codes.contains { $0["id"] as? String == "power.statutory" && $0["parent"] as? String == "power" })

        let encounters = try await server.send("GET", "/api/encounters?coder=ana").array
        #expect(encounters.count == 1)
        let suggestionCount = encounters.first?["suggestions"] as? Int ?? 0
        #expect(suggestionCount >= 3)

        let view = try await server.send("GET", "/api/sources/1/encounters/0?coder=ana").object
        let segments = view["segments"] as? [[String: Any]] ?? []
        #expect(segments.count == 5)
        let suggestions = (view["codings"] as? [[String: Any]] ?? []).filter { $0["coder"] as? String == "rapport" }
        #expect(suggestions.count == suggestionCount)
        #expect(suggestions.allSatisfy { $0["status"] as? String == "pending" && $0["evidence"] != nil })
        // Offsets are code points into the text: each suggestion's span lies in its segment.
        for s in suggestions {
            let seg = try #require(segments.first { $0["index"] as? Int == s["segment"] as? Int })
            #expect((seg["start"] as! Int) <= (s["start"] as! Int) && (s["end"] as! Int) <= (seg["end"] as! Int))
        }
        let ids = suggestions.compactMap { $0["id"] as? Int }
        let accept = try await server.send("POST", "/api/decisions", json: ["suggestion": ids[0], "coder": "ana", "action": "accept"], csrf: csrf)
        #expect(accept.status == 201)
        #expect(accept.object["result"] != nil)
        #expect(try await server.send("POST", "/api/decisions", json: ["suggestion": ids[1], "coder": "ana", "action": "reject"], csrf: csrf).status == 201)
        let third = suggestions[2]
        let change = try await server.send("POST", "/api/decisions", json: [
            "suggestion": ids[2], "coder": "ana", "action": "change", "code": "hostility.mistrust",
            "start": third["start"] as! Int, "end": (third["end"] as! Int) - 1], csrf: csrf)
        #expect(change.status == 201, "\(change.object)")

        // Hand-code "you're all the same" in Mum's first turn.
        let mum = try #require(segments.first { ($0["text"] as? String)?.contains("all the same") == true })
        let text = mum["text"] as! String
        let offset = Array(text.unicodeScalars).count - Array(text[text.range(of: "you're all the same")!.lowerBound...].unicodeScalars).count
        let start = (mum["start"] as! Int) + offset
        let hand = try await server.send("POST", "/api/codings", json: [
            "source": 1, "encounter": 0, "coder": "ana", "code": "hostility.mistrust", "start": start, "end": start + 19], csrf: csrf)
        #expect(hand.status == 201, "\(hand.object)")

        let after = try await server.send("GET", "/api/sources/1/encounters/0?coder=ana").object
        let codings = after["codings"] as? [[String: Any]] ?? []
        let statuses = Dictionary(uniqueKeysWithValues: codings.filter { $0["coder"] as? String == "rapport" }.map { ($0["id"] as! Int, $0["status"] as! String) })
        #expect(statuses[ids[0]] == "accept" && statuses[ids[1]] == "reject" && statuses[ids[2]] == "change")
        let ana = codings.filter { $0["coder"] as? String == "ana" }
        #expect(Set(ana.compactMap { $0["origin"] as? String }) == ["accepted", "changed", "hand"])
        #expect(try await server.send("GET", "/api/encounters?coder=ana").array.first?["decided"] as? Int == 3)

        // The export: rapport's suggestions and ana's codings, each as its own REFI-QDA user.
        let export = try await server.send("GET", "/api/export.qdpx")
        #expect(export.status == 200)
        let file = server.folder.appendingPathComponent("out.qdpx")
        try export.body.write(to: file)
        let imported = try REFIQDAImport.read(path: file.path).result
        #expect(Set(imported.coders) == ["ana", "rapport"])
        let all = imported.coded.flatMap { $0.annotations.joined().joined() }
        #expect(all.filter { $0.coder == "rapport" }.count == suggestionCount)
        let anaExported = all.filter { $0.coder == "ana" }
        #expect(anaExported.count == 3)
        #expect(anaExported.contains { $0.code == "hostility.mistrust" && $0.start == start && $0.end == start + 19 })
        #expect(anaExported.contains { $0.code == "hostility.mistrust" && $0.end == (third["end"] as! Int) - 1 })
        #expect(!anaExported.contains { $0.start == suggestions[1]["start"] as! Int && $0.code == suggestions[1]["code"] as! String })
    }

    @Test("blind mode hides another coder's codings until the viewer marks the encounter done")
    func blindMode() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        let csrf = try await server.csrf()
        let segments = try await server.send("GET", "/api/sources/1/encounters/0?coder=ana").object["segments"] as? [[String: Any]] ?? []
        let start = try #require(segments.last?["start"] as? Int)
        #expect(try await server.send("POST", "/api/codings", json: [
            "source": 1, "encounter": 0, "coder": "ana", "code": "empathy", "start": start, "end": start + 4], csrf: csrf).status == 201)
        func coders(_ blind: Bool) async throws -> Set<String> {
            let view = try await server.send("GET", "/api/sources/1/encounters/0?coder=ben\(blind ? "&blind=true" : "")").object
            return Set((view["codings"] as? [[String: Any]] ?? []).compactMap { $0["coder"] as? String })
        }
        #expect(try await coders(true) == ["rapport"])
        #expect(try await coders(false) == ["rapport", "ana"])
        #expect(try await server.send("POST", "/api/done", json: ["source": 1, "encounter": 0, "coder": "ben", "done": true], csrf: csrf).status == 200)
        #expect(try await coders(true) == ["rapport", "ana"])
    }

    @Test("compare counts only segments someone coded, gives κ and α per code, and adjudication resolves")
    func compareAndAdjudicate() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        let csrf = try await server.csrf()
        let view = try await server.send("GET", "/api/sources/1/encounters/0?coder=ana").object
        let suggestions = (view["codings"] as? [[String: Any]] ?? []).filter { $0["coder"] as? String == "rapport" }
        for s in suggestions {
            _ = try await server.send("POST", "/api/decisions", json: ["suggestion": s["id"] as! Int, "coder": "ana", "action": "accept"], csrf: csrf)
        }
        let codedSegments = Set(suggestions.compactMap { $0["segment"] as? Int })
        let same = try await server.send("GET", "/api/compare?a=ana&b=rapport").object
        #expect(same["encounters"] as? Int == 1)
        let figures = same["codes"] as? [[String: Any]] ?? []
        #expect(figures.map { $0["code"] as? String } == ["hostility", "empathy", "acceptance", "power"])
        // Five segments, but only those somebody coded are units.
        #expect(figures.allSatisfy { $0["units"] as? Int == codedSegments.count }, "\(figures)")
        #expect((same["disagreements"] as? [Any])?.isEmpty == true)

        // Ana rejects one machine code: exactly that code on that segment is a disagreement.
        let first = suggestions[0]
        _ = try await server.send("POST", "/api/decisions", json: ["suggestion": first["id"] as! Int, "coder": "ana", "action": "reject"], csrf: csrf)
        let after = try await server.send("GET", "/api/compare?a=ana&b=rapport").object
        let disagreements = after["disagreements"] as? [[String: Any]] ?? []
        let top = String((first["code"] as! String).split(separator: ".")[0])
        let onFirst = disagreements.filter { $0["segment"] as? Int == first["segment"] as? Int && $0["code"] as? String == top }
        #expect(onFirst.count == 1)
        #expect(onFirst.first?["a"] as? Bool == false && onFirst.first?["b"] as? Bool == true)
        #expect(onFirst.first?["resolved"] == nil)

        let resolved = try await server.send("POST", "/api/adjudications", json: [
            "a": "ana", "b": "rapport", "source": 1, "encounter": 0, "segment": first["segment"] as! Int, "code": top, "keep": true], csrf: csrf)
        #expect(resolved.status == 200, "\(resolved.object)")
        let entry = (resolved.object["disagreements"] as? [[String: Any]] ?? []).first {
            $0["segment"] as? Int == first["segment"] as? Int && $0["code"] as? String == top
        }
        #expect(entry?["resolved"] as? Bool == true)
        #expect(try server.store.codings(coders: ["adjudicated"]).contains { $0.annotation.topLevelCode == top })
    }

    @Test("memos are kept per coder and only their author deletes them")
    func memos() async throws {
        let server = try await LiveServer()
        defer { server.stop() }
        let csrf = try await server.csrf()
        let saved = try await server.send("POST", "/api/memos", json: [
            "coder": "ana", "target": "encounter", "source": 1, "encounter": 0, "text": "Tense start, softens at the end."], csrf: csrf)
        #expect(saved.status == 201)
        let id = try #require(saved.object["id"] as? Int)
        #expect(try await server.send("POST", "/api/memos", json: ["coder": "ana", "target": "passage", "source": 1, "encounter": 0, "text": "x"], csrf: csrf).status == 400)
        #expect(try await server.send("GET", "/api/memos?source=1").array.map { $0["text"] as? String } == ["Tense start, softens at the end."])
        #expect(try await server.send("DELETE", "/api/memos/\(id)?coder=ben", csrf: csrf).status == 404)
        #expect(try await server.send("DELETE", "/api/memos/\(id)?coder=ana", csrf: csrf).status == 200)
    }
}
