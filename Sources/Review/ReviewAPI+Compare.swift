import Coding
import Foundation
import Hummingbird
import Project
import Reports

extension ReviewAPI {
    /// The coder whose codings are the resolution of disagreements.
    static let adjudicatedCoder = ProjectCoder.adjudicatedName

    /// Agreement of two coders per top-level code on the segments of the encounters both worked
    /// on; a segment neither coded is not a unit, so text nobody coded does not count as agreement.
    /// Aggregated in SQL over the shared encounters only (codes, no evidence). In blind mode only
    /// encounters the viewer marked done are compared, unless both coders are the viewer or the machine.
    func comparison(a: String, b: String, viewer: Viewer) throws -> API.Comparison {
        var shared = try store.encountersWorkedOn(by: a).intersection(try store.encountersWorkedOn(by: b))
        if !viewer.seesAll(of: [a, b]) { shared.formIntersection(viewer.done) }
        let pair = try store.agreementCodings(coders: [a, b], within: shared)
        var keys: [String: (key: EncounterKey, name: String)] = [:]
        for e in try store.encounters() {
            keys[ProjectStore.unitPath(sourcePath: e.path, encounter: e.index)] = (EncounterKey(sourceID: e.sourceID, encounter: e.index), e.name)
        }
        let agreement = CodingAgreement(pair, codes: session.codebook.topLevelIDs, bootstrapSamples: 0)
        func unitKey(_ key: EncounterKey, _ segment: Int) -> String { "\(key.sourceID)#\(key.encounter)#\(segment)" }
        var adjudicated: [String: Set<String>] = [:]
        for c in try store.codedSegments(coders: [Self.adjudicatedCoder], in: shared) {
            adjudicated[unitKey(c.encounter, c.segment), default: []].insert(String(c.code.split(separator: ".").first ?? ""))
        }
        var adjudicatedUnits: Set<String> = []
        for c in try store.decidedSegments(by: Self.adjudicatedCoder) {
            adjudicatedUnits.insert(unitKey(c.encounter, c.segment) + "#" + String(c.code.split(separator: ".").first ?? ""))
        }
        var disagreements: [API.Disagreement] = []
        var figures: [API.CodeAgreement] = []
        for f in agreement.figures where f.code != "overall" {
            figures.append(API.CodeAgreement(code: f.code, units: f.units, percentAgreement: f.percentAgreement,
                                             kappa: f.cohen.first?.kappa, alpha: f.alpha, verdict: "\(f.verdict)"))
            for d in f.disagreements {
                guard let (key, name) = keys[d.unit.path] else { continue }
                let unit = unitKey(key, d.unit.segment)
                let resolved: Bool? = adjudicatedUnits.contains(unit + "#" + f.code) ? adjudicated[unit, default: []].contains(f.code) : nil
                disagreements.append(API.Disagreement(
                    source: key.sourceID, encounter: key.encounter, encounterName: name, segment: d.unit.segment,
                    code: f.code, a: d.values[0] == "1", b: d.values[1] == "1",
                    text: try excerpt(source: key.sourceID, encounter: key.encounter, segment: d.unit.segment), resolved: resolved))
            }
        }
        return API.Comparison(a: a, b: b, encounters: shared.count, codes: figures, disagreements: disagreements)
    }

    func excerpt(source: Int64, encounter: Int, segment: Int) throws -> String {
        let transcript = try session.transcript(source)
        guard transcript.encounters.indices.contains(encounter),
              let s = transcript.encounters[encounter].segments.first(where: { $0.index == segment }) else { return "" }
        return s.text.count > 240 ? String(s.text.prefix(240)) + "…" : s.text
    }

    func compare(_ request: Request) throws -> Response {
        let a = try coderParameter(request, "a"), b = try coderParameter(request, "b")
        guard a != b else { throw APIError.badRequest("compare two different coders") }
        return try JSONBody.response(try comparison(a: a, b: b, viewer: try viewer(request)))
    }

    /// Resolves one disagreement into the adjudicated coding, as decisions of the coder
    /// `adjudicated` on the two coders' codings: keep accepts one coder's coding of the code in
    /// that segment, drop rejects them all. Every resolution stays in the decision log.
    func adjudicate(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(API.AdjudicationRequest.self, from: request)
        let a = try Self.checked(coder: body.a), b = try Self.checked(coder: body.b)
        let viewer = try viewer(request)
        if !viewer.seesAll(of: [a, b]) && !viewer.done.contains(EncounterKey(sourceID: body.source, encounter: body.encounter)) {
            throw APIError.badRequest("blind mode: mark this encounter done before adjudicating others' codings in it")
        }
        let code = try checked(code: body.code)
        let top = String(code.split(separator: ".").first ?? "")
        let inSegment = try store.codings(source: body.source, encounter: body.encounter, coders: [a, b])
            .filter { $0.annotation.segment == body.segment && $0.annotation.topLevelCode == top }
        guard let model = inSegment.first(where: { $0.annotation.coder == a }) ?? inSegment.first else {
            throw APIError.badRequest("neither \(a) nor \(b) gave \(top) to segment \(body.segment)")
        }
        if body.keep {
            for c in inSegment where c.id != model.id { _ = try store.decide(.reject, on: c.id, by: Self.adjudicatedCoder) }
            _ = try store.decide(.accept, on: model.id, by: Self.adjudicatedCoder)
        } else {
            for c in inSegment { _ = try store.decide(.reject, on: c.id, by: Self.adjudicatedCoder) }
        }
        return try JSONBody.response(try comparison(a: a, b: b, viewer: viewer))
    }
}
