import Coding
import Reports
import Transcripts

/// `rapport report --format html`: one self-contained page (inline CSS and SVG, no scripts, no
/// external resources) with a summary, charts of code frequencies per encounter and per case over
/// time, the co-occurrence heat map, codebook statistics, optional inter-coder agreement, and every
/// transcript with its coded passages highlighted. The same input always gives the same bytes.
public enum HTMLReport {
    /// The page for `report`, built from `coded` (the same transcripts, for highlighting), with an
    /// agreement table when `agreement` is given.
    public static func render(report: FrequencyReport, coded: [CodedTranscript], agreement: AgreementSummary? = nil) -> String {
        let model = ReportModel(report: report, coded: coded)
        let cases = Set(model.encounters.compactMap(\.chart.caseID)).count
        var sections: [(id: String, title: String)] = [
            ("summary", "Summary"), ("frequencies", "Codes per encounter"), ("timelines", "Codes over time"),
            ("cooccurrence", "Codes together"), ("codebook", "Codebook statistics"),
        ]
        if agreement != nil { sections.append(("agreement", "Agreement")) }
        sections.append(("transcripts", "Transcripts"))

        var html = "<!DOCTYPE html>\n"
        html += ##"<html lang="en"><head><meta charset="utf-8">"##
        html += ##"<meta name="viewport" content="width=device-width, initial-scale=1">"##
        // Nothing may be fetched: the material is confidential.
        html += ##"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">"##
        html += ##"<meta name="generator" content="rapport">"##
        html += "<title>Rapport report: \(esc(report.codebook.name))</title>\n"
        html += "<style>\n" + HTMLStyle.css(codes: model.codes) + "</style></head>\n<body>\n"

        html += ##"<header class="page-head"><div class="wrap"><h1>Rapport report</h1>"##
        html += ##"<p class="lede">How often the codes of <strong>\##(esc(report.codebook.name))</strong> occur in \##(NumberText.grouped(model.encounters.count)) encounters of \##(NumberText.grouped(cases)) case\##(cases == 1 ? "" : "s"), where they occur together, and every coded passage in its transcript. Hover over bars, points and highlighted text for details.</p>"##
        if let coder = report.automaticCoder {
            html += ##"<p class="lede"><strong>The codes are automatic</strong>, made by \##(esc(coder)), not by a person: review them before relying on them.</p>"##
        }
        html += ##"<nav aria-label="Contents"><ol>"##
        for s in sections { html += ##"<li><a href="#\##(s.id)">\##(esc(s.title))</a></li>"## }
        html += "</ol></nav></div></header>\n"

        html += ##"<main class="wrap">"##
        html += HTMLSummary.render(report: report, coded: coded, model: model, agreement: agreement) + "\n"
        html += ##"<div class="pair charts">"##
        html += frequencies(model, total: report.total) + "\n"
        html += timelines(model) + "</div>\n"
        html += ##"<div class="pair">"##
        html += cooccurrence(report.statistics, model: model) + "\n"
        html += ##"<section id="codebook" aria-labelledby="codebook-h"><h2 id="codebook-h">Codebook statistics</h2>"##
        html += ##"<p class="intro">Every code and sub-code: how often it was applied and how widely it is spread over encounters and cases.</p>"##
        html += HTMLStatisticsTable.render(report.statistics, model: model, encounters: model.encounters.count, cases: cases)
        html += "</section></div>\n"
        if let agreement {
            html += ##"<section id="agreement" aria-labelledby="agreement-h"><h2 id="agreement-h">Inter-coder agreement</h2>"##
            html += HTMLAgreementTable.render(agreement, model: model) + "</section>\n"
        }
        html += transcripts(coded, model: model)
        html += "</main>\n"
        html += ##"<footer class="wrap">Made by rapport from \##(NumberText.grouped(report.transcripts)) transcript file\##(report.transcripts == 1 ? "" : "s"). This page is self-contained: it loads nothing and sends nothing over the network.</footer>"##
        html += "\n</body></html>\n"
        return html
    }

    static func frequencies(_ model: ReportModel, total: Tally) -> String {
        var html = ##"<section id="frequencies" aria-labelledby="frequencies-h"><h2 id="frequencies-h">Codes per encounter</h2>"##
        html += ##"<p class="intro">One row per encounter, grouped by case in date order; the first row is the whole corpus, for comparison. Each bar is one code: the longer the bar, the more often the code occurs, in passages per 1,000 words. Click an encounter’s name to read its transcript.</p>"##
        var passages: [String: Int] = [:]
        for code in model.codes { passages[code.id] = total.passages(code.id) }
        let corpus = ChartEncounter(id: "All encounters", caseID: nil, date: nil, kind: "\(NumberText.grouped(total.words)) words", setting: nil,
                                    words: total.words, passages: passages, anchor: "summary")
        let groups = [("Whole corpus", [corpus])] + model.cases.map { (ReportModel.caseHeading($0.id), $0.encounters) }
        html += ##"<figure class="bars">"## + SVGBarChart.render(groups: groups, codes: model.codes)
        html += "<figcaption>Bars top to bottom in each row: " + model.codes.map { esc($0.name) }.joined(separator: ", ") + ". A thin grey stub means the code does not occur in that encounter.</figcaption></figure>"
        html += ##"<details class="data"><summary>The same figures as a table</summary><table><thead><tr><th scope="col" class="text">Encounter</th><th scope="col" class="text">Case</th><th scope="col" class="text">Date</th><th scope="col">Words</th>"##
        for code in model.codes { html += ##"<th scope="col">\##(esc(code.name))<br>passages (per 1,000 words)</th>"## }
        html += "</tr></thead><tbody>"
        for row in model.encounters {
            let e = row.chart
            html += ##"<tr><th scope="row" class="text"><a href="#\##(e.anchor)">\##(esc(e.id))</a></th><td class="text">\##(esc(e.caseID ?? "–"))</td><td class="text">\##(esc(e.date.map(DateLabel.long) ?? "–"))</td><td>\##(NumberText.grouped(e.words))</td>"##
            for code in model.codes {
                html += "<td>\(e.passages[code.id] ?? 0) (" + (e.rate(code.id).map { NumberText.fixed($0, digits: 1) } ?? "–") + ")</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table></details></section>"
    }

    static func timelines(_ model: ReportModel) -> String {
        var html = ##"<section id="timelines" aria-labelledby="timelines-h"><h2 id="timelines-h">Codes over time, per case</h2>"##
        html += ##"<p class="intro">One chart per case, its encounters in date order from left to right; every chart uses the same scale, so cases can be compared. Each code has its own colour and marker shape.</p>"##
        html += SVGTimeline.render(cases: model.cases, codes: model.codes)
        return html + "</section>"
    }

    static func cooccurrence(_ statistics: CodebookStatistics, model: ReportModel) -> String {
        var html = ##"<section id="cooccurrence" aria-labelledby="cooccurrence-h"><h2 id="cooccurrence-h">Codes that occur together</h2>"##
        html += ##"<p class="intro">How many segments carry both codes of a pair (darker = more). The grey diagonal counts all segments with that code.</p>"##
        let codes = statistics.topLevel.compactMap { id in model.codes.first { $0.id == id } }
        html += "<figure>" + SVGHeatMap.render(codes: codes, matrix: statistics.cooccurrence, jaccard: statistics.jaccard) + "</figure>"
        return html + "</section>"
    }

    static func transcripts(_ coded: [CodedTranscript], model: ReportModel) -> String {
        var html = ##"<section id="transcripts" aria-labelledby="transcripts-h"><h2 id="transcripts-h">Transcripts</h2>"##
        html += ##"<p class="intro">Every encounter with its coded passages highlighted: each code underlines the passage in its colour (a passage with several codes gets several underlines), and the margin names each code with the words that triggered it, the codebook cue and the rule. Hover over a highlight for the same details.</p>"##
        html += ##"<fieldset class="filter"><legend>Show</legend>"##
        html += ##"<input type="radio" name="code-filter" id="show-all" value="all" checked><label for="show-all">All codes</label>"##
        for code in model.codes {
            html += ##"<input type="radio" name="code-filter" id="show-\##(code.slug)" value="\##(esc(code.id))"><label for="show-\##(code.slug)" class="c-\##(code.slug)"><span class="key" aria-hidden="true"></span>Only \##(esc(code.name))</label>"##
        }
        html += "</fieldset>"
        html += ##"<nav class="toc" aria-label="Encounters"><p class="caption">"##
        html += model.encounters.map { ##"<a href="#\##($0.chart.anchor)">\##(esc($0.chart.id))</a>"## }.joined(separator: " · ")
        html += "</p></nav>"
        let highlighter = TranscriptHighlighter(model: model)
        for row in model.encounters {
            html += highlighter.render(coded[row.transcript], encounter: row.encounter, chart: row.chart) + "\n"
        }
        return html + "</section>\n"
    }
}
