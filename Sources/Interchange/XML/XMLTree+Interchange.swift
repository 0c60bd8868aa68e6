import Transcripts

/// Lookups by local name and raw character data, as the TEI-markup and REFI-QDA readers use them
/// on trees from `XMLSource` (the one hardened XML reader).
extension XMLTree.Element {
    /// The first child element with this local name, in any namespace.
    func child(_ name: String) -> XMLTree.Element? {
        elements.first { $0.name == name }
    }

    /// Child elements with this local name, in any namespace.
    func children(_ name: String) -> [XMLTree.Element] {
        elements.filter { $0.name == name }
    }

    /// All character data inside, in document order, as written (no whitespace collapsing).
    var characterData: String {
        var out = ""
        for content in children {
            switch content {
            case .text(let piece): out += piece
            case .element(let e): out += e.characterData
            }
        }
        return out
    }
}
