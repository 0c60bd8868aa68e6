/// Namespace-aware lookups and text extraction on `XMLTree.Element`. Recursion here is bounded
/// by `XMLSource.maximumDepth`, which the tree conversion enforces.
extension XMLTree.Element {
    /// True for an element with this local name in `namespace` (nil: no namespace).
    func `is`(_ name: String, in namespace: String?) -> Bool {
        self.name == name && self.namespace == namespace
    }

    /// The first child element with this name.
    func child(_ name: String, in namespace: String?) -> XMLTree.Element? {
        for case .element(let e) in children where e.is(name, in: namespace) { return e }
        return nil
    }

    /// Child elements with this name, in order.
    func children(_ name: String, in namespace: String?) -> [XMLTree.Element] {
        elements.filter { $0.is(name, in: namespace) }
    }

    /// Descendant elements with this name, in document order (not searching inside matches).
    func descendants(_ name: String, in namespace: String?) -> [XMLTree.Element] {
        var found: [XMLTree.Element] = []
        collect(name, namespace, into: &found)
        return found
    }

    private func collect(_ name: String, _ namespace: String?, into found: inout [XMLTree.Element]) {
        for case .element(let e) in children {
            if e.is(name, in: namespace) { found.append(e) } else { e.collect(name, namespace, into: &found) }
        }
    }

    /// The first descendant with this name.
    func firstDescendant(_ name: String, in namespace: String?) -> XMLTree.Element? {
        for case .element(let e) in children {
            if e.is(name, in: namespace) { return e }
            if let found = e.firstDescendant(name, in: namespace) { return found }
        }
        return nil
    }

    /// All text inside, whitespace collapsed and NFC; with `spaced`, element boundaries also
    /// separate words (`<forename>Olivia</forename><surname>Grant</surname>` → "Olivia Grant").
    func text(spaced: Bool = false) -> String {
        var builder = InlineText()
        appendText(to: &builder, spaced: spaced)
        return builder.finish()
    }

    private func appendText(to builder: inout InlineText, spaced: Bool) {
        for content in children {
            switch content {
            case .text(let text): builder.append(text)
            case .element(let e):
                if spaced { builder.appendSpace() }
                e.appendText(to: &builder, spaced: spaced)
                if spaced { builder.appendSpace() }
            }
        }
    }

    /// The text, or nil when it is empty.
    func nonEmptyText(spaced: Bool = false) -> String? {
        let value = text(spaced: spaced)
        return value.isEmpty ? nil : value
    }
}
