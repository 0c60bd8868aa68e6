import Reports

/// Small multiples of code rates over time: one line-and-marker chart per case, encounters in date
/// order along the x axis, passages per 1,000 words up the y axis (the same scale in every panel,
/// so cases compare at a glance). Each code has its own colour and marker shape.
enum SVGTimeline {
    static let width = 360.0
    static let plotHeight = 120.0
    static let fontSize = 11.0

    /// One panel and how its axis labels were laid out (tests check they never overlap).
    struct Panel {
        var svg: String
        var labels: LabelLayout
        var spacing: Double
        var widest: Double
    }

    /// A shared legend and one `<svg>` panel per case, wrapped in a `<div class="multiples">`.
    static func render(cases: [(id: String, encounters: [ChartEncounter])], codes: [ChartCode]) -> String {
        let maximum = cases.flatMap(\.encounters).flatMap { e in codes.compactMap { e.rate($0.id) } }.max() ?? 0
        let legend = SVGLegend.draw(codes.map { .init(name: $0.name, colour: $0.colour, marker: $0.index) },
                                    x: 2, y: 2, width: width - 4, size: 12)
        var html = ##"<svg class="legend-strip" viewBox="0 0 \##(ChartScale.n(width)) \##(ChartScale.n(legend.height + 4))" width="\##(ChartScale.n(width))" height="\##(ChartScale.n(legend.height + 4))" role="img" aria-label="Legend: \##(esc(codes.map(\.name).joined(separator: ", ")))">"##
            + legend.svg + "</svg>"
        html += ##"<div class="multiples">"##
        for group in cases {
            html += panel(caseID: group.id, encounters: group.encounters, codes: codes, maximum: maximum).svg
        }
        return html + "</div>"
    }

    static func panel(caseID: String, encounters: [ChartEncounter], codes: [ChartCode], maximum: Double) -> Panel {
        let n = ChartScale.n
        let ticks = ChartScale.ticks(upTo: maximum, count: 4)
        let top = ticks.last ?? 1
        let left = 36.0, right = 12.0, plotTop = 58.0
        let inset = 12.0
        let plotLeft = left, plotRight = width - right
        let count = encounters.count
        let spacing = count > 1 ? (plotRight - plotLeft - 2 * inset) / Double(count - 1) : plotRight - plotLeft
        func x(_ i: Int) -> Double { count > 1 ? plotLeft + inset + Double(i) * spacing : (plotLeft + plotRight) / 2 }
        func y(_ v: Double) -> Double { plotTop + plotHeight - plotHeight * v / top }

        // Level labels get two lines (date, then the encounter's own id); slanted ones one line.
        let dates = encounters.map { $0.date.map(DateLabel.short) ?? "" }
        let ids = encounters.map { shortID($0, caseID: caseID) }
        let widestLevel = zip(dates, ids).map { max(ChartText.width($0, size: fontSize), ChartText.width($1, size: fontSize)) }.max() ?? 0
        var layout = LabelLayout.plan(spacing: spacing, widest: widestLevel, size: fontSize)
        var labels = zip(dates, ids).map { [$0, $1].filter { !$0.isEmpty } }
        var widest = widestLevel
        if layout.angle != 0 {
            labels = zip(dates, ids).map { [[$0, $1].filter { !$0.isEmpty }.joined(separator: " · ")] }
            widest = labels.map { ChartText.width($0[0], size: fontSize) }.max() ?? 0
            layout = LabelLayout.plan(spacing: spacing, widest: widest, size: fontSize)
        }
        let plotBottom = plotTop + plotHeight
        let labelHeight = layout.angle == 0 ? fontSize * 1.3 * Double(labels.map(\.count).max() ?? 1) + 2 : layout.height(widest: widest, size: fontSize)
        let height = plotBottom + 8 + labelHeight + 6

        var svg = ""
        let sortedDates = encounters.compactMap(\.date).sorted()
        var subtitle = "\(count) encounter\(count == 1 ? "" : "s")"
        if let first = sortedDates.first, let last = sortedDates.last { subtitle += " · " + DateLabel.range(first, last) }
        svg += ##"<text x="0" y="15" font-size="14" font-weight="700">\##(esc(ReportModel.caseHeading(caseID)))</text>"##
        svg += ##"<text x="0" y="32" font-size="\##(n(fontSize + 0.5))" fill="#3A434C">\##(esc(subtitle))</text>"##
        svg += ##"<text x="0" y="\##(n(plotTop - 9))" font-size="\##(n(fontSize - 0.5))" fill="#5B6570">passages per 1,000 words</text>"##
        for t in ticks {
            svg += ##"<line x1="\##(n(plotLeft))" x2="\##(n(plotRight))" y1="\##(n(y(t)))" y2="\##(n(y(t)))" stroke="\##(t == 0 ? "#5B6570" : "#E3E6E9")" stroke-width="\##(t == 0 ? "1" : "0.8")"/>"##
            svg += ##"<text x="\##(n(plotLeft - 5))" y="\##(n(y(t) + 3.5))" text-anchor="end" font-size="\##(n(fontSize))" fill="#5B6570">\##(ChartScale.label(t))</text>"##
        }
        for (i, lines) in labels.enumerated() where i % layout.every == 0 {
            let lx = x(i), ly = plotBottom + 6
            svg += ##"<line x1="\##(n(lx))" x2="\##(n(lx))" y1="\##(n(plotBottom))" y2="\##(n(plotBottom + 4))" stroke="#5B6570"/>"##
            if layout.angle == 0 {
                for (k, line) in lines.enumerated() {
                    let fill = k == 0 ? "#1D232A" : "#5B6570"
                    svg += ##"<text x="\##(n(lx))" y="\##(n(ly + fontSize + Double(k) * fontSize * 1.3))" text-anchor="middle" font-size="\##(n(fontSize))" fill="\##(fill)">\##(esc(line))</text>"##
                }
            } else {
                svg += ##"<text transform="translate(\##(n(lx + 3)) \##(n(ly + 2))) rotate(\##(n(layout.angle)))" text-anchor="end" font-size="\##(n(fontSize))">\##(esc(lines.first ?? ""))</text>"##
            }
        }
        // Codes drawn side by side around each encounter's position, so equal values stay visible.
        let dodge = min(3.5, spacing / 10)
        for code in codes {
            let offset = (Double(code.index) - Double(codes.count - 1) / 2) * dodge
            var path = ""
            var pen = false
            for (i, e) in encounters.enumerated() {
                guard let rate = e.rate(code.id) else { pen = false; continue }
                path += (pen ? "L" : "M") + n(x(i) + offset) + " " + n(y(rate))
                pen = true
            }
            if !path.isEmpty {
                svg += ##"<path d="\##(path)" fill="none" stroke="\##(code.colour)" stroke-width="2" stroke-linejoin="round" opacity="0.9"/>"##
            }
        }
        for code in codes {
            let offset = (Double(code.index) - Double(codes.count - 1) / 2) * dodge
            for (i, e) in encounters.enumerated() {
                guard let rate = e.rate(code.id) else { continue }
                let passages = e.passages[code.id] ?? 0
                let when = e.date.map { " (" + DateLabel.long($0) + ")" } ?? ""
                let title = "\(e.id)\(when) · \(code.name): \(passages) passage\(passages == 1 ? "" : "s"), \(NumberText.fixed(rate, digits: 1)) per 1,000 words"
                svg += SVGMarker.draw(code.index, x: x(i) + offset, y: y(rate), r: 4, fill: code.colour, title: title)
            }
        }
        let description = "Case \(caseID): passages per 1,000 words of each code (\(codes.map(\.name).joined(separator: ", "))) in \(count) encounters in date order."
        let wrapped = ##"<svg class="chart timeline" viewBox="0 0 \##(n(width)) \##(n(height))" width="\##(n(width))" height="\##(n(height))" role="img" aria-label="\##(esc(description))" font-family="inherit">"##
            + svg + "</svg>"
        return Panel(svg: wrapped, labels: layout, spacing: spacing, widest: widest)
    }

    /// The encounter id without its case prefix (`E02` for `C1-E02` in case `C1`).
    static func shortID(_ e: ChartEncounter, caseID: String) -> String {
        for separator in ["-", "_", "."] where e.id.hasPrefix(caseID + separator) && e.id.count > caseID.count + 1 {
            return String(e.id.dropFirst(caseID.count + 1))
        }
        return e.id
    }
}
