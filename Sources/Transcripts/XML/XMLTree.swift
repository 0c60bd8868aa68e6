/// A parsed XML document as plain Swift values, so the vocabulary readers never touch libxml2
/// pointers and can be tested and reasoned about like any other value.
public enum XMLTree {
    /// The XML namespace, bound to the `xml` prefix in every document (`xml:id`, `xml:lang`).
    public static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// One element: local name, namespace, attributes, content in document order and source line.
    public struct Element: Sendable {
        public var name: String
        /// The namespace URI, nil for an element in no namespace.
        public var namespace: String?
        /// Attribute values keyed by local name (`who`), `xml:`-prefixed for the XML namespace
        /// (`xml:id`), and `{uri}name` for any other namespace.
        public var attributes: [String: String]
        public var children: [Content]
        /// 1-based source line of the start tag.
        public var line: Int

        public init(name: String, namespace: String?, attributes: [String: String] = [:],
             children: [Content] = [], line: Int) {
            self.name = name
            self.namespace = namespace
            self.attributes = attributes
            self.children = children
            self.line = line
        }

        public subscript(_ name: String) -> String? { attributes[name] }

        /// `xml:id`, the identifier TEI uses for people, divisions and timeline points.
        public var xmlID: String? { attributes["xml:id"] }

        /// Child elements, in order.
        public var elements: [Element] {
            children.compactMap { if case .element(let e) = $0 { e } else { nil } }
        }

        /// True when some direct text child holds more than whitespace.
        public var hasDirectText: Bool {
            children.contains { content in
                if case .text(let text) = content {
                    return !InlineText.isBlank(text)
                }
                return false
            }
        }
    }

    /// A piece of element content: a child element or a run of character data (text or CDATA).
    public enum Content: Sendable {
        case element(Element)
        case text(String)
    }
}
