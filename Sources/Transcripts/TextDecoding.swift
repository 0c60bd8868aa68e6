import Foundation

/// Turns a file's bytes into Rapport's normalised text: decoded (UTF-8, UTF-16 with BOM,
/// Windows-1252 as fallback), BOM removed, CRLF and CR turned into LF, and NFC-composed,
/// so that code-point offsets mean the same thing whatever the file arrived as.
public enum TextDecoding {
    /// The normalised text and any warnings about how it was decoded.
    public struct Result: Sendable {
        public var text: String
        public var warnings: [Diagnostic]
    }

    /// Decodes `bytes` read from `path`; throws a located `Diagnostic` for binary data.
    public static func decode(_ bytes: [UInt8], path: String) throws(Diagnostic) -> Result {
        var warnings: [Diagnostic] = []
        var utf8: [UInt8]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            utf8 = Array(bytes.dropFirst(3))
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            utf8 = try decodeUTF16(bytes.dropFirst(2), bigEndian: false, path: path)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            utf8 = try decodeUTF16(bytes.dropFirst(2), bigEndian: true, path: path)
        } else if let bigEndian = looksLikeBOMlessUTF16(bytes) {
            utf8 = try decodeUTF16(bytes[...], bigEndian: bigEndian, path: path)
            warnings.append(Diagnostic(path: path, line: 1, column: 1, severity: .warning,
                                       message: "no byte-order mark; read as UTF-16 \(bigEndian ? "BE" : "LE")"))
        } else {
            utf8 = bytes
        }
        if let nul = utf8.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: utf8)
            throw Diagnostic(path: path, line: line, column: column,
                             message: "binary file: NUL byte found; expected a text transcript")
        }
        utf8 = normaliseLineEnds(utf8)
        var text: String
        if let valid = String(validating: utf8, as: UTF8.self) {
            text = valid
        } else {
            let bad = firstInvalidUTF8(utf8) ?? 0
            let (line, column) = position(of: bad, in: utf8)
            warnings.append(Diagnostic(path: path, line: line, column: column, severity: .warning,
                                       message: "invalid UTF-8; decoded the file as Windows-1252"))
            text = decodeWindows1252(utf8)
        }
        if utf8.contains(where: { $0 >= 0x80 }) {
            text = text.precomposedStringWithCanonicalMapping
        }
        return Result(text: text, warnings: warnings)
    }

    /// CRLF → LF and lone CR → LF, in one pass over the bytes.
    static func normaliseLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(13) else { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 13 {
                out.append(10)
                if i + 1 < bytes.count, bytes[i + 1] == 10 { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool, path: String) throws(Diagnostic) -> [UInt8] {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var out = [UInt8]()
        out.reserveCapacity(units.count)
        var line = 1
        var iterator = units.makeIterator()
        var decoder = UTF16()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                out.append(contentsOf: UTF8.encode(scalar)!)
            case .emptyInput:
                break loop
            case .error:
                throw Diagnostic(path: path, line: line, column: 0,
                                 message: "invalid UTF-16: unpaired surrogate")
            }
        }
        return out
    }

    /// UTF-16 without a BOM shows as ASCII with every other byte zero; nil if it does not.
    static func looksLikeBOMlessUTF16(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(200)
        guard sample.count >= 8, sample.count % 2 == 0 else { return nil }
        let evens = stride(from: 0, to: sample.count, by: 2).map { sample[$0] }
        let odds = stride(from: 1, to: sample.count, by: 2).map { sample[$0] }
        if odds.allSatisfy({ $0 == 0 }) && evens.allSatisfy({ $0 != 0 }) { return false }
        if evens.allSatisfy({ $0 == 0 }) && odds.allSatisfy({ $0 != 0 }) { return true }
        return nil
    }

    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            if String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return nil
    }

    /// 1-based line and column (in bytes) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 10 {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }

    static func decodeWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            if b >= 0x80 && b <= 0x9F, let scalar = Unicode.Scalar(windows1252High[Int(b - 0x80)]) {
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(b))
            }
        }
        return String(scalars)
    }

    /// Windows-1252's 0x80–0x9F (smart quotes, dashes, euro); undefined slots map to themselves.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
