extension XMLTree.Element {
    /// The concatenated character data of this element's direct text children, unchanged.
    var characterData: String {
        var out = ""
        for case .text(let piece) in children { out += piece }
        return out
    }
}
