import Reports

/// Co-occurrence heat map of the top-level codes: cell (i, j) holds the number of segments coded
/// with both codes, shaded on a single-hue blue scale (darker = more); the diagonal, which counts
/// the segments with one code at all, is grey so it does not swamp the pairs.
enum SVGHeatMap {
    static let cell = 68.0
    static let fontSize = 12.0
    /// ColorBrewer "Blues": light to dark, readable in greyscale and by colour-blind readers.
    static let ramp = ["#EFF3FF", "#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#084594"]

    /// The heat map for `matrix[i][j]` over `codes`, with `jaccard(i, j)` in the tooltips.
    static func render(codes: [ChartCode], matrix: [[Int]], jaccard: (Int, Int) -> Double?) -> String {
        let n = ChartScale.n
        let names = codes.map(\.name)
        let widest = names.map { ChartText.width($0, size: fontSize, bold: true) }.max() ?? 40
        let left = widest + 26
        let slanted = widest > cell - 8
        let headerHeight = slanted ? widest * 0.7071 + 20 : fontSize * 2.4
        let top = headerHeight
        let size = Double(codes.count) * cell
        var maxPair = 0
        for i in matrix.indices { for j in matrix[i].indices where i != j { maxPair = max(maxPair, matrix[i][j]) } }

        var svg = ""
        for (j, code) in codes.enumerated() {
            let cx = left + (Double(j) + 0.5) * cell
            let swatch = ##"<rect x="\##(n(cx - 5))" y="\##(n(top - 14))" width="10" height="10" rx="2" fill="\##(code.colour)"/>"##
            if slanted {
                svg += ##"<text transform="translate(\##(n(cx + 4)) \##(n(top - 18))) rotate(-45)" font-weight="600">\##(esc(code.name))</text>"## + swatch
            } else {
                svg += ##"<text x="\##(n(cx))" y="\##(n(top - 20))" text-anchor="middle" font-weight="600">\##(esc(code.name))</text>"## + swatch
            }
        }
        for (i, code) in codes.enumerated() {
            let cy = top + (Double(i) + 0.5) * cell
            svg += ##"<rect x="\##(n(left - 16))" y="\##(n(cy - 5))" width="10" height="10" rx="2" fill="\##(code.colour)"/>"##
            svg += ##"<text x="\##(n(left - 22))" y="\##(n(cy + 4))" text-anchor="end" font-weight="600">\##(esc(code.name))</text>"##
            for j in codes.indices {
                let value = i < matrix.count && j < matrix[i].count ? matrix[i][j] : 0
                let x = left + Double(j) * cell, y = top + Double(i) * cell
                let fill: String
                let title: String
                if i == j {
                    fill = "#E4E7EA"
                    title = "\(code.name): \(value) coded segment\(value == 1 ? "" : "s") in all"
                } else {
                    fill = value == 0 ? "#FFFFFF" : ramp[min(ramp.count - 1, 1 + (value - 1) * (ramp.count - 2) / max(1, maxPair - 1))]
                    let j2 = jaccard(i, j).map { "; Jaccard " + NumberText.fixed($0, digits: 2) } ?? ""
                    title = "\(code.name) and \(codes[j].name): \(value) segment\(value == 1 ? "" : "s") carry both\(j2)"
                }
                let ink = i == j ? "#111111" : (value == 0 ? "#8A939C" : CodePalette.ink(on: fill))
                svg += ##"<g class="cell"><rect x="\##(n(x + 1))" y="\##(n(y + 1))" width="\##(n(cell - 2))" height="\##(n(cell - 2))" fill="\##(fill)" stroke="#C4CAD0" stroke-width="0.6"\##(i == j ? ##" stroke-dasharray="3 2""## : "")/>"##
                svg += ##"<text x="\##(n(x + cell / 2))" y="\##(n(y + cell / 2 + (i == j ? 1 : 5)))" text-anchor="middle" font-size="\##(n(fontSize * 1.3))" font-weight="700" fill="\##(ink)">\##(value)</text>"##
                if i == j {
                    svg += ##"<text x="\##(n(x + cell / 2))" y="\##(n(y + cell / 2 + 16))" text-anchor="middle" font-size="\##(n(fontSize * 0.8))" fill="#5B6570">in all</text>"##
                }
                svg += "<title>\(esc(title))</title></g>"
            }
        }
        // Key: the ramp from 0 to the largest pair count.
        let keyTop = top + size + 18
        let keyWidth = min(size, 240)
        let step = keyWidth / Double(ramp.count - 1)
        svg += ##"<text x="\##(n(left))" y="\##(n(keyTop))" font-size="\##(n(fontSize * 0.9))" fill="#5B6570">Segments carrying both codes</text>"##
        for k in 1..<ramp.count {
            svg += ##"<rect x="\##(n(left + Double(k - 1) * step))" y="\##(n(keyTop + 6))" width="\##(n(step))" height="10" fill="\##(ramp[k])"/>"##
        }
        svg += ##"<text x="\##(n(left))" y="\##(n(keyTop + 30))" font-size="\##(n(fontSize * 0.9))" fill="#5B6570">1</text>"##
        svg += ##"<text x="\##(n(left + keyWidth))" y="\##(n(keyTop + 30))" text-anchor="end" font-size="\##(n(fontSize * 0.9))" fill="#5B6570">\##(max(1, maxPair))</text>"##
        let width = left + max(size, keyWidth) + (slanted ? widest * 0.7071 : 8)
        let height = keyTop + 38
        return ##"<svg class="chart heatmap" viewBox="0 0 \##(n(width)) \##(n(height))" width="\##(n(width))" height="\##(n(height))" role="img" aria-labelledby="heat-title" font-family="inherit" font-size="\##(n(fontSize))">"##
            + ##"<title id="heat-title">Co-occurrence of codes: segments carrying both codes of each pair; the diagonal counts segments with the code.</title>"##
            + svg + "</svg>"
    }
}
