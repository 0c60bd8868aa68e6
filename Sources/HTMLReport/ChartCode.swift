/// A top-level code as the report draws it: name, colour, marker and a CSS-safe slug.
struct ChartCode: Sendable {
    var id: String
    var name: String
    var colour: String
    /// Position in the codebook; picks the marker shape.
    var index: Int
    /// Used in class names and element ids (`c-…`, `m-…`, `s-…`, `show-…`).
    var slug: String
    var definition: String?
}
