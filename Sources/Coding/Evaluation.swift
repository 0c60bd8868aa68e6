import Foundation
import Transcripts

/// A hand-coded sample to validate the automatic coder against: rows of text with the top-level
/// codes careful human coders gave them (the format of `dev-gold.tsv`).
public struct GoldSet: Sendable {
    public struct Row: Sendable {
        public var id: String
        public var source: String
        public var codes: Set<String>
        public var text: String
        public var phenomenon: String
        public var line: Int
    }

    public var rows: [Row]

    /// Reads a TSV: `#` comment lines, a header `id source codes text phenomenon`, then rows.
    public static func load(path: String) throws(Diagnostic) -> GoldSet {
        let bytes = try TranscriptLoader.readBytes(path)
        let text = try TextDecoding.decode(bytes, path: path).text
        var rows: [Row] = []
        var sawHeader = false
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                if fields.first == "id" { continue }
            }
            guard fields.count >= 4 else {
                throw Diagnostic(path: path, line: n + 1, column: 1,
                                 message: "expected at least 4 tab-separated fields (id, source, codes, text), found \(fields.count)")
            }
            let codes = Set(fields[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            rows.append(Row(id: fields[0], source: fields[1], codes: codes, text: fields[3],
                            phenomenon: fields.count > 4 ? fields[4] : "", line: n + 1))
        }
        return GoldSet(rows: rows)
    }
}

/// How well the automatic coder agrees with a gold set: per code precision, recall, F1 and
/// Cohen's κ, macro-F1, and exact-match rate per phenomenon.
public struct Evaluation: Sendable {
    public struct CodeScore: Sendable {
        public var code: String
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0

        public init(code: String) { self.code = code }

        /// Counts one decision against its gold label.
        public mutating func add(predicted: Bool, gold: Bool) {
            switch (gold, predicted) {
            case (true, true): truePositives += 1
            case (false, true): falsePositives += 1
            case (true, false): falseNegatives += 1
            case (false, false): trueNegatives += 1
            }
        }
        public var support: Int { truePositives + falseNegatives }
        public var precision: Double? { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double? { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double? {
            guard let p = precision, let r = recall, p + r > 0 else { return support == 0 && falsePositives == 0 ? nil : 0 }
            return 2 * p * r / (p + r)
        }
        /// Cohen's κ of the coder against the gold labels for this code (nil when undefined).
        public var kappa: Double? {
            let n = Double(truePositives + falsePositives + falseNegatives + trueNegatives)
            guard n > 0 else { return nil }
            let observed = Double(truePositives + trueNegatives) / n
            let yesGold = Double(truePositives + falseNegatives) / n, yesAuto = Double(truePositives + falsePositives) / n
            let expected = yesGold * yesAuto + (1 - yesGold) * (1 - yesAuto)
            guard expected < 1 else { return nil }
            return (observed - expected) / (1 - expected)
        }
        func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }
    }

    public struct Outcome: Sendable {
        public var row: GoldSet.Row
        public var predicted: Set<String>
        public var annotations: [Annotation]
        public var exact: Bool { predicted == row.codes }
    }

    public var codes: [CodeScore]
    public var outcomes: [Outcome]

    public var macroF1: Double {
        let f = codes.compactMap(\.f1)
        return f.isEmpty ? 0 : f.reduce(0, +) / Double(f.count)
    }

    /// Exact-match rate and row count per phenomenon, sorted by name.
    public var byPhenomenon: [(phenomenon: String, rows: Int, exact: Double)] {
        Dictionary(grouping: outcomes, by: { $0.row.phenomenon }).map { key, rows in
            (key, rows.count, Double(rows.filter(\.exact).count) / Double(rows.count))
        }.sorted { $0.phenomenon < $1.phenomenon }
    }

    /// Codes every row of `gold` with `coder` and scores the result per top-level code.
    public init(gold: GoldSet, coder: Coder) {
        self.init(gold: gold, codes: coder.codebook.topLevelIDs) { Self.code($0.text, with: coder) }
    }

    /// Scores any coder of rows (the hybrid coder, a cross-validated model) per top-level code in `top`.
    public init(gold: GoldSet, codes top: [String], annotate: (GoldSet.Row) -> [Annotation]) {
        var scores = top.map { CodeScore(code: $0) }
        var outcomes: [Outcome] = []
        for row in gold.rows {
            let annotations = annotate(row)
            let predicted = Set(annotations.map(\.topLevelCode))
            for (k, code) in top.enumerated() {
                scores[k].add(predicted: predicted.contains(code), gold: row.codes.contains(code))
            }
            outcomes.append(Outcome(row: row, predicted: predicted, annotations: annotations))
        }
        self.codes = scores
        self.outcomes = outcomes
    }

    /// Codes one gold row as a segment. A leading `Label:` makes it a turn by that speaker; a
    /// row holding several turns (`Interviewer: … SW: …`) is coded turn by turn.
    static func code(_ text: String, with coder: Coder) -> [Annotation] {
        let parser = PlainTextParser()
        let transcript = parser.parse(text: InlineTurns.splitting(text), path: "gold.txt")
        var out: [Annotation] = []
        for encounter in transcript.encounters {
            for segment in encounter.segments { out += coder.code(segment, in: encounter) }
        }
        return out
    }
}

/// Puts turns that were run together on one line (`Interviewer: Was he … ? SW: No, …`) on
/// lines of their own, as transcripts pasted from PDFs often need.
public enum InlineTurns {
    public static func splitting(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var out = ""
        for (i, word) in words.enumerated() {
            if i > 0 {
                let previous = words[i - 1]
                let endsSentence = previous.hasSuffix("?") || previous.hasSuffix(".") || previous.hasSuffix("!")
                if endsSentence, word.hasSuffix(":"), Role(defaultForLabel: String(word.dropLast())) != nil {
                    out += "\n"
                } else {
                    out += " "
                }
            }
            out += word
        }
        return out
    }
}
