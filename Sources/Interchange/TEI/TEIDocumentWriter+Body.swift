import Coding
import Transcripts

extension TEIDocumentWriter {
    /// Evidence of one annotation, written as an `interpGrp` at the end of its encounter.
    struct EvidenceEntry {
        var id: String
        var coderID: String
        var evidence: Evidence
    }

    /// `<div type="encounter">`: a timeline when turns carry times, the segments, the evidence.
    mutating func division(_ encounter: Encounter, annotations: [[Annotation]], speakers: [String: String],
                           settingID: String, depth: Int, out: inout XMLOutput) {
        out.start("div")
        out.attribute("type", "encounter")
        if ids.claimExactly(encounter.id) {
            out.attribute("xml:id", encounter.id)
            out.attribute("n", encounter.metadata["n"])
        } else {
            // Not a valid XML name (or taken): the parser reads the id from @n as well.
            out.attribute("n", encounter.id)
        }
        out.attribute("decls", "#" + settingID)
        let times = timeline(encounter, depth: depth + 1, out: &out)
        var evidence: [EvidenceEntry] = []
        for (s, segment) in encounter.segments.enumerated() {
            out.newline(depth + 1)
            self.segment(segment, annotations: s < annotations.count ? annotations[s] : [],
                         who: segment.speaker.flatMap { speakers[$0] }, start: segment.timestamp.flatMap { times[$0] },
                         evidence: &evidence, out: &out)
        }
        for entry in evidence {
            out.newline(depth + 1)
            interpGroup(entry, depth: depth + 1, out: &out)
        }
        out.newline(depth)
        out.end()
    }

    /// `<timeline>` with a `<when>` per distinct time of the encounter's turns; returns the
    /// `xml:id` for each time as written.
    private mutating func timeline(_ encounter: Encounter, depth: Int, out: inout XMLOutput) -> [String: String] {
        var times: [String: String] = [:]
        var points: [(id: String, absolute: String)] = []
        for segment in encounter.segments {
            guard let stamp = segment.timestamp, times[stamp] == nil, let absolute = Self.clockTime(stamp) else { continue }
            counters.when += 1
            let id = ids.claim("w\(counters.when)")
            times[stamp] = id
            points.append((id, absolute))
        }
        guard !points.isEmpty else { return [:] }
        out.newline(depth)
        out.start("timeline")
        out.attribute("unit", "s")
        for point in points {
            out.newline(depth + 1)
            out.start("when")
            out.attribute("xml:id", point.id)
            out.attribute("absolute", point.absolute)
            out.end()
        }
        out.newline(depth)
        out.end()
        return times
    }

    /// A transcript time as an `xsd:time` (`1:02:03,5` → `01:02:03.5`, `14:32` → `14:32:00`);
    /// nil when it is not a clock time.
    static func clockTime(_ stamp: String) -> String? {
        var text = stamp
        if text.first == "[" || text.first == "(" { text.removeFirst() }
        if text.last == "]" || text.last == ")" { text.removeLast() }
        text = String(text.map { $0 == "," ? "." : $0 })
        var fraction = ""
        if let dot = text.firstIndex(of: ".") {
            fraction = String(text[dot...])
            text = String(text[..<dot])
            guard fraction.count > 1, fraction.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        var parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if parts.count == 2 { parts.append("00") }
        parts = parts.map { $0.count == 1 ? "0" + $0 : $0 }
        guard let minutes = Int(parts[1]), let seconds = Int(parts[2]), let hours = Int(parts[0]),
              hours < 24, minutes < 60, seconds < 60 else { return nil }
        return parts.joined(separator: ":") + fraction
    }

    /// `<interpGrp type="evidence">`: the cue, rule, matched text, negation and actor decisions.
    private func interpGroup(_ entry: EvidenceEntry, depth: Int, out: inout XMLOutput) {
        out.start("interpGrp")
        out.attribute("xml:id", entry.id)
        out.attribute("type", "evidence")
        out.attribute("resp", "#" + entry.coderID)
        let parts = [("cue", entry.evidence.cue), ("rule", entry.evidence.rule), ("matched", entry.evidence.matched),
                     ("negation", entry.evidence.negation), ("actor", entry.evidence.actor)]
        for (type, value) in parts {
            out.newline(depth + 1)
            out.element("interp", text: value, attributes: [("type", type)])
        }
        out.newline(depth)
        out.end()
    }
}
