import Testing
import Coding
@testable import HTMLReport
import Reports
import Transcripts

/// A two-code codebook (the second without a colour) and one encounter whose text needs escaping,
/// with overlapping annotations placed by hand.
private enum Sample {
    static let codebook = Codebook(
        name: "Test <codes> & \"more\"",
        codes: [
            Code(id: "hostility", name: "Hostility", definition: "Open conflict. More text.", colour: "#D55E00",
                 children: [Code(id: "hostility.threat", name: "Threat")]),
            Code(id: "power", name: "Power", definition: "Authority and control."),
        ],
        source: "test.yaml")

    static let text = """
        Encounter: E1
        Case: C9
        Date: 2024-02-03
        Kind: home visit
        Participants: SW = worker (Ann); Mum = client (Bea)

        SW: We will go to court & you <must> sign "now".

        Mum: I don't want anything to do with you.

        """

    static func coded() -> CodedTranscript {
        let transcript = PlainTextParser().parse(text: text, path: "sample.txt")
        let encounter = transcript.encounters[0]
        var annotations = encounter.segments.map { _ in [Annotation]() }
        let first = encounter.segments[0]
        // "We will go to court" is a threat (hostility); "go to court & you <must>" is power.
        let threat = Annotation(code: "hostility.threat", segment: 0, start: first.start, end: first.start + 19,
                                coder: "rapport", context: .encounter,
                                evidence: Evidence(matched: "go to court", cue: "go ... to court", rule: "hostility.threat#1",
                                                   negation: "none", actor: "speaker SW (worker)"))
        let power = Annotation(code: "power", segment: 0, start: first.start + 8, end: first.start + 32,
                               coder: "rapport", context: .encounter,
                               evidence: Evidence(matched: "you <must>", cue: "must", rule: "power#2",
                                                  negation: "none", actor: "speaker SW (worker)"))
        annotations[0] = [threat, power]
        return CodedTranscript(transcript: transcript, annotations: [annotations])
    }

    static func html(agreement: AgreementSummary? = nil) -> String {
        let coded = [coded()]
        let report = FrequencyReport(coded: coded, codebook: codebook, subcodes: true)
        return HTMLReport.render(report: report, coded: coded, agreement: agreement)
    }

    static let agreementJSON = """
        {"coders":["ann","ben"],"codes":[
         {"code":"hostility","units":40,"percent_agreement":0.95,"fleiss_kappa":0.85,"alpha":0.851,"alpha_ci95":[0.81,0.95],"verdict":"reliable","cohen_kappa":[{"first":"ann","second":"ben","kappa":0.849}],"disagreeing_units":2},
         {"code":"power","units":40,"percent_agreement":0.85,"fleiss_kappa":0.7,"alpha":0.7,"alpha_ci95":null,"verdict":"tentative","cohen_kappa":[{"first":"ann","second":"ben","kappa":0.69}],"disagreeing_units":6},
         {"code":"overall","units":40,"percent_agreement":0.8,"fleiss_kappa":0.5,"alpha":0.5,"alpha_ci95":[0.3,0.6],"verdict":"unreliable","cohen_kappa":[{"first":"ann","second":"ben","kappa":null}],"disagreeing_units":8}
        ]}
        """
}

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("escapes the five HTML-special characters")
    func special() {
        #expect(HTMLEscaping.escape(#"<b> & "q" 'a'"#) == "&lt;b&gt; &amp; &quot;q&quot; &#39;a&#39;")
    }

    @Test("leaves other text alone, accents and emoji included")
    func plain() {
        #expect(HTMLEscaping.escape("Zoë said: fine 👍") == "Zoë said: fine 👍")
        #expect(HTMLEscaping.escape("") == "")
    }

    @Test("escapes an ampersand that already looks like a reference")
    func doubleEscape() {
        #expect(HTMLEscaping.escape("&amp;") == "&amp;amp;")
    }

    @Test("replaces NUL, which HTML forbids")
    func nul() {
        #expect(HTMLEscaping.escape("a\u{0}b") == "a\u{FFFD}b")
    }
}

@Suite("HTML report")
struct HTMLReportTests {
    @Test("is one self-contained page: no scripts, no external resources")
    func selfContained() {
        let html = Sample.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["http://", "https://", "src=", "<script", "<link", "@import", "url(", "<iframe", "<img"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        #expect(html.contains("Content-Security-Policy"))
    }

    @Test("has every section, headings and table headers")
    func sections() {
        let html = Sample.html()
        for id in ["summary", "frequencies", "timelines", "cooccurrence", "codebook", "transcripts"] {
            #expect(html.contains(#"<section id="\#(id)""#), "section \(id)")
        }
        #expect(!html.contains(#"<section id="agreement""#))
        #expect(html.contains("<h1>"))
        #expect(html.contains(#"<th scope="col""#))
        #expect(html.contains(#"<th scope="row""#))
        #expect(html.contains(#"<svg class="chart bars""#))
        #expect(html.contains(#"<svg class="chart timeline""#))
        #expect(html.contains(#"<svg class="chart heatmap""#))
        #expect(html.contains("@media print"))
    }

    @Test("escapes transcript text and codebook names")
    func escaping() {
        let html = Sample.html()
        #expect(html.contains("&amp; you &lt;must&gt;"))
        #expect(html.contains("sign &quot;now&quot;."))
        #expect(!html.contains("<must>"))
        #expect(html.contains("Test &lt;codes&gt; &amp; &quot;more&quot;"))
        #expect(!html.contains("Test <codes>"))
        // Evidence in a title attribute stays inside the attribute.
        #expect(html.contains("“you &lt;must&gt;” (cue “must”, rule power#2)"))
    }

    @Test("overlapping annotations: the shared stretch carries both codes' underlines")
    func overlap() {
        let html = Sample.html()
        // "We will " is hostility only; "go to court" both; " & you <must>" power only.
        #expect(html.contains(#"<mark class="hl c-hostility m-hostility" title="Hostility › Threat — “go to court” (cue “go ... to court”, rule hostility.threat#1)"><span class="u c-hostility">We will </span></mark>"#))
        #expect(html.contains(#"<span class="u c-hostility"><span class="u c-power">go to court</span></span></mark>"#))
        #expect(html.contains(#"<mark class="hl c-hostility m-hostility m-power""#))
        #expect(html.contains(#"<span class="u c-power"> &amp; you &lt;must&gt;</span></mark>"#))
        // The segment is marked with both codes for the filter, and the margin names both.
        #expect(html.contains(#"<div class="seg s-hostility s-power" id="enc-1-s1">"#))
        #expect(html.contains("<strong>Hostility › Threat</strong>"))
        #expect(html.contains("<strong>Power</strong>"))
    }

    @Test("the code filter has a radio button per code and works without scripts")
    func filter() {
        let html = Sample.html()
        #expect(html.contains(#"<input type="radio" name="code-filter" id="show-all" value="all" checked>"#))
        #expect(html.contains(#"id="show-hostility""#))
        #expect(html.contains(#"id="show-power""#))
        #expect(html.contains("#transcripts:has(#show-power:checked) .u:not(.c-power){border-bottom-color:transparent}"))
    }

    @Test("shows speakers with their names and roles")
    func speakers() {
        let html = Sample.html()
        #expect(html.contains(#"<span class="speaker">SW</span><span class="role">Ann · worker</span>"#))
        #expect(html.contains(#"<span class="speaker">Mum</span><span class="role">Bea · client</span>"#))
    }

    @Test("adds the agreement table with the thresholds and verdicts")
    func agreement() throws {
        let agreement = try AgreementSummary(json: Array(Sample.agreementJSON.utf8))
        #expect(agreement.coders == ["ann", "ben"])
        #expect(agreement.codes.count == 3)
        #expect(agreement.codes[1].interval == nil)
        let html = Sample.html(agreement: agreement)
        #expect(html.contains(#"<section id="agreement""#))
        #expect(html.contains("judged by the lower limit of its 95% interval"))
        #expect(html.contains("lower limit ≥ 0.800 reliable"))
        #expect(html.contains(#"<span class="verdict reliable">✓ reliable</span>"#))
        #expect(html.contains(#"<span class="verdict tentative">~ tentative</span>"#))
        #expect(html.contains(#"<span class="verdict unreliable">✗ unreliable</span>"#))
        #expect(html.contains("All codes together"))
    }

    @Test("rejects a file that is not agreement JSON, naming what is missing")
    func badAgreement() {
        #expect(throws: AgreementSummary.ReadError.self) { try AgreementSummary(json: Array("{\"codes\":[]}".utf8)) }
        do {
            _ = try AgreementSummary(json: Array("{\"codes\":[]}".utf8))
        } catch {
            #expect(error.message.contains("\"coders\""))
        }
        #expect(throws: AgreementSummary.ReadError.self) { try AgreementSummary(json: Array("not json".utf8)) }
    }
}

@Suite("Highlight pieces")
struct HighlightPiecesTests {
    @Test("cuts at every boundary of overlapping annotations")
    func cuts() {
        let coded = Sample.coded()
        let segment = coded.transcript.encounters[0].segments[0]
        let pieces = HighlightPieces.split(segment, annotations: coded.annotations[0][0])
        #expect(pieces.map(\.text) == ["We will ", "go to court", " & you <must>", " sign \"now\"."])
        #expect(pieces.map(\.annotations) == [[0], [0, 1], [1], []])
        #expect(pieces.map(\.text).joined() == segment.text)
    }

    @Test("clips annotations reaching outside the segment and keeps notes apart")
    func clipping() {
        let transcript = PlainTextParser().parse(text: "SW: Fine [laughs] then.\n", path: "t.txt")
        let segment = transcript.encounters[0].segments[0]
        let wide = Annotation(code: "power", segment: 0, start: 0, end: segment.end + 50, coder: "x", context: .encounter)
        let pieces = HighlightPieces.split(segment, annotations: [wide])
        #expect(pieces.map(\.text).joined() == segment.text)
        #expect(pieces.allSatisfy { $0.annotations == [0] })
        #expect(pieces.contains { $0.inNote && $0.text == "[laughs]" })
    }
}

@Suite("Chart layout")
struct ChartLayoutTests {
    static func encounters(_ count: Int) -> [ChartEncounter] {
        (0..<count).map { i in
            let day = String(format2(i % 28 + 1))
            return ChartEncounter(id: "C1-E\(format2(i + 1))", caseID: "C1", date: "2024-03-\(day)", kind: "home visit",
                                  setting: nil, words: 1000 + i * 10, passages: ["hostility": i % 5, "power": 3],
                                  anchor: "enc-\(i + 1)")
        }
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static let codes = [
        ChartCode(id: "hostility", name: "Hostility", colour: "#D55E00", index: 0, slug: "hostility"),
        ChartCode(id: "power", name: "Power", colour: "#CC79A7", index: 1, slug: "power"),
    ]

    @Test("time-line labels never overlap, for 3 to 40 encounters in one case", arguments: [3, 8, 12, 20, 25, 40])
    func timelineLabels(count: Int) {
        let panel = SVGTimeline.panel(caseID: "C1", encounters: Self.encounters(count), codes: Self.codes, maximum: 5)
        let clearance = panel.labels.clearance(spacing: panel.spacing, widest: panel.widest)
        if panel.labels.angle == 0 {
            #expect(clearance >= LabelLayout.gap)
        } else {
            #expect(clearance >= SVGTimeline.fontSize * 1.2)
        }
        #expect(panel.svg.hasPrefix(#"<svg class="chart timeline""#))
    }

    @Test("bar-chart rows are at least two lines apart with 25 encounters")
    func barRows() {
        let drawing = SVGBarChart.draw(groups: [("Case C1", Self.encounters(25))], codes: Self.codes)
        #expect(drawing.labelTops.count == 25)
        for (a, b) in zip(drawing.labelTops, drawing.labelTops.dropFirst()) {
            #expect(b - a >= SVGBarChart.fontSize * 2.4)
        }
        #expect(drawing.svg.contains("Hostility</text>"))
        #expect(drawing.svg.contains("<title>C1-E03 · Hostility: 2 passages in 1,020 words = 2.0 per 1,000 words</title>"))
    }

    @Test("slants, then turns upright, then thins labels as space runs out")
    func plan() {
        #expect(LabelLayout.plan(spacing: 60, widest: 40, size: 10) == LabelLayout(angle: 0, every: 1))
        #expect(LabelLayout.plan(spacing: 30, widest: 40, size: 10) == LabelLayout(angle: -45, every: 1))
        #expect(LabelLayout.plan(spacing: 14, widest: 40, size: 10) == LabelLayout(angle: -90, every: 1))
        #expect(LabelLayout.plan(spacing: 5, widest: 40, size: 10) == LabelLayout(angle: -90, every: 3))
    }

    @Test("ticks are round numbers covering the maximum")
    func ticks() {
        #expect(ChartScale.ticks(upTo: 7.3) == [0, 2, 4, 6, 8])
        #expect(ChartScale.ticks(upTo: 12.1, count: 6) == [0, 2.5, 5, 7.5, 10, 12.5])
        #expect(ChartScale.ticks(upTo: 0) == [0, 1])
    }

    @Test("heat-map cells show their counts")
    func heatMap() {
        let svg = SVGHeatMap.render(codes: Self.codes, matrix: [[7, 3], [3, 9]], jaccard: { _, _ in 0.25 })
        #expect(svg.contains(">7</text>"))
        #expect(svg.contains(">3</text>"))
        #expect(svg.contains(">9</text>"))
        #expect(svg.contains("Hostility and Power: 3 segments carry both; Jaccard 0.25"))
    }
}

@Suite("Code palette")
struct CodePaletteTests {
    @Test("keeps codebook colours and gives the others unused Okabe-Ito colours")
    func fallback() {
        let palette = CodePalette(codes: [("a", "#d55e00"), ("b", nil), ("c", "#E69F00"), ("d", nil)])
        #expect(palette.colour("a") == "#D55E00")
        #expect(palette.colour("a.sub") == "#D55E00")
        #expect(palette.colour("b") == "#56B4E9")
        #expect(palette.colour("d") == "#009E73")
    }

    @Test("tints towards white and picks readable ink")
    func tint() {
        #expect(CodePalette.tint("#000000", 0) == "#FFFFFF")
        #expect(CodePalette.tint("#D55E00", 1) == "#D55E00")
        #expect(CodePalette.ink(on: "#084594") == "#FFFFFF")
        #expect(CodePalette.ink(on: "#EFF3FF") == "#111111")
    }
}
