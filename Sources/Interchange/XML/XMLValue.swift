/// A parsed XML document as plain Swift values, so the TEI and REFI-QDA readers never touch
/// libxml2 pointers.
enum XMLValue {
    /// The XML namespace, bound to the `xml` prefix (`xml:id`).
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// One element: local name, namespace, attributes, content in document order, source line.
    struct Element: Sendable {
        var name: String
        var namespace: String?
        /// Keyed by local name, `xml:`-prefixed for the XML namespace, `{uri}name` for others.
        var attributes: [String: String]
        var children: [Content]
        var line: Int

        subscript(_ name: String) -> String? { attributes[name] }

        /// `xml:id`.
        var xmlID: String? { attributes["xml:id"] }

        /// Child elements, in order.
        var elements: [Element] {
            children.compactMap { if case .element(let e) = $0 { e } else { nil } }
        }

        /// The first child element with this local name.
        func child(_ name: String) -> Element? {
            elements.first { $0.name == name }
        }

        /// Child elements with this local name.
        func children(_ name: String) -> [Element] {
            elements.filter { $0.name == name }
        }

        /// All character data inside, in document order, as written.
        var text: String {
            var out = ""
            for content in children {
                switch content {
                case .text(let piece): out += piece
                case .element(let e): out += e.text
                }
            }
            return out
        }

        /// True when some direct text child holds more than whitespace.
        var hasDirectText: Bool {
            children.contains { content in
                if case .text(let text) = content { return !TEIRendition.isBlank(text) }
                return false
            }
        }
    }

    /// A child element or a run of character data.
    enum Content: Sendable {
        case element(Element)
        case text(String)
    }
}
