import Coding
import Reports
import Transcripts

/// One encounter's transcript as HTML: each segment with its speaker, label and role (or "Field
/// note" for the observer's prose), coded passages highlighted in their codes' colours with one
/// underline per code (several codes on a passage stack their underlines), the evidence in each
/// highlight's tooltip, and a margin note per code applied to the segment.
struct TranscriptHighlighter {
    var model: ReportModel

    /// `<article class="encounter">` for encounter `e` of `coded`, anchored at `chart.anchor`.
    func render(_ coded: CodedTranscript, encounter e: Int, chart: ChartEncounter) -> String {
        let encounter = coded.transcript.encounters[e]
        let anchor = chart.anchor
        var html = ##"<article class="encounter" id="\##(anchor)" aria-labelledby="\##(anchor)-h"><header>"##
        let details = [chart.kind, chart.setting, chart.date.map(DateLabel.long)].compactMap { $0 }
        html += ##"<h3 id="\##(anchor)-h">\##(esc(encounter.id))"##
        if !details.isEmpty { html += ##" <span class="sub">\##(esc(details.joined(separator: " · ")))</span>"## }
        html += "</h3>"
        var meta = ["Case " + (encounter.caseID ?? "none"), "\(NumberText.grouped(chart.words)) words", "\(encounter.segments.count) segments"]
        meta.append(coded.transcript.path + (encounter.line > 1 ? ":\(encounter.line)" : ""))
        html += ##"<p class="meta">\##(meta.map { esc($0) }.joined(separator: " · "))</p>"##
        if !encounter.participants.isEmpty {
            html += ##"<p class="people"><span class="label">Participants:</span> "##
            html += encounter.participants.map { p in
                "<b>\(esc(p.label))</b>" + (p.name.map { " (\(esc($0)))" } ?? "") + " – " + esc(p.role.rawValue)
            }.joined(separator: "; ")
            html += "</p>"
        }
        html += ##"<ul class="chips" aria-label="Coded passages in this encounter">"##
        for code in model.codes {
            let count = chart.passages[code.id] ?? 0
            html += ##"<li class="chip c-\##(code.slug)\##(count == 0 ? " none" : "")"><span class="key" aria-hidden="true"></span>\##(esc(code.name)) <b>\##(count)</b></li>"##
        }
        html += "</ul></header>"
        html += ##"<div class="segs">"##
        for (s, segment) in encounter.segments.enumerated() {
            let annotations = s < coded.annotations[e].count ? coded.annotations[e][s] : []
            html += render(segment, annotations: annotations, in: encounter, id: "\(anchor)-s\(s + 1)")
        }
        html += "</div></article>"
        return html
    }

    /// One segment: who, the highlighted text, and the margin notes.
    func render(_ segment: Segment, annotations: [Annotation], in encounter: Encounter, id: String) -> String {
        let slugs = orderedSlugs(annotations.map(\.code))
        var html = ##"<div class="seg\##(slugs.map { " s-" + $0 }.joined())\##(segment.kind == .observation ? " obs" : "")" id="\##(id)">"##
        html += ##"<div class="who">"##
        if segment.kind == .observation {
            html += ##"<span class="speaker">Field note</span>"##
        } else {
            let label = segment.speaker ?? "?"
            html += ##"<span class="speaker">\##(esc(label))</span>"##
            let name = segment.speaker.flatMap { encounter.participant(forLabel: $0)?.name }
            let role = segment.role.map(\.rawValue) ?? "unknown"
            let details = [name, role].compactMap { $0 }.filter { $0.lowercased() != label.lowercased() }
            html += ##"<span class="role">\##(esc(details.joined(separator: " · ")))</span>"##
        }
        if let timestamp = segment.timestamp { html += ##"<span class="time">\##(esc(timestamp))</span>"## }
        html += "</div>"
        html += ##"<p class="text">"##
        for piece in HighlightPieces.split(segment, annotations: annotations) {
            html += render(piece, annotations: annotations)
        }
        html += "</p>"
        if !annotations.isEmpty {
            html += ##"<ul class="notes">"##
            var seen: Set<String> = []
            for a in annotations {
                let key = a.code + "\u{1}" + (a.evidence?.rule ?? a.coder) + "\u{1}" + (a.evidence?.matched ?? "")
                guard seen.insert(key).inserted else { continue }
                let slug = model.topLevel(a.code)?.slug ?? "other"
                html += ##"<li class="note c-\##(slug)"><span class="key" aria-hidden="true"></span><strong>\##(esc(model.label(a.code)))</strong>"##
                if let evidence = a.evidence {
                    html += ##" <q>\##(esc(evidence.matched))</q> <span class="why">cue <code>\##(esc(evidence.cue))</code>, rule <code>\##(esc(evidence.rule))</code></span>"##
                } else {
                    html += ##" <span class="why">coded by \##(esc(a.coder))</span>"##
                }
                html += "</li>"
            }
            html += "</ul>"
        }
        return html + "</div>"
    }

    /// A piece of text: plain, a transcriber's note, or a `<mark>` with one underline span per code.
    func render(_ piece: HighlightPiece, annotations: [Annotation]) -> String {
        var text = esc(piece.text)
        if piece.inNote { text = ##"<span class="tn">\##(text)</span>"## }
        guard !piece.annotations.isEmpty else { return text }
        let covering = piece.annotations.map { annotations[$0] }
        let slugs = orderedSlugs(covering.map(\.code))
        var lines: [String] = []
        for a in covering {
            var line = model.label(a.code)
            if let evidence = a.evidence {
                line += " — “\(evidence.matched)” (cue “\(evidence.cue)”, rule \(evidence.rule))"
            } else {
                line += " — coded by \(a.coder)"
            }
            if !lines.contains(line) { lines.append(line) }
        }
        var inner = text
        for slug in slugs.reversed() { inner = ##"<span class="u c-\##(slug)">\##(inner)</span>"## }
        let classes = "hl c-" + slugs[0] + slugs.map { " m-" + $0 }.joined()
        return ##"<mark class="\##(classes)" title="\##(esc(lines.joined(separator: "\n")))">\##(inner)</mark>"##
    }

    /// The slugs of the top-level codes of `codes`, once each, in codebook order (`other` last).
    func orderedSlugs(_ codes: [String]) -> [String] {
        let tops = Set(codes.map { String($0.split(separator: ".").first ?? Substring($0)) })
        var slugs = model.codes.filter { tops.contains($0.id) }.map(\.slug)
        if tops.contains(where: { top in !model.codes.contains { $0.id == top } }) { slugs.append("other") }
        return slugs
    }
}
