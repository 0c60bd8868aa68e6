import Transcripts

/// A cursor over a model file's lines that turns every defect into a `path:line:col` diagnostic.
/// Lines are byte ranges of the file, decoded only when read; a line ends at a line feed that does
/// not follow a carriage return (a CR LF pair is one character of the line, as in a Swift string).
struct ModelFileReader {
    let bytes: [UInt8]
    let lines: [Range<Int>]
    let path: String
    private(set) var line = 0

    init(bytes: [UInt8], path: String) {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(bytes.count / 64)
        var start = 0
        for i in bytes.indices where bytes[i] == 0x0A && (i == 0 || bytes[i - 1] != 0x0D) {
            lines.append(start..<i)
            start = i + 1
        }
        // The final line feed ends the last line; without one, the rest is a line (maybe empty).
        if start < bytes.count || lines.isEmpty { lines.append(start..<bytes.count) }
        self.bytes = bytes
        self.lines = lines
        self.path = path
    }

    func error(_ message: String, column: Int = 1) -> Diagnostic {
        Diagnostic(path: path, line: max(line, 1), column: column, message: "broken model file: " + message)
    }

    /// Line `i` as text.
    func text(ofLine i: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lines[i]]), as: UTF8.self) }
    }

    /// The next line's tab-separated fields; `count` (when given) must match exactly.
    mutating func fields(count: Int? = nil) throws(Diagnostic) -> [String] {
        guard line < lines.count else {
            line = lines.count + 1
            throw error("the file ends early")
        }
        let fields = text(ofLine: line).split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        line += 1
        if let count, fields.count != count {
            throw error("expected \(count) tab-separated fields, found \(fields.count)")
        }
        return fields
    }

    /// A feature line: its key (16 hex digits) and `columns` numbers, appended to `weights`. Read
    /// straight from the bytes; a line that is not plainly well-formed is read again by `fields`
    /// and `number`, so any defect is reported as they report it.
    mutating func feature(columns: Int, into weights: inout [Float]) throws(Diagnostic) -> UInt64 {
        guard line < lines.count else { return try slowFeature(columns: columns, into: &weights) }
        let range = lines[line]
        let mark = weights.count
        let parsed: UInt64? = bytes.withUnsafeBufferPointer { b in
            var i = range.lowerBound
            let end = range.upperBound
            guard end - i > 16, b[i + 16] == 0x09 else { return nil }
            var key: UInt64 = 0
            for k in i..<(i + 16) {
                let c = b[k]
                let digit: UInt8
                switch c {
                case 0x30...0x39: digit = c - 0x30
                case 0x61...0x66: digit = c - 0x61 + 10
                case 0x41...0x46: digit = c - 0x41 + 10
                default: return nil
                }
                key = key << 4 | UInt64(digit)
            }
            i += 17
            for c in 0..<columns {
                var j = i
                while j < end && b[j] != 0x09 { j += 1 }
                // Every field but the last ends at a tab; the last ends the line.
                guard (c == columns - 1) == (j == end), j > i else { return nil }
                if j == i + 1 && b[i] == 0x30 {
                    weights.append(0)
                } else {
                    guard let x = Float(String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self)), x.isFinite else { return nil }
                    weights.append(x)
                }
                i = j + 1
            }
            return key
        }
        if let parsed {
            line += 1
            return parsed
        }
        weights.removeSubrange(mark...)
        return try slowFeature(columns: columns, into: &weights)
    }

    private mutating func slowFeature(columns: Int, into weights: inout [Float]) throws(Diagnostic) -> UInt64 {
        let f = try fields(count: columns + 1)
        guard f[0].utf8.count == 16, let key = UInt64(f[0], radix: 16) else { throw error("malformed feature key '\(f[0])'") }
        for c in 0..<columns { weights.append(Float(try number(f[c + 1], field: c + 1))) }
        return key
    }

    /// The first field of the next line, without moving on (nil at the end).
    func nextTag() -> Substring? {
        guard line < lines.count else { return nil }
        return text(ofLine: line).split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first
    }

    /// The next line, which must start with `tag`.
    mutating func fields(tag: String, count: Int? = nil) throws(Diagnostic) -> [String] {
        let f = try fields(count: count)
        guard f[0] == tag else { throw error("expected a '\(tag)' line, found '\(f[0].prefix(40))'") }
        return f
    }

    /// A `tag<TAB>N` line: the number of records that follow.
    mutating func count(tag: String) throws(Diagnostic) -> Int {
        let f = try fields(tag: tag, count: 2)
        guard let n = Int(f[1]), n >= 0 else { throw error("expected a count after '\(tag)'", column: tag.count + 2) }
        return n
    }

    /// A number of the file, at the 32-bit precision it was written with.
    func number(_ text: String, field: Int) throws(Diagnostic) -> Double {
        guard let x = Float(text), x.isFinite else {
            let column = self.text(ofLine: line - 1).split(separator: "\t", omittingEmptySubsequences: false).prefix(field)
                .reduce(1) { $0 + $1.count + 1 }
            throw error("expected a number, found '\(text.prefix(40))'", column: column)
        }
        return Double(x)
    }

    func expectEnd() throws(Diagnostic) {
        guard line >= lines.count else { throw error("unexpected content after the last passage") }
    }
}
