/// A legend inside an SVG chart: a swatch (or marker) and the code's name per entry, laid out in
/// rows that wrap at the chart's width, so a chart pasted on its own still says what its colours mean.
enum SVGLegend {
    struct Entry {
        var name: String
        var colour: String
        /// Draw this code's marker shape instead of a square swatch.
        var marker: Int?
    }

    /// The legend's SVG and its height, starting at (x, y) and wrapping at `width`.
    static func draw(_ entries: [Entry], x: Double, y: Double, width: Double, size: Double = 12) -> (svg: String, height: Double) {
        let n = ChartScale.n
        var svg = ##"<g class="legend" font-size="\##(n(size))">"##
        var cx = x, cy = y
        let rowHeight = size * 1.6
        for entry in entries {
            let w = size * 1.3 + ChartText.width(entry.name, size: size) + size * 1.4
            if cx > x, cx + w > x + width {
                cx = x
                cy += rowHeight
            }
            let mid = cy + rowHeight / 2
            if let marker = entry.marker {
                svg += ##"<line x1="\##(n(cx - 2))" y1="\##(n(mid))" x2="\##(n(cx + size + 2))" y2="\##(n(mid))" stroke="\##(entry.colour)" stroke-width="2.5"/>"##
                svg += SVGMarker.draw(marker, x: cx + size / 2, y: mid, r: size * 0.38, fill: entry.colour)
            } else {
                svg += ##"<rect x="\##(n(cx))" y="\##(n(mid - size / 2))" width="\##(n(size))" height="\##(n(size))" rx="2" fill="\##(entry.colour)"/>"##
            }
            svg += ##"<text x="\##(n(cx + size * 1.3))" y="\##(n(mid + size * 0.36))">\##(esc(entry.name))</text>"##
            cx += w
        }
        svg += "</g>"
        return (svg, cy - y + rowHeight)
    }
}
