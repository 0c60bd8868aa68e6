import Reports

/// Horizontal grouped bar chart of code rates per encounter: one row per encounter (grouped under
/// a heading such as its case), one bar per code in the codebook's order and colour, length = coded passages per
/// 1,000 words. Rows grow downwards, so labels never collide however many encounters there are.
enum SVGBarChart {
    static let width = 680.0
    static let fontSize = 12.0
    static let barHeight = 6.0
    static let barGap = 2.0

    /// The chart and where its row labels went (tests check that labels never overlap).
    struct Drawing {
        var svg: String
        /// Top of every encounter row, in drawing order.
        var labelTops: [Double]
        var rowHeight: Double
    }

    /// The chart as an `<svg>` element; `groups` are headings (`Case C1`) with their encounters.
    static func render(groups: [(heading: String, encounters: [ChartEncounter])], codes: [ChartCode]) -> String {
        draw(groups: groups, codes: codes).svg
    }

    static func draw(groups: [(heading: String, encounters: [ChartEncounter])], codes: [ChartCode]) -> Drawing {
        let n = ChartScale.n
        let all = groups.flatMap(\.encounters)
        let maximum = all.flatMap { e in codes.compactMap { e.rate($0.id) } }.max() ?? 0
        let ticks = ChartScale.ticks(upTo: maximum, count: 6)
        let top = ticks.last ?? 1

        // Label column: the id in bold, the date and kind below in a smaller grey type.
        let small = fontSize * 0.88
        let widest = all.map { max(ChartText.width($0.id, size: fontSize, bold: true), ChartText.width($0.subtitle, size: small)) }.max() ?? 40
        let labelWidth = min(250, max(90, widest + 10))
        let x0 = labelWidth + 10, x1 = width - 24
        func x(_ value: Double) -> Double { x0 + (x1 - x0) * value / top }

        let legend = SVGLegend.draw(codes.map { .init(name: $0.name, colour: $0.colour) }, x: x0, y: 4, width: x1 - x0, size: fontSize)
        let axisTop = 4 + legend.height + 22
        let rowHeight = max(fontSize * 2.7, Double(codes.count) * (barHeight + barGap) + 10)
        let caseHeight = fontSize * 2.2

        var body = ""
        var y = axisTop + 4
        var labelTops: [Double] = []
        var zebra = false
        for group in groups {
            body += ##"<g class="case"><text x="0" y="\##(n(y + caseHeight * 0.68))" font-weight="700" font-size="\##(n(fontSize * 1.05))">\##(esc(group.heading))</text>"##
            body += ##"<line x1="0" x2="\##(n(x1))" y1="\##(n(y + caseHeight - 3))" y2="\##(n(y + caseHeight - 3))" stroke="#8A939C" stroke-width="0.8"/></g>"##
            y += caseHeight
            for e in group.encounters {
                if zebra { body += ##"<rect x="0" y="\##(n(y))" width="\##(n(x1))" height="\##(n(rowHeight))" fill="#F3F5F7"/>"## }
                zebra.toggle()
                labelTops.append(y)
                let label = ChartText.fit(e.id, width: labelWidth - 10, size: fontSize, bold: true)
                let sub = ChartText.fit(e.subtitle, width: labelWidth - 10, size: small)
                body += ##"<a href="#\##(e.anchor)"><text x="8" y="\##(n(y + rowHeight / 2 - 2))" font-weight="600">\##(esc(label))<title>\##(esc(e.id)): go to the transcript</title></text></a>"##
                body += ##"<text x="8" y="\##(n(y + rowHeight / 2 + small))" font-size="\##(n(small))" fill="#5B6570">\##(esc(sub))</text>"##
                let barsTop = y + (rowHeight - Double(codes.count) * (barHeight + barGap) + barGap) / 2
                for (i, code) in codes.enumerated() {
                    guard let rate = e.rate(code.id) else { continue }
                    let by = barsTop + Double(i) * (barHeight + barGap)
                    let count = e.passages[code.id] ?? 0
                    let title = "\(e.id) · \(code.name): \(count) passage\(count == 1 ? "" : "s") in \(NumberText.grouped(e.words)) words = \(NumberText.fixed(rate, digits: 1)) per 1,000 words"
                    let w = max(rate > 0 ? 1.5 : 0, x(rate) - x0)
                    if w == 0 {
                        body += ##"<rect class="bar zero" x="\##(n(x0))" y="\##(n(by))" width="1" height="\##(n(barHeight))" fill="#C4CAD0"><title>\##(esc(title))</title></rect>"##
                    } else {
                        body += ##"<rect class="bar" x="\##(n(x0))" y="\##(n(by))" width="\##(n(w))" height="\##(n(barHeight))" fill="\##(code.colour)"><title>\##(esc(title))</title></rect>"##
                    }
                }
                y += rowHeight
            }
        }
        let plotBottom = y

        var axes = ""
        for t in ticks {
            let tx = x(t)
            axes += ##"<line x1="\##(n(tx))" x2="\##(n(tx))" y1="\##(n(axisTop))" y2="\##(n(plotBottom))" stroke="\##(t == 0 ? "#5B6570" : "#DDE1E5")" stroke-width="\##(t == 0 ? "1" : "0.8")"/>"##
            axes += ##"<text x="\##(n(tx))" y="\##(n(axisTop - 5))" text-anchor="middle" fill="#5B6570">\##(ChartScale.label(t))</text>"##
            axes += ##"<text x="\##(n(tx))" y="\##(n(plotBottom + fontSize + 4))" text-anchor="middle" fill="#5B6570">\##(ChartScale.label(t))</text>"##
        }
        let height = plotBottom + fontSize * 3.4
        axes += ##"<text x="\##(n((x0 + x1) / 2))" y="\##(n(height - 6))" text-anchor="middle" font-weight="600">Coded passages per 1,000 words</text>"##

        let codeNames = codes.map(\.name).joined(separator: ", ")
        let count = groups.reduce(0) { $0 + $1.encounters.count }
        let svg = ##"<svg class="chart bars" viewBox="0 0 \##(n(width)) \##(n(height))" width="\##(n(width))" height="\##(n(height))" role="img" aria-labelledby="bars-title bars-desc" font-family="inherit" font-size="\##(n(fontSize))">"##
            + ##"<title id="bars-title">Code frequency per encounter</title>"##
            + ##"<desc id="bars-desc">For each of \##(count) rows, one bar per code (\##(esc(codeNames)), top to bottom): coded passages per 1,000 words.</desc>"##
            + legend.svg + axes + body + "</svg>"
        return Drawing(svg: svg, labelTops: labelTops, rowHeight: rowHeight)
    }
}
