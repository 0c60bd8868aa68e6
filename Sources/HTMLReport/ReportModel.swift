import Coding
import Reports
import Transcripts

/// What the page is drawn from: the top-level codes with colours, every encounter in display order
/// (by case, then date), and the cases.
struct ReportModel: Sendable {
    var codes: [ChartCode]
    /// Code id at any depth → name.
    var names: [String: String]
    var palette: CodePalette
    /// Encounters in display order, with where they come from in `coded`.
    var encounters: [(chart: ChartEncounter, transcript: Int, encounter: Int)]
    /// Case id (or `(no case)`) → encounters in date order; cases sorted.
    var cases: [(id: String, encounters: [ChartEncounter])]

    init(report: FrequencyReport, coded: [CodedTranscript]) {
        let codebook = report.codebook
        let palette = CodePalette(codes: codebook.codes.map { ($0.id, $0.colour) })
        self.palette = palette
        var slugs: Set<String> = []
        codes = codebook.codes.enumerated().map { i, code in
            var slug = Self.slug(code.id)
            if slugs.contains(slug) || slug == "other" || slug == "all" { slug += "-\(i)" }
            slugs.insert(slug)
            return ChartCode(id: code.id, name: code.name, colour: palette.colour(code.id), index: i, slug: slug,
                             definition: code.definition)
        }
        var names: [String: String] = [:]
        for code in codebook.allCodes { names[code.id] = code.name }
        self.names = names

        let topLevel = codebook.topLevelIDs
        var rows: [(chart: ChartEncounter, transcript: Int, encounter: Int)] = []
        var next = 0
        for (t, c) in coded.enumerated() {
            for (e, encounter) in c.transcript.encounters.enumerated() {
                let figures: EncounterFigures
                if next < report.encounters.count, report.encounters[next].path == c.transcript.path,
                   report.encounters[next].id == encounter.id {
                    figures = report.encounters[next]
                } else {
                    figures = EncounterFigures(coded: c, encounter: e, codes: topLevel)
                }
                next += 1
                var passages: [String: Int] = [:]
                for code in topLevel { passages[code] = figures.total.passages(code) }
                rows.append((ChartEncounter(id: encounter.id, caseID: encounter.caseID, date: encounter.date,
                                            kind: encounter.kind, setting: encounter.setting, words: figures.total.words,
                                            passages: passages, anchor: ""), t, e))
            }
        }
        // By case (encounters without one last), then date (undated last), then input order.
        let order = rows.indices.sorted { a, b in
            let x = rows[a].chart, y = rows[b].chart
            return (x.caseID == nil ? 1 : 0, x.caseID ?? "", x.date == nil ? 1 : 0, x.date ?? "", a)
                < (y.caseID == nil ? 1 : 0, y.caseID ?? "", y.date == nil ? 1 : 0, y.date ?? "", b)
        }
        encounters = order.enumerated().map { n, i in
            var row = rows[i]
            row.chart.anchor = "enc-\(n + 1)"
            return row
        }
        var cases: [(id: String, encounters: [ChartEncounter])] = []
        for row in encounters {
            let id = row.chart.caseID ?? "(no case)"
            if cases.last?.id == id { cases[cases.count - 1].encounters.append(row.chart) } else { cases.append((id, [row.chart])) }
        }
        self.cases = cases
    }

    /// `Case C1`, or `No case` for encounters without one.
    static func caseHeading(_ id: String) -> String { id == "(no case)" ? "No case" : "Case " + id }

    /// Lower-case letters, digits and hyphens (`Power.Legal authority` → `power-legal-authority`).
    static func slug(_ id: String) -> String {
        var out = ""
        for s in id.lowercased().unicodeScalars {
            if (s >= "a" && s <= "z") || (s >= "0" && s <= "9") {
                out.unicodeScalars.append(s)
            } else if !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "code" : out
    }

    /// The chart code for an annotation's code id, at any depth; nil for codes outside the codebook.
    func topLevel(_ id: String) -> ChartCode? {
        let top = String(id.split(separator: ".").first ?? Substring(id))
        return codes.first { $0.id == top }
    }

    /// `Hostility › Verbal aggression` for a sub-code, the name for a top-level code, the id otherwise.
    func label(_ id: String) -> String {
        guard let name = names[id] else { return id }
        guard id.contains("."), let top = topLevel(id) else { return name }
        return top.name + " › " + name
    }
}
