import Foundation

/// A source's text as REFI-QDA positions count it (code points of the UTF-8 file, BOM dropped)
/// and as Rapport parses it (NFC, LF line ends), with the map from the one to the other, so a
/// selection made by another tool on CRLF or decomposed text lands on the same characters.
struct SourceText {
    /// The text in Rapport's normal form.
    let text: String
    /// `map[p]` is the normalised offset of raw code-point offset `p` (one entry past the end).
    private let map: [Int]?
    /// Code points in the raw text.
    let rawCount: Int

    init(bytes: [UInt8]) {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        self.init(raw: String(decoding: body, as: UTF8.self))
    }

    init(raw: String) {
        rawCount = raw.unicodeScalars.count
        if raw.utf8.allSatisfy({ $0 < 0x80 && $0 != 13 }) {
            text = raw
            map = nil
            return
        }
        var normal = String.UnicodeScalarView()
        var map: [Int] = []
        map.reserveCapacity(rawCount + 1)
        for character in raw {
            let piece: String
            if character == "\r\n" || character == "\r" {
                piece = "\n"
            } else if character.unicodeScalars.allSatisfy(\.isASCII) {
                piece = String(character)
            } else {
                piece = String(character).precomposedStringWithCanonicalMapping
            }
            let start = normal.count
            normal.append(contentsOf: piece.unicodeScalars)
            for k in 0..<character.unicodeScalars.count {
                // A position inside a character that normalisation merges moves past it.
                map.append(k == 0 ? start : normal.count)
            }
        }
        map.append(normal.count)
        text = String(normal)
        self.map = map
    }

    /// The normalised offset of raw code-point offset `position` (clamped to the text).
    func offset(_ position: Int) -> Int {
        let clamped = min(max(0, position), rawCount)
        return map?[clamped] ?? clamped
    }
}
