import Foundation
import Transcripts

extension LearnedModel {
    /// The model as its file: UTF-8 text, one record per line, tab-separated fields, in a fixed
    /// order, so the same training input gives the same bytes (format: docs/model-format.md).
    public var fileText: String {
        var out = "rapport-model\t\(Self.formatVersion)\n"
        out += "codebook\t\(Self.clean(codebookName))\n"
        out += "codes\t\(codes.joined(separator: "\t"))\n"
        if let embeddingChecksum { out += "embeddings\t\(EmbeddingTable.name)\t\(embeddingChecksum)\n" }
        for m in codeModels {
            out += ["code", m.code, String(m.positives), m.trained ? "trained" : "untrained",
                    Self.number(m.addThreshold), Self.number(m.vetoThreshold), Self.number(m.bias),
                    m.foldKappaRules.map(Self.number) ?? "-", m.foldKappaHybrid.map(Self.number) ?? "-",
                    m.embedding ? "embedding" : m.stacked ? "stacked" : "words"]
                .joined(separator: "\t") + "\n"
        }
        out += "subcodes\t\(subcodeModels.count)\n"
        for s in subcodeModels {
            out += ["subcode", s.code, s.parent, String(s.positives), String(s.subcoded), s.trained ? "trained" : "untrained",
                    Self.number(s.bias)].joined(separator: "\t") + "\n"
        }
        out += "features\t\(featureKeys.count)\n"
        let columns = self.columns
        for (k, key) in featureKeys.enumerated() {
            let hex = String(key, radix: 16)
            var line = String(repeating: "0", count: 16 - hex.count) + hex
            for c in 0..<columns { line += "\t" + Self.number(Double(weights[k * columns + c])) }
            out += line + "\n"
        }
        out += "passages\t\(passages.count)\n"
        for p in passages {
            out += [p.id, p.source, p.coder, p.codes.joined(separator: ","), p.text].map(Self.clean)
                .joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Writes the model file atomically (a temporary file, then rename).
    public func write(to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try Data(fileText.utf8).write(to: url, options: .atomic)
    }

    /// Reads a model file; any defect is an error naming the file, line and column.
    public init(contentsOf path: String) throws(Diagnostic) {
        let bytes = try TranscriptLoader.readBytes(path)
        try self.init(fileBytes: bytes, path: path)
    }

    /// Parses model file bytes (`path` is only used in messages).
    public init(fileBytes bytes: [UInt8], path: String) throws(Diagnostic) {
        var reader = ModelFileReader(bytes: bytes, path: path)
        let magic = try reader.fields(count: 2)
        guard magic[0] == "rapport-model" else { throw reader.error("not a Rapport model file (expected 'rapport-model' on line 1)") }
        guard let version = Int(magic[1]), Self.readableVersions.contains(version) else {
            let versions = Self.readableVersions.map(String.init).joined(separator: " and ")
            throw reader.error("model format version \(magic[1]) is not supported (this build reads versions \(versions))", column: 15)
        }
        let name = try reader.fields(tag: "codebook", count: 2)[1]
        let codeFields = try reader.fields(tag: "codes")
        let codes = Array(codeFields.dropFirst())
        guard !codes.isEmpty else { throw reader.error("the model lists no codes") }
        let embeddingChecksum = try EmbeddingTable.checksumLine(&reader)
        var models: [CodeModel] = []
        for code in codes {
            let f = try reader.fields(tag: "code", count: 10)
            guard f[1] == code else { throw reader.error("expected the line of code '\(code)', found '\(f[1])'", column: 6) }
            guard let positives = Int(f[2]), f[3] == "trained" || f[3] == "untrained", ["stacked", "words", "embedding"].contains(f[9]) else {
                throw reader.error("malformed code line for '\(code)'")
            }
            models.append(CodeModel(
                code: code, positives: positives, trained: f[3] == "trained", addThreshold: try reader.number(f[4], field: 4),
                vetoThreshold: try reader.number(f[5], field: 5), bias: try reader.number(f[6], field: 6),
                foldKappaRules: f[7] == "-" ? nil : try reader.number(f[7], field: 7),
                foldKappaHybrid: f[8] == "-" ? nil : try reader.number(f[8], field: 8), stacked: f[9] == "stacked", embedding: f[9] == "embedding"))
        }
        var subcodeModels: [SubcodeModel] = []
        if version >= 2 {
            for _ in 0..<(try reader.count(tag: "subcodes")) {
                let f = try reader.fields(tag: "subcode", count: 7)
                guard codes.contains(f[2]), f[1].hasPrefix(f[2] + "."), let positives = Int(f[3]), let subcoded = Int(f[4]),
                      f[5] == "trained" || f[5] == "untrained" else {
                    throw reader.error("malformed sub-code line for '\(f[1].prefix(40))'")
                }
                subcodeModels.append(SubcodeModel(code: f[1], parent: f[2], positives: positives, subcoded: subcoded,
                                                  trained: f[5] == "trained", bias: try reader.number(f[6], field: 6)))
            }
        }
        let columns = codes.count + subcodeModels.count
        let featureCount = try reader.count(tag: "features")
        var keys: [UInt64] = []
        var weights: [Float] = []
        keys.reserveCapacity(featureCount)
        weights.reserveCapacity(featureCount * columns)
        for _ in 0..<featureCount {
            let key = try reader.feature(columns: columns, into: &weights)
            if let last = keys.last, key <= last { throw reader.error("feature keys out of order") }
            keys.append(key)
        }
        let passageCount = try reader.count(tag: "passages")
        var passages: [StoredPassage] = []
        for _ in 0..<passageCount {
            let f = try reader.fields(count: 5)
            passages.append(StoredPassage(id: f[0], source: f[1], coder: f[2],
                                          codes: f[3].split(separator: ",").map(String.init), text: f[4]))
        }
        try reader.expectEnd()
        self.init(codebookName: name, codes: codes, codeModels: models, subcodeModels: subcodeModels, featureKeys: keys,
                  weights: weights,
                  passages: passages, path: path, embeddingChecksum: embeddingChecksum)
    }

    /// Numbers as the shortest text that reads back to the same Float (deterministic).
    static func number(_ x: Double) -> String {
        let f = Float(x)
        if f == f.rounded(), abs(f) < 1e6 { return String(Int(f)) }
        return "\(f)"
    }

    static func clean(_ text: String) -> String {
        String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
