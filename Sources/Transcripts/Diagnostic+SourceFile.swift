import Foundation

extension Diagnostic {
    /// Extensions of files whose line numbers count lines of the file itself (not of a part
    /// inside an archive), so the line can be quoted from the file.
    static let textExtensions: Set<String> = [
        "txt", "text", "xml", "tei", "vtt", "srt", "yaml", "yml", "csv", "tsv", "json", "jsonl", "qde", "qdc",
    ]

    /// This diagnostic quoting its line from the file at `path`, decoded as Rapport reads it; itself
    /// when the line is already known, the file is an archive or too large, or cannot be read.
    public func citingSourceFile() -> Diagnostic {
        guard line > 0, sourceLine == nil,
              Self.textExtensions.contains((path as NSString).pathExtension.lowercased()),
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
              size <= 64 << 20,
              let data = FileManager.default.contents(atPath: path),
              let decoded = try? TextDecoding.decode([UInt8](data), path: path)
        else { return self }
        return citing(decoded.text)
    }
}
