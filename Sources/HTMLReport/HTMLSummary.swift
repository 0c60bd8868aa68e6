import Coding
import Reports

/// The report's first section: how much material there is, which codebook coded it, the period it
/// covers, and what each code means.
enum HTMLSummary {
    static func render(report: FrequencyReport, coded: [CodedTranscript], model: ReportModel, agreement: AgreementSummary?) -> String {
        let encounters = model.encounters.count
        let cases = Set(model.encounters.compactMap(\.chart.caseID)).count
        let segments = coded.reduce(0) { $0 + $1.annotations.reduce(0) { $0 + $1.count } }
        let codedSegments = coded.reduce(0) { $0 + $1.annotations.reduce(0) { $0 + $1.filter { !$0.isEmpty }.count } }
        let dates = model.encounters.compactMap(\.chart.date).filter { DateLabel.parts($0) != nil }.sorted()
        let range = dates.first.map { DateLabel.range($0, dates.last ?? $0) } ?? "no dates"
        let share = segments == 0 ? "–" : NumberText.fixed(Double(codedSegments) * 100 / Double(segments), digits: 0) + "%"

        var html = ##"<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>"##
        html += ##"<ul class="cards">"##
        func card(_ value: String, _ what: String, wide: Bool = false) {
            html += ##"<li class="card\##(wide ? " wide" : "")"><span class="value">\##(esc(value))</span><span class="what">\##(esc(what))</span></li>"##
        }
        card(NumberText.grouped(report.transcripts), report.transcripts == 1 ? "transcript file" : "transcript files")
        card(NumberText.grouped(encounters), encounters == 1 ? "encounter" : "encounters (visits, calls, meetings)")
        card(NumberText.grouped(cases), cases == 1 ? "case (family)" : "cases (families)")
        card(NumberText.grouped(report.total.words), "words")
        card(share, "of segments coded (\(NumberText.grouped(codedSegments)) of \(NumberText.grouped(segments)))")
        card(range, "period covered", wide: true)
        html += "</ul>"

        let source = report.codebook.source == "<default>" ? "built into rapport" : report.codebook.source
        html += ##"<p class="lede">Coded with the codebook <strong>\##(esc(report.codebook.name))</strong> (\##(esc(source))). "##
        html += "A <em>passage</em> below is a segment carrying a code; rates are passages per 1,000 words, so short and long encounters compare fairly. Its codes:</p>"
        html += ##"<ul class="codes">"##
        let totals = report.total
        for code in model.codes {
            let definition = code.definition.map { " — " + esc(firstSentence($0)) } ?? ""
            let n = totals.passages(code.id)
            html += ##"<li class="c-\##(code.slug)"><span class="key" aria-hidden="true"></span><strong>\##(esc(code.name))</strong> · \##(NumberText.grouped(n)) passage\##(n == 1 ? "" : "s")\##(definition)</li>"##
        }
        html += "</ul>"
        if agreement == nil {
            html += ##"<p class="caption">Inter-coder agreement is not part of this report: run <code>rapport agree … --format json</code> and pass the file with <code>--agreement</code> to add it.</p>"##
        }
        return html + "</section>"
    }

    /// The first sentence of a definition, for a one-line gloss.
    static func firstSentence(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        if let end = flat.range(of: ". ") { return String(flat[..<end.lowerBound]) + "." }
        return flat
    }
}
