import Reports

/// The codebook statistics table: per code and sub-code, the passages, encounters and cases where
/// it occurs, with a bar in each passages cell for a quick comparison.
enum HTMLStatisticsTable {
    static func render(_ statistics: CodebookStatistics, model: ReportModel, encounters: Int, cases: Int) -> String {
        let maximum = max(1, statistics.codes.map(\.passages).max() ?? 1)
        var html = ##"<table class="stats"><caption>Passages: segments carrying the code (two cues in one segment count once); a code counts its sub-codes. Encounters and cases: how many contain at least one passage.</caption>"##
        html += ##"<thead><tr><th scope="col" class="text">Code</th><th scope="col">Passages</th><th scope="col">Encounters<br>(of \##(encounters))</th><th scope="col">Cases<br>(of \##(cases))</th></tr></thead><tbody>"##
        for code in statistics.codes {
            let slug = model.topLevel(code.code)?.slug ?? "other"
            let top = code.depth == 0
            html += ##"<tr class="c-\##(slug)\##(top ? " top" : " depth-\(min(2, code.depth))")">"##
            html += ##"<th scope="row" class="text">"##
            if top { html += ##"<span class="key" aria-hidden="true"></span>"## }
            html += esc(code.name) + ##"<span class="code-id">\##(esc(code.code))</span></th>"##
            let width = Int((Double(code.passages) / Double(maximum) * 80).rounded())
            html += ##"<td class="n"><span class="meter" style="width:\##(width)px" aria-hidden="true"></span>\##(code.passages)</td>"##
            html += "<td>\(code.encounters)</td><td>\(code.cases)</td></tr>"
        }
        return html + "</tbody></table>"
    }
}
