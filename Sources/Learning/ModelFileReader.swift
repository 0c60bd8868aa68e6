import Transcripts

/// A cursor over a model file's lines that turns every defect into a `path:line:col` diagnostic.
struct ModelFileReader {
    let lines: [Substring]
    let path: String
    private(set) var line = 0

    init(bytes: [UInt8], path: String) {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        self.path = path
    }

    func error(_ message: String, column: Int = 1) -> Diagnostic {
        Diagnostic(path: path, line: max(line, 1), column: column, message: "broken model file: " + message)
    }

    /// The next line's tab-separated fields; `count` (when given) must match exactly.
    mutating func fields(count: Int? = nil) throws(Diagnostic) -> [String] {
        guard line < lines.count else {
            line = lines.count + 1
            throw error("the file ends early")
        }
        let fields = lines[line].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        line += 1
        if let count, fields.count != count {
            throw error("expected \(count) tab-separated fields, found \(fields.count)")
        }
        return fields
    }

    /// The first field of the next line, without moving on (nil at the end).
    func nextTag() -> Substring? {
        guard line < lines.count else { return nil }
        return lines[line].split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false).first
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
            let column = lines[line - 1].split(separator: "\t", omittingEmptySubsequences: false).prefix(field)
                .reduce(1) { $0 + $1.count + 1 }
            throw error("expected a number, found '\(text.prefix(40))'", column: column)
        }
        return Double(x)
    }

    func expectEnd() throws(Diagnostic) {
        guard line >= lines.count else { throw error("unexpected content after the last passage") }
    }
}
