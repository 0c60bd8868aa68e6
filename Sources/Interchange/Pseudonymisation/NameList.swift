import Transcripts

/// Names given to `--pseudonymise` in a file (`--names FILE`): one person per line, or the
/// `name,pseudonym` CSV that `--pseudonym-key` writes, so a project keeps one key across runs.
/// Blank lines and lines starting with `#` are skipped.
public enum NameList {
    public struct Entry: Sendable, Equatable {
        public var name: String
        /// A fixed pseudonym (from an earlier key); nil to number the person as new.
        public var pseudonym: String?

        public init(name: String, pseudonym: String? = nil) {
            self.name = name
            self.pseudonym = pseudonym
        }
    }

    /// The entries of `text`, read from `path`; a located error for a line it cannot use.
    public static func read(_ text: String, path: String) throws(Diagnostic) -> [Entry] {
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimming(" \t\r")
            if line.isEmpty || line.hasPrefix("#") || (index == 0 && line.lowercased() == "name,pseudonym") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimming(" \t\"") }
            guard fields.count <= 2, !fields[0].isEmpty else {
                throw Diagnostic(path: path, line: index + 1, column: 1,
                                 message: "expected a name, or name,pseudonym", sourceLine: String(raw))
            }
            entries.append(Entry(name: fields[0], pseudonym: fields.count == 2 && !fields[1].isEmpty ? fields[1] : nil))
        }
        return entries
    }
}
