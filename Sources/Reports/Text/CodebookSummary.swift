import Coding

/// The tree `rapport codebook show` prints: each code with its definition and cue count.
public enum CodebookSummary {
    public static func text(_ codebook: Codebook) -> String {
        var out = "\(codebook.name)\n"
        func visit(_ code: Code, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            out += "\(indent)\(code.id)  \(code.name)\(code.colour.map { "  \($0)" } ?? "")  [\(code.cues.count) cues]\n"
            if let d = code.definition { out += "\(indent)    \(d.trimmingSpaces())\n" }
            if let u = code.useWhen { out += "\(indent)    use when: \(u.trimmingSpaces())\n" }
            if let n = code.doNotUseWhen { out += "\(indent)    not when: \(n.trimmingSpaces())\n" }
            code.children.forEach { visit($0, depth: depth + 1) }
        }
        codebook.codes.forEach { visit($0, depth: 0) }
        return out
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
