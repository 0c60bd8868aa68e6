import Coding
import Foundation
import Hummingbird
import Project
import Reports

extension ReviewAPI {
    /// The coder whose codings are the resolution of disagreements.
    static let adjudicatedCoder = "adjudicated"

    /// Encounters a coder has worked on (coded, decided on a suggestion, or marked done); for the
    /// machine and imported coders, every encounter of a source they coded.
    func workedOn(_ coder: String, codings: [StoredCoding], decisions: [Decision], kind: ProjectCoder.Kind?) throws -> Set<String> {
        var keys: Set<String> = []
        if kind == .machine || kind == .imported {
            let sources = Set(codings.filter { $0.annotation.coder == coder }.map(\.sourceID))
            for e in try store.encounters() where sources.contains(e.sourceID) { keys.insert("\(e.sourceID)#\(e.index)") }
            return keys
        }
        for c in codings where c.annotation.coder == coder { keys.insert("\(c.sourceID)#\(c.encounter)") }
        let byID = Dictionary(uniqueKeysWithValues: codings.map { ($0.id, $0) })
        for d in decisions where d.coder == coder {
            if let c = byID[d.suggestionID] { keys.insert("\(c.sourceID)#\(c.encounter)") }
        }
        for d in try store.doneEncounters(coder: coder) { keys.insert("\(d.sourceID)#\(d.encounter)") }
        return keys
    }

    /// Agreement of two coders per top-level code on the segments of the encounters both worked
    /// on; a segment neither coded is not a unit, so text nobody coded does not count as agreement.
    func comparison(a: String, b: String) throws -> API.Comparison {
        let all = try store.codings(coders: [a, b, Self.adjudicatedCoder])
        let decisions = try store.decisions()
        let kinds = Dictionary(try store.coders().map { ($0.name, $0.kind) }, uniquingKeysWith: { x, _ in x })
        let shared = try workedOn(a, codings: all, decisions: decisions, kind: kinds[a])
            .intersection(try workedOn(b, codings: all, decisions: decisions, kind: kinds[b]))
        let encounters = try store.encounters()
        let names = Dictionary(encounters.map { ("\($0.sourceID)#\($0.index)", ($0.path, $0.name)) }, uniquingKeysWith: { x, _ in x })
        func codings(of coder: String) -> Codings {
            var units: [Codings.Unit: Set<String>] = [:]
            var paths: Set<String> = []
            for key in shared { if let n = names[key] { paths.insert("\(n.0)#\(key)") } }
            for c in all where c.annotation.coder == coder {
                let key = "\(c.sourceID)#\(c.encounter)"
                guard shared.contains(key), let n = names[key] else { continue }
                units[Codings.Unit(path: "\(n.0)#\(key)", encounter: key, segment: c.annotation.segment), default: []]
                    .insert(c.annotation.topLevelCode)
            }
            return Codings(coder: coder, units: units, paths: paths)
        }
        let first = codings(of: a), second = codings(of: b)
        let agreement = CodingAgreement([first, second], codes: session.codebook.topLevelIDs, bootstrapSamples: 0)
        var adjudicated: [String: Set<String>] = [:]
        for c in all where c.annotation.coder == Self.adjudicatedCoder {
            adjudicated["\(c.sourceID)#\(c.encounter)#\(c.annotation.segment)", default: []].insert(c.annotation.topLevelCode)
        }
        let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
        var adjudicatedUnits: Set<String> = []
        for d in decisions where d.coder == Self.adjudicatedCoder {
            if let c = byID[d.suggestionID] { adjudicatedUnits.insert("\(c.sourceID)#\(c.encounter)#\(c.annotation.segment)#\(c.annotation.topLevelCode)") }
        }
        var disagreements: [API.Disagreement] = []
        var figures: [API.CodeAgreement] = []
        for f in agreement.figures where f.code != "overall" {
            figures.append(API.CodeAgreement(code: f.code, units: f.units, percentAgreement: f.percentAgreement,
                                             kappa: f.cohen.first?.kappa, alpha: f.alpha, verdict: "\(f.verdict)"))
            for d in f.disagreements {
                let parts = d.unit.encounter.split(separator: "#")
                guard parts.count == 2, let source = Int64(parts[0]), let e = Int(parts[1]) else { continue }
                let unitKey = "\(d.unit.encounter)#\(d.unit.segment)"
                let resolved: Bool? = adjudicatedUnits.contains(unitKey + "#" + f.code) ? adjudicated[unitKey, default: []].contains(f.code) : nil
                disagreements.append(API.Disagreement(
                    source: source, encounter: e, encounterName: names[d.unit.encounter]?.1 ?? "", segment: d.unit.segment,
                    code: f.code, a: d.values[0] == "1", b: d.values[1] == "1",
                    text: try excerpt(source: source, encounter: e, segment: d.unit.segment), resolved: resolved))
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
        return try JSONBody.response(try comparison(a: a, b: b))
    }

    /// Resolves one disagreement into the adjudicated coding, as decisions of the coder
    /// `adjudicated` on the two coders' codings: keep accepts one coder's coding of the code in
    /// that segment, drop rejects them all. Every resolution stays in the decision log.
    func adjudicate(_ request: Request) async throws -> Response {
        let body = try await JSONBody.decode(API.AdjudicationRequest.self, from: request)
        let a = try Self.checked(coder: body.a), b = try Self.checked(coder: body.b)
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
        return try JSONBody.response(try comparison(a: a, b: b))
    }
}
