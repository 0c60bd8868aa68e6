import Coding

/// Codebook suggestions from the team's coding, for a person to accept or not: phrases that
/// predict a code in the team's coding where no cue fired, and cues the team keeps contradicting.
public struct CueSuggestions: Sendable {
    /// A phrase found in passages the team gave `code` but the rules missed.
    public struct Phrase: Sendable {
        public var code: String
        public var phrase: String
        /// Passages with the phrase that the team coded `code` and the rules did not.
        public var missed: Int
        /// Passages with the phrase, and how many of them the team coded `code`.
        public var withPhrase: Int
        public var coded: Int
    }

    /// A cue whose matches the team's coding mostly disagrees with.
    public struct Contradicted: Sendable {
        public var code: String
        public var cue: String
        public var rule: String
        public var fired: Int
        public var agreed: Int
    }

    public var phrases: [Phrase]
    public var contradicted: [Contradicted]

    /// Counts over `passages`: a phrase needs `minimumMissed` missed passages and 80% of its
    /// passages coded with the code; a cue needs two contradictions, more than agreements.
    public init(_ passages: [TrainingPassage], codebook: Codebook, minimumMissed: Int = 3, perCode: Int = 8) {
        let coder = Coder(codebook: codebook)
        let views = passages.map { PassageView(passage: $0, coder: coder) }
        let labels = passages.map { Set($0.codes.map(LearnedModel.topLevel)) }
        var texts: [UInt64: String] = [:]
        var occurrences: [UInt64: [Int]] = [:]
        for (i, view) in views.enumerated() {
            for n in view.words.ngrams() {
                texts[n.key] = n.text
                occurrences[n.key, default: []].append(i)
            }
        }
        var phrases: [Phrase] = []
        for code in codebook.topLevelIDs {
            var found: [Phrase] = []
            for (key, rows) in occurrences where rows.count >= minimumMissed {
                let coded = rows.filter { labels[$0].contains(code) }.count
                let missed = rows.filter { labels[$0].contains(code) && !views[$0].ruleCodes.contains(code) }.count
                guard missed >= minimumMissed, Double(coded) >= 0.8 * Double(rows.count), let text = texts[key] else { continue }
                found.append(Phrase(code: code, phrase: text, missed: missed, withPhrase: rows.count, coded: coded))
            }
            found.sort { ($0.missed, $0.coded, $1.phrase) > ($1.missed, $1.coded, $0.phrase) }
            phrases += found.prefix(perCode)
        }
        var cues: [String: Contradicted] = [:]
        for (i, view) in views.enumerated() {
            var seen: Set<String> = []
            for a in view.ruleAnnotations {
                guard let evidence = a.evidence, seen.insert(evidence.rule).inserted else { continue }
                var entry = cues[evidence.rule] ?? Contradicted(code: a.code, cue: evidence.cue, rule: evidence.rule, fired: 0, agreed: 0)
                entry.fired += 1
                if labels[i].contains(a.topLevelCode) { entry.agreed += 1 }
                cues[evidence.rule] = entry
            }
        }
        self.phrases = phrases
        contradicted = cues.values.filter { $0.fired - $0.agreed >= 2 && $0.fired - $0.agreed > $0.agreed }
            .sorted { ($0.fired - $0.agreed, $1.rule) > ($1.fired - $1.agreed, $0.rule) }
    }

    /// The suggestions as YAML snippets with their counts (comments say what each count means).
    public var yaml: String {
        var out = "# Phrases that predict a code in the team's coding where no cue fired.\n"
        out += "# Review each, then add it under the code's cues in the codebook.\n"
        if phrases.isEmpty { out += "# (none)\n" }
        var current = ""
        for p in phrases {
            if p.code != current {
                out += "\(p.code):\n  cues:\n"
                current = p.code
            }
            out += "    - phrase: \"\(p.phrase)\"   # team coded \(p.code) in \(p.coded) of \(p.withPhrase) passages with it; rules missed \(p.missed)\n"
        }
        out += "\n# Cues the team's coding keeps contradicting (fired, but the team did not code the code).\n"
        out += "# Consider narrowing them (unless:, roles:, negation:) or removing them.\n"
        if contradicted.isEmpty { out += "# (none)\n" }
        for c in contradicted {
            out += "- rule: \(c.rule)\n  phrase: \"\(c.cue)\"   # fired on \(c.fired) passages; the team agreed on \(c.agreed), not on \(c.fired - c.agreed)\n"
        }
        return out
    }
}
