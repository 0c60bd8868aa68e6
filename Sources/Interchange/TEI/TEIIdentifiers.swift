/// Hands out `xml:id`s that are valid XML names (NCName) and unique within one document, so
/// pointers (`who="#SW"`, `ana="#power"`) resolve and validation passes.
struct TEIIdentifiers {
    private var used: Set<String> = []

    /// `preferred` made into a valid NCName and, if taken, suffixed (`SW-2`, `SW-3`).
    mutating func claim(_ preferred: String) -> String {
        let base = Self.sanitised(preferred)
        var candidate = base
        var n = 1
        while used.contains(candidate) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        used.insert(candidate)
        return candidate
    }

    /// Claims `id` as it is when it is a valid NCName and still free; false otherwise.
    mutating func claimExactly(_ id: String) -> Bool {
        guard Self.isName(id), !used.contains(id) else { return false }
        used.insert(id)
        return true
    }

    /// True for an XML NCName: a name start character, then name characters, no colon.
    static func isName(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isNameStart(first) else { return false }
        while let scalar = scalars.next() {
            if !isNameStart(scalar) && !isNameRest(scalar) { return false }
        }
        return true
    }

    /// `text` with every character an NCName cannot hold replaced by `_`, and `_` in front when
    /// it cannot start one (`Dr Khan` → `Dr_Khan`, `2024-03` → `_2024-03`).
    static func sanitised(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if out.isEmpty && !isNameStart(scalar) {
                out.append("_")
                if isNameRest(scalar) { out.append(scalar) }
            } else {
                out.append(isNameStart(scalar) || isNameRest(scalar) ? scalar : "_")
            }
        }
        return out.isEmpty ? "_" : String(out)
    }

    static func isNameStart(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF:
            true
        default:
            false
        }
    }

    static func isNameRest(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: false
        }
    }
}
