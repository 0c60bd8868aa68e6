import Foundation

/// A source's text as another tool counted positions in it (the file's characters, BOM dropped,
/// CRLF as written) and as Rapport parses it (NFC, LF line ends, the text `rapport code` reads
/// from the same file), with maps from the one to the other under each `PositionConvention`, so
/// a selection made on CRLF, decomposed or emoji-rich text lands on the same characters.
/// Built in one pass; every lookup is constant time.
struct SourceText {
    /// The text in Rapport's normal form.
    let text: String
    /// The text as the file holds it (BOM dropped), which the other tool's positions count.
    let rawText: String
    /// `text` as code points, for word-boundary checks.
    let scalars: [Unicode.Scalar]
    /// The raw text's code points.
    private let raw: [Unicode.Scalar]
    /// `normal[i]`: the normalised offset of raw code point `i` (one entry past the end); a
    /// position inside a character that normalisation merges moves past it.
    private let normal: [Int32]
    /// Whether any CRLF or any code point outside the BMP occurs: without them some conventions agree.
    let hasCRLF: Bool
    let hasAstral: Bool

    /// Decodes a source file: UTF-8 (BOM dropped), or UTF-16 with a BOM.
    init(bytes: [UInt8]) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            self.init(raw: String(decoding: bytes.dropFirst(3), as: UTF8.self))
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var i = 2
            while i + 1 < bytes.count {
                let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
                units.append(little ? (b << 8 | a) : (a << 8 | b))
                i += 2
            }
            self.init(raw: String(decoding: units, as: UTF16.self))
        } else {
            self.init(raw: String(decoding: bytes, as: UTF8.self))
        }
    }

    init(raw text: String) {
        var raw: [Unicode.Scalar] = []
        raw.reserveCapacity(text.utf8.count)
        // Built as code points and UTF-8 bytes: appending to a String's scalar view copies it each time.
        var normalised: [Unicode.Scalar] = []
        normalised.reserveCapacity(text.utf8.count)
        var utf8: [UInt8] = []
        utf8.reserveCapacity(text.utf8.count)
        var normal: [Int32] = []
        normal.reserveCapacity(text.utf8.count + 1)
        var count: Int32 = 0
        var crlf = false, astral = false
        // Normal forms of the non-ASCII characters met so far: a text repeats few distinct ones.
        var cache: [String: [Unicode.Scalar]] = [:]
        for character in text {
            let start = count
            let scalars = character.unicodeScalars
            if character == "\r\n" || character == "\r" {
                crlf = crlf || character == "\r\n"
                normalised.append("\n")
                utf8.append(10)
                count += 1
            } else if scalars.count == 1, let only = scalars.first, only.isASCII {
                normalised.append(only)
                utf8.append(UInt8(only.value))
                count += 1
            } else {
                let key = String(character)
                let piece: [Unicode.Scalar]
                if let known = cache[key] {
                    piece = known
                } else {
                    piece = Array(key.precomposedStringWithCanonicalMapping.unicodeScalars)
                    cache[key] = piece
                }
                normalised.append(contentsOf: piece)
                for scalar in piece { utf8.append(contentsOf: UTF8.encode(scalar)!) }
                count += Int32(piece.count)
            }
            var first = true
            for scalar in scalars {
                if scalar.value > 0xFFFF { astral = true }
                raw.append(scalar)
                normal.append(first ? start : count)
                first = false
            }
        }
        normal.append(count)
        self.text = String(decoding: utf8, as: UTF8.self)
        self.rawText = text
        self.scalars = normalised
        self.raw = raw
        self.normal = normal
        self.hasCRLF = crlf
        self.hasAstral = astral
    }

    /// Positions as `convention` counts them, mapped to raw code points.
    func positions(_ convention: PositionConvention) -> Positions {
        let identity = (convention.unit == .codepoints || !hasAstral) && (convention.crlf == 2 || !hasCRLF)
        guard !identity else { return Positions(rawIndex: nil, count: raw.count) }
        var table: [Int32] = []
        table.reserveCapacity(raw.count + raw.count / 8 + 1)
        for (i, scalar) in raw.enumerated() {
            if convention.crlf == 1, scalar == "\n", i > 0, raw[i - 1] == "\r" { continue }
            table.append(Int32(i))
            if convention.unit == .utf16, scalar.value > 0xFFFF { table.append(Positions.insideCharacter) }
        }
        table.append(Int32(raw.count))
        return Positions(rawIndex: table, count: table.count - 1)
    }

    /// One convention's positions: `rawIndex[p]` is the raw code point at position `p`.
    struct Positions {
        static let insideCharacter: Int32 = -1
        fileprivate let rawIndex: [Int32]?
        /// The largest valid position (the length of the text in this convention's units).
        let count: Int
    }

    /// The normalised offset of `position`, or nil when it lies beyond the text or inside a
    /// character (between the two halves of a UTF-16 surrogate pair).
    func offset(_ position: Int, in positions: Positions) -> Int? {
        guard position >= 0, position <= positions.count else { return nil }
        let index = positions.rawIndex.map { Int($0[position]) } ?? position
        guard index >= 0 else { return nil }
        return Int(normal[index])
    }

    /// The normalised offset of raw code-point offset `position` (clamped to the text).
    func offset(_ position: Int) -> Int {
        Int(normal[min(max(0, position), raw.count)])
    }

    /// True when normalised offset `offset` does not fall inside a word (between two letters or digits).
    func isWordBoundary(_ offset: Int) -> Bool {
        guard offset > 0, offset < scalars.count else { return true }
        return !(Self.isWordCharacter(scalars[offset - 1]) && Self.isWordCharacter(scalars[offset]))
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }
}
