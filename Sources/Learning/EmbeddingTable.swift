import Foundation
import Transcripts

/// A static token embedding table: the input token embeddings of all-MiniLM-L6-v2 quantised to
/// int8 (one scale per row) with their WordPiece vocabulary, made by
/// Benchmarks/convert-minilm-embeddings.py. A passage's vector is the mean of its tokens' rows,
/// L2-normalised: cheap features that carry word meaning beyond the team's own vocabulary.
public struct EmbeddingTable: Sendable {
    public let rows: Int
    public let dimensions: Int
    /// sha256 of the table's payload, as its header states; a model records it.
    public let checksum: String
    let tokenizer: WordPieceTokenizer
    let scales: [Float]
    let values: [Int8]
    /// The vocabulary's bytes and where each token starts in them (for evidence).
    let vocabularyBytes: [UInt8]
    let tokenStarts: [Int32]

    /// Reads a table file; a defect is an error naming the file.
    public init(contentsOf path: String) throws(Diagnostic) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw Diagnostic(path: path, message: "cannot read embedding table: \(error.localizedDescription)")
        }
        try self.init(data: data, path: path)
    }

    init(data: Data, path: String) throws(Diagnostic) {
        func broken(_ message: String) -> Diagnostic {
            Diagnostic(path: path, line: 1, column: 1, message: "broken embedding table: " + message)
        }
        guard let newline = data.firstIndex(of: 0x0A), newline - data.startIndex < 400 else { throw broken("no header line") }
        let fields = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: " ")
        var values: [String: String] = [:]
        for field in fields.dropFirst(2) {
            let parts = field.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[String(parts[0])] = String(parts[1]) }
        }
        guard fields.count >= 2, fields[0] == "rapport-embeddings", fields[1] == "1" else {
            throw broken("expected 'rapport-embeddings 1' on line 1")
        }
        guard let rows = values["rows"].flatMap(Int.init), let dimensions = values["dims"].flatMap(Int.init),
              rows > 0, dimensions > 0, values["quantisation"] == "int8-per-row",
              let checksum = values["sha256"], checksum.utf8.count == 64 else {
            throw broken("header lacks rows, dims, quantisation=int8-per-row or sha256")
        }
        var offset = newline + 1
        func take(_ count: Int) throws(Diagnostic) -> Range<Int> {
            guard count >= 0, data.endIndex - offset >= count else { throw broken("the file ends early") }
            defer { offset += count }
            return offset..<(offset + count)
        }
        let lengthBytes = try take(4)
        let vocabularyLength = data[lengthBytes].reversed().reduce(0) { $0 << 8 | Int($1) }
        let vocabularyBytes = [UInt8](data[try take(vocabularyLength)])
        let vocabulary = vocabularyBytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map { [UInt8]($0) }
        guard vocabulary.count == rows else { throw broken("the vocabulary has \(vocabulary.count) tokens for \(rows) rows") }
        guard let tokenizer = WordPieceTokenizer(vocabulary: vocabulary) else {
            throw broken("the vocabulary has no [UNK] token or repeats a token")
        }
        let scaleRange = try take(rows * 4)
        let valueRange = try take(rows * dimensions)
        guard offset == data.endIndex else { throw broken("unexpected bytes after the table") }
        scales = data[scaleRange].withUnsafeBytes { raw in
            (0..<rows).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
        self.values = [Int8](unsafeUninitializedCapacity: rows * dimensions) { buffer, count in
            data[valueRange].withUnsafeBytes { raw in _ = raw.copyBytes(to: UnsafeMutableRawBufferPointer(buffer)) }
            count = rows * dimensions
        }
        self.rows = rows
        self.dimensions = dimensions
        self.checksum = checksum
        self.tokenizer = tokenizer
        self.vocabularyBytes = vocabularyBytes
        var starts: [Int32] = [0]
        starts.reserveCapacity(rows + 1)
        for token in vocabulary { starts.append(starts[starts.count - 1] + Int32(token.count + 1)) }
        tokenStarts = starts
    }

    /// The text of token `id` (`##` marks a continuation piece).
    public func token(_ id: Int32) -> String {
        let i = Int(id)
        return String(decoding: vocabularyBytes[Int(tokenStarts[i])..<Int(tokenStarts[i + 1] - 1)], as: UTF8.self)
    }

    /// The WordPiece token ids of `text` (no [CLS]/[SEP]).
    public func tokenIDs(_ text: String) -> [Int32] { tokenizer.tokenIDs(text) }

    /// Row `id` dequantised.
    public func embedding(_ id: Int32) -> [Float] {
        let base = Int(id) * dimensions
        let scale = scales[Int(id)]
        return (0..<dimensions).map { Float(values[base + $0]) * scale }
    }

    /// The mean of the tokens' embeddings, scaled to unit length (all zeros for a text without tokens).
    public func vector(_ text: String) -> [Float] {
        vector(ids: tokenIDs(text))
    }

    func vector(ids: [Int32]) -> [Float] {
        var sum = [Float](repeating: 0, count: dimensions)
        values.withUnsafeBufferPointer { v in
            for id in ids {
                let base = Int(id) * dimensions
                let scale = scales[Int(id)]
                for j in 0..<dimensions { sum[j] += Float(v[base + j]) * scale }
            }
        }
        let norm = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? sum.map { $0 / norm } : sum
    }
}
