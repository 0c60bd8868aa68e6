/// Point markers whose shape differs per code (circle, square, triangle, diamond …), so a line
/// chart can be read without telling colours apart.
enum SVGMarker {
    static let shapes = ["circle", "square", "triangle", "diamond", "triangle-down", "cross"]

    /// The shape name for the code at `index` in the codebook.
    static func shape(_ index: Int) -> String { shapes[index % shapes.count] }

    /// A marker of the code at `index`, centred on (x, y), about `2r` across, with optional tooltip.
    static func draw(_ index: Int, x: Double, y: Double, r: Double, fill: String, title: String? = nil) -> String {
        let n = ChartScale.n
        let shape: String
        switch index % shapes.count {
        case 0:
            shape = ##"<circle cx="\##(n(x))" cy="\##(n(y))" r="\##(n(r))""##
        case 1:
            let s = r * 0.9
            shape = ##"<rect x="\##(n(x - s))" y="\##(n(y - s))" width="\##(n(2 * s))" height="\##(n(2 * s))""##
        case 2:
            shape = ##"<path d="M\##(n(x)) \##(n(y - r * 1.15))L\##(n(x + r * 1.1)) \##(n(y + r * 0.8))L\##(n(x - r * 1.1)) \##(n(y + r * 0.8))Z""##
        case 3:
            let s = r * 1.25
            shape = ##"<path d="M\##(n(x)) \##(n(y - s))L\##(n(x + s)) \##(n(y))L\##(n(x)) \##(n(y + s))L\##(n(x - s)) \##(n(y))Z""##
        case 4:
            shape = ##"<path d="M\##(n(x)) \##(n(y + r * 1.15))L\##(n(x + r * 1.1)) \##(n(y - r * 0.8))L\##(n(x - r * 1.1)) \##(n(y - r * 0.8))Z""##
        default:
            let s = r * 0.45
            shape = ##"<path d="M\##(n(x - s)) \##(n(y - r))h\##(n(2 * s))v\##(n(r - s))h\##(n(r - s))v\##(n(2 * s))h-\##(n(r - s))v\##(n(r - s))h-\##(n(2 * s))v-\##(n(r - s))h-\##(n(r - s))v-\##(n(2 * s))h\##(n(r - s))Z""##
        }
        let tooltip = title.map { "<title>\(esc($0))</title>" } ?? ""
        if tooltip.isEmpty { return shape + ##" fill="\##(fill)" stroke="#FFFFFF" stroke-width="1"/>"## }
        let tag = shape.hasPrefix("<circle") ? "circle" : shape.hasPrefix("<rect") ? "rect" : "path"
        return shape + ##" fill="\##(fill)" stroke="#FFFFFF" stroke-width="1">"## + tooltip + "</\(tag)>"
    }
}
