import Coding
import Foundation
import Hummingbird
import Project
import Transcripts

/// The handlers of the review API. The page uses nothing else, so other tools can do all it does.
struct ReviewAPI: Sendable {
    let session: ReviewSession
    var store: ProjectStore { session.store }

    static let routes: [ReviewRoute] = [
        ReviewRoute(method: .get, path: "/") { _, _, _ in PageAssets.response(PackageResources.page_html, type: "text/html; charset=utf-8") },
        ReviewRoute(method: .get, path: "/app.js") { _, _, _ in PageAssets.response(PackageResources.app_js, type: "text/javascript; charset=utf-8") },
        ReviewRoute(method: .get, path: "/app.css") { _, _, _ in PageAssets.response(PackageResources.app_css, type: "text/css; charset=utf-8") },
        ReviewRoute(method: .get, path: "/api/openapi.json") { _, _, _ in PageAssets.response(PackageResources.openapi_json, type: "application/json") },
        ReviewRoute(method: .get, path: "/api/session") { api, _, _ in try api.sessionInfo() },
        ReviewRoute(method: .get, path: "/api/coders") { api, _, _ in try JSONBody.response(try api.coders()) },
        ReviewRoute(method: .post, path: "/api/coders") { api, request, _ in try await api.addCoder(request) },
        ReviewRoute(method: .get, path: "/api/encounters") { api, request, _ in try api.encounters(request) },
        ReviewRoute(method: .get, path: "/api/sources/{source}/encounters/{encounter}") { api, request, context in
            try api.transcriptView(request, context)
        },
        ReviewRoute(method: .post, path: "/api/decisions") { api, request, _ in try await api.decide(request) },
        ReviewRoute(method: .get, path: "/api/decisions") { api, request, _ in try api.decisionLog(request) },
        ReviewRoute(method: .post, path: "/api/codings") { api, request, _ in try await api.handCode(request) },
        ReviewRoute(method: .delete, path: "/api/codings/{id}") { api, request, context in try api.removeCoding(request, context) },
        ReviewRoute(method: .post, path: "/api/done") { api, request, _ in try await api.markDone(request) },
        ReviewRoute(method: .get, path: "/api/memos") { api, request, _ in try api.memos(request) },
        ReviewRoute(method: .post, path: "/api/memos") { api, request, _ in try await api.saveMemo(request) },
        ReviewRoute(method: .delete, path: "/api/memos/{id}") { api, request, context in try api.deleteMemo(request, context) },
        ReviewRoute(method: .get, path: "/api/compare") { api, request, _ in try api.compare(request) },
        ReviewRoute(method: .post, path: "/api/adjudications") { api, request, _ in try await api.adjudicate(request) },
        ReviewRoute(method: .get, path: "/api/export.qdpx") { api, request, _ in try api.exportQDPX(request) },
    ] + learningRoutes

    // MARK: Parameters

    /// A coder name from the query (`name`), checked.
    func coderParameter(_ request: Request, _ name: String = "coder") throws -> String {
        guard let coder = request.uri.queryParameters.get(name) else { throw APIError.badRequest("missing query parameter '\(name)'") }
        return try Self.checked(coder: coder)
    }

    static func checked(coder: String) throws -> String {
        guard ProjectCoder.isValidName(coder) else {
            throw APIError.badRequest("coder name must be 1-64 letters, digits, '-', '_', '.' or inner spaces")
        }
        return coder
    }

    func person(_ coder: String) throws -> String {
        let name = try Self.checked(coder: coder)
        if name == ProjectCoder.machineName { throw APIError.badRequest("'\(name)' is the automatic coder; choose your own name") }
        return name
    }

    /// The viewer of a request: `coder` from the query (or `named`, from a body), blind when the
    /// server is blind or the request says `blind=true`; blind mode needs to know who asks.
    func viewer(_ request: Request, named: String? = nil) throws -> Viewer {
        let blind = session.blind || request.uri.queryParameters.get("blind") == "true"
        let coder = try named ?? request.uri.queryParameters.get("coder").map(Self.checked(coder:))
        guard blind else { return Viewer(coder: coder, blind: false, done: []) }
        guard let coder else {
            throw APIError.badRequest("blind mode: name the coder who asks (?coder=NAME); others' work shows only in encounters that coder marked done")
        }
        let done = try store.doneEncounters(coder: coder).map { EncounterKey(sourceID: $0.sourceID, encounter: $0.encounter) }
        return Viewer(coder: coder, blind: true, done: Set(done))
    }

    func integer(_ context: BasicRequestContext, _ name: String) throws -> Int64 {
        guard let text = context.parameters.get(name), let value = Int64(text) else {
            throw APIError.badRequest("'\(name)' must be a whole number")
        }
        return value
    }

    func checked(code: String) throws -> String {
        guard session.codeIDs.contains(code) else { throw APIError.badRequest("unknown code '\(code)' (not in the codebook)") }
        return code
    }

    // MARK: Session and coders

    func sessionInfo() throws -> Response {
        let current = try store.currentCodebook()
        var codes: [API.CodeInfo] = []
        func add(_ code: Code, parent: String?, colour: String?) {
            let own = code.colour ?? colour ?? "#888888"
            codes.append(API.CodeInfo(id: code.id, name: code.name, parent: parent, colour: own, definition: code.definition,
                                      useWhen: code.useWhen, doNotUseWhen: code.doNotUseWhen, examples: code.examples))
            for child in code.children { add(child, parent: code.id, colour: own) }
        }
        for code in session.codebook.codes { add(code, parent: nil, colour: nil) }
        return try JSONBody.response(API.Session(
            project: (store.path as NSString).lastPathComponent, csrf: session.csrf, machine: ProjectCoder.machineName,
            codebook: API.CodebookInfo(name: session.codebook.name, version: current?.id, codes: codes),
            coders: try coders(), learning: true, blind: session.blind))
    }

    func coders() throws -> [API.CoderInfo] {
        try store.coders().map { API.CoderInfo(name: $0.name, kind: $0.kind.rawValue) }
    }

    func addCoder(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(API.NewCoder.self, from: request)
        try store.addCoder(ProjectCoder(name: try person(body.name), kind: .person))
        return try JSONBody.response(try coders(), status: .created)
    }

    // MARK: Encounters

    func encounters(_ request: Request) throws -> Response {
        let coder = try coderParameter(request)
        let progress = try store.progress(coder: coder)
        var byKey: [String: ReviewProgress] = [:]
        for p in progress { byKey["\(p.sourceID)#\(p.encounter)"] = p }
        let items = try store.encounters().map { e in
            let p = byKey["\(e.sourceID)#\(e.index)"]
            return API.EncounterItem(source: e.sourceID, encounter: e.index, name: e.name, path: e.path, caseID: e.caseID,
                                     date: e.date, setting: e.setting, kind: e.kind, words: e.words, segments: e.segments,
                                     suggestions: p?.suggestions ?? 0, decided: p?.decided ?? 0, codings: p?.codings ?? 0,
                                     done: p?.done ?? false)
        }
        return try JSONBody.response(items)
    }

    func transcriptView(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let source = try integer(context, "source")
        let index = Int(try integer(context, "encounter"))
        let coder = try coderParameter(request)
        let viewer = try self.viewer(request, named: coder)
        let key = EncounterKey(sourceID: source, encounter: index)
        let transcript = try session.transcript(source)
        guard transcript.encounters.indices.contains(index) else { throw APIError.notFound("no encounter \(index) in source \(source)") }
        let encounter = transcript.encounters[index]
        let scalars = try session.scalars(source)
        let done = try store.isDone(source: source, encounter: index, coder: coder)
        let all = try store.codings(source: source, encounter: index)
        let visible = all.filter { viewer.sees($0.annotation.coder, in: key) }
        let decisions = try store.currentDecisions(coder: coder, source: source)
        let segments = encounter.segments.map { s in
            let lo = max(0, min(s.start, scalars.count)), hi = max(lo, min(s.end, scalars.count))
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars[lo..<hi])
            return API.SegmentItem(index: s.index, kind: s.kind.rawValue, speaker: s.speaker, role: s.role?.rawValue,
                                   start: lo, end: hi, line: s.line, text: text)
        }
        let memos = try store.memos(source: source).filter { $0.encounter == index || $0.encounter == nil }
            .filter { viewer.sees($0.coder, in: $0.encounter.map { EncounterKey(sourceID: source, encounter: $0) }) }
        return try JSONBody.response(API.TranscriptView(
            source: source, encounter: index, name: encounter.id, path: transcript.path, caseID: encounter.caseID,
            date: encounter.date, setting: encounter.setting, kind: encounter.kind, coder: coder, done: done, blind: viewer.blind,
            hidden: all.count - visible.count, segments: segments,
            codings: visible.map { item($0, viewer: coder, decisions: decisions) }, memos: memos.map(Self.item)))
    }

    func item(_ c: StoredCoding, viewer: String, decisions: [Int64: Decision]) -> API.CodingItem {
        let a = c.annotation
        return API.CodingItem(
            id: c.id, code: a.code, coder: a.coder, origin: c.origin.rawValue, segment: a.segment, start: a.start, end: a.end,
            suggestion: c.suggestionID,
            evidence: a.evidence.map { API.EvidenceItem(matched: $0.matched, cue: $0.cue, rule: $0.rule, negation: $0.negation, actor: $0.actor) },
            status: a.coder == viewer ? nil : (decisions[c.id]?.action.rawValue ?? "pending"), codebook: c.codebookID)
    }

    // MARK: Decisions and codings

    func decide(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(API.DecisionRequest.self, from: request)
        let coder = try person(body.coder)
        let viewer = try self.viewer(request, named: coder)
        // In blind mode another coder's coding in an encounter not yet done does not exist for this coder.
        guard let suggestion = try store.coding(body.suggestion),
              viewer.sees(suggestion.annotation.coder, in: EncounterKey(sourceID: suggestion.sourceID, encounter: suggestion.encounter)) else {
            throw APIError.notFound("no coding \(body.suggestion)")
        }
        let verdict: ProjectStore.Verdict
        switch body.action {
        case "accept": verdict = .accept
        case "reject": verdict = .reject
        case "change":
            let code = try checked(code: body.code ?? suggestion.annotation.code)
            let start = body.start ?? suggestion.annotation.start, end = body.end ?? suggestion.annotation.end
            let (_, segment) = try session.locate(source: suggestion.sourceID, encounter: suggestion.encounter, start: start, end: end)
            guard segment.index == suggestion.annotation.segment else {
                throw APIError.badRequest("a changed span must stay within the suggestion's segment")
            }
            verdict = .change(code: code, start: start, end: end)
        default: throw APIError.badRequest("action must be accept, reject or change")
        }
        let decision = try store.decide(verdict, on: body.suggestion, by: coder)
        return try JSONBody.response(Self.item(decision), status: .created)
    }

    static func item(_ d: Decision) -> API.DecisionItem {
        API.DecisionItem(id: d.id, suggestion: d.suggestionID, coder: d.coder, action: d.action.rawValue, code: d.code,
                         start: d.start, end: d.end, result: d.resultID, at: d.at)
    }

    /// The decision log, or one coder's; in blind mode only the asking coder's own decisions.
    func decisionLog(_ request: Request) throws -> Response {
        let viewer = try self.viewer(request)
        return try JSONBody.response(try store.decisions(coder: viewer.coder).map(Self.item))
    }

    func handCode(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(API.CodingRequest.self, from: request)
        let coder = try person(body.coder)
        let code = try checked(code: body.code)
        let (_, segment) = try session.locate(source: body.source, encounter: body.encounter, start: body.start, end: body.end)
        let context: Annotation.Context = segment.kind == .utterance ? .encounter : .observation
        let stored = try store.addCoding(source: body.source, encounter: body.encounter, annotation: Annotation(
            code: code, segment: segment.index, start: body.start, end: body.end, coder: coder, context: context))
        return try JSONBody.response(item(stored, viewer: coder, decisions: [:]), status: .created)
    }

    func removeCoding(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let id = try integer(context, "id")
        // The machine's suggestions are answered with decisions, never removed.
        let coder = try person(try coderParameter(request))
        guard try store.removeCoding(id, by: coder) else { throw APIError.notFound("no coding \(id) of \(coder)") }
        return try JSONBody.response(API.Removed(removed: true))
    }

    func markDone(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(API.DoneRequest.self, from: request)
        let coder = try person(body.coder)
        let transcript = try session.transcript(body.source)
        guard transcript.encounters.indices.contains(body.encounter) else { throw APIError.notFound("no encounter \(body.encounter)") }
        try store.setDone(body.done, source: body.source, encounter: body.encounter, coder: coder)
        return try JSONBody.response(API.Done(done: body.done))
    }

    // MARK: Memos

    static func item(_ m: Memo) -> API.MemoItem {
        API.MemoItem(id: m.id, coder: m.coder, target: m.target.rawValue, source: m.sourceID, encounter: m.encounter, start: m.start,
                     end: m.end, code: m.code, text: m.text, createdAt: m.createdAt, updatedAt: m.updatedAt)
    }

    /// Memos (optionally of one source); in blind mode others' memos only on encounters the asking coder marked done.
    func memos(_ request: Request) throws -> Response {
        let source = try request.uri.queryParameters.get("source").map { text in
            guard let value = Int64(text) else { throw APIError.badRequest("'source' must be a whole number") }
            return value
        }
        let viewer = try self.viewer(request)
        let memos = try store.memos(source: source).filter { m in
            viewer.sees(m.coder, in: m.sourceID.flatMap { s in m.encounter.map { EncounterKey(sourceID: s, encounter: $0) } })
        }
        return try JSONBody.response(memos.map(Self.item))
    }

    func saveMemo(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(API.MemoRequest.self, from: request)
        let coder = try person(body.coder)
        guard let target = Memo.Target(rawValue: body.target) else { throw APIError.badRequest("target must be passage, code or encounter") }
        guard !body.text.isEmpty, body.text.count <= 20_000 else { throw APIError.badRequest("a memo holds 1 to 20000 characters") }
        switch target {
        case .code: _ = try checked(code: body.code ?? "")
        case .encounter:
            guard let source = body.source, let e = body.encounter else { throw APIError.badRequest("an encounter memo needs source and encounter") }
            guard try session.transcript(source).encounters.indices.contains(e) else { throw APIError.notFound("no encounter \(e)") }
        case .passage:
            guard let source = body.source, let e = body.encounter, let start = body.start, let end = body.end else {
                throw APIError.badRequest("a passage memo needs source, encounter, start and end")
            }
            _ = try session.locate(source: source, encounter: e, start: start, end: end)
        }
        let memo = try store.save(Memo(id: body.id ?? 0, coder: coder, target: target, sourceID: body.source, encounter: body.encounter,
                                       start: body.start, end: body.end, code: body.code, text: body.text))
        return try JSONBody.response(Self.item(memo), status: body.id == nil ? .created : .ok)
    }

    func deleteMemo(_ request: Request, _ context: BasicRequestContext) throws -> Response {
        let id = try integer(context, "id")
        let coder = try person(try coderParameter(request))
        guard try store.deleteMemo(id, by: coder) else { throw APIError.notFound("no memo \(id) of \(coder)") }
        return try JSONBody.response(API.Removed(removed: true))
    }
}
