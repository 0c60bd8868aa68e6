import Transcripts

/// Works out who acts in a sentence of observation prose ("The worker crouches down …",
/// "Grandad walks the student back to her car and tells her …"): the last person mentioned
/// before the cue who is followed by a verb, else the first person in the sentence. People are
/// recognised from the encounter's participants (labels and names) and from the codebook
/// language's role nouns; its speech verbs mark reported speech.
struct ActorResolver: Sendable {
    struct Actor: Equatable {
        var words: String
        var role: Role
    }

    /// Lower-cased participant labels and names → role.
    let people: [String: Role]
    /// The first words of the two-word labels and names in `people`.
    let peoplePairFirsts: Set<String>
    /// Role nouns of one word, and of two words ("social worker") by their two words.
    let nouns: [String: Role]
    let twoWordNouns: [String: Role]
    let speechVerbs: Set<String>
    let listenerVerbs: Set<String>

    init(encounter: Encounter?, language: Language) {
        var nouns: [String: Role] = [:], twoWordNouns: [String: Role] = [:]
        for (noun, role) in language.roleNouns {
            if noun.utf8.contains(UInt8(ascii: " ")) { twoWordNouns[noun] = role } else { nouns[noun] = role }
        }
        self.nouns = nouns
        self.twoWordNouns = twoWordNouns
        speechVerbs = language.speechVerbs
        listenerVerbs = language.listenerVerbs
        var people: [String: Role] = [:]
        for p in encounter?.participants ?? [] {
            people[p.label.lowercased()] = p.role
            if let name = p.name?.lowercased() {
                people[name] = p.role
                if let first = name.split(separator: " ").first { people[String(first)] = p.role }
            }
        }
        self.people = people
        peoplePairFirsts = Self.pairFirsts(people.keys)
    }

    /// A two-word name or noun split at its first space, else nil.
    static func pair(_ words: String) -> (String, String)? {
        guard let space = words.firstIndex(of: " ") else { return nil }
        return (String(words[..<space]), String(words[words.index(after: space)...]))
    }

    static func pairFirsts(_ keys: some Sequence<String>) -> Set<String> {
        Set(keys.compactMap { pair($0)?.0 })
    }

    /// Words that may stand between a verb of saying and the person it introduces ("says his old …").
    static let speechSkipWords: Set<String> = ["that", "his", "her", "their", "the", "my", "old", "new", "me", "us", "own"]
    /// Words that may start a three-word role noun ("family support worker") though a role noun themselves.
    static let roleModifiers: Set<String> = ["family", "student", "independent", "duty"]
    /// Titles read together with the following name ("Mr Hughes").
    static let titles: Set<String> = ["mr", "mrs", "ms"]

    /// The actor for a cue starting at token `cue`, or nil when nobody is named; `index` holds
    /// the segment's sentences, quotation marks and the people it mentions.
    func actor(_ index: SegmentIndex, cue: Int) -> Actor? {
        let tokens = index.tokens
        var sentenceStart = index.sentenceFirst[cue]
        // Inside a quotation the actor is whoever is quoted: look only before the opening quote.
        var limit = cue
        let quotes = index.quotesBefore[cue]
        if quotes % 2 == 1 {
            let opening = index.lastQuoteBefore[cue]
            limit = opening
            // `Mum says the FSW "was lovely"`: a person right before the quote is its subject.
            // ("The worker says to Reece, 'I …'" is direct speech: the comma rules that reading out.)
            let k = opening - 1
            if k >= sentenceStart, tokens[k].kind == .word {
                for start in [k - 1, k] where start >= sentenceStart {
                    if let (actor, next) = reference(tokens, at: start, sentenceStart: sentenceStart), next == k + 1,
                       actor.role != .researcher {
                        return actor
                    }
                }
            }
        } else if quotes >= 2 {
            // Quote tokens also open a sentence inside a quotation, after a speech verb and comma.
            sentenceStart = max(sentenceStart, index.lastQuoteBefore[cue] + 1)
            if sentenceStart >= cue { sentenceStart = index.firstQuote[cue] }
        }
        let lower = index.referencesBefore[sentenceStart], upper = index.referencesBefore[max(limit, sentenceStart)]
        // "YP says his old social worker was the only one who…": the person a verb of saying
        // introduces is the one the rest of the sentence is about.
        if let reported = index.last(in: index.lastIntroduced, from: lower, to: upper) { return reported.actor }
        if let acting = index.last(in: index.lastActing, from: lower, to: upper) { return acting.actor }
        if let being = index.last(in: index.lastBeing, from: lower, to: upper) { return being.actor }
        return upper > lower ? index.references[lower].actor : nil
    }

    /// In reported speech ("Jordan says his social worker told him it's his choice"), the last person
    /// before the cue who is followed by a verb of saying; nil when the sentence reports nobody.
    func reporter(_ index: SegmentIndex, cue: Int) -> Actor? {
        index.last(in: index.lastReporter, from: index.referencesBefore[index.sentenceFirst[cue]],
                   to: index.referencesBefore[cue])?.actor
    }

    /// A person reference starting at token `i` and the index after it. The tokens' `WordFacts`
    /// decide first, so Strings are only looked up for a likely person.
    func reference(_ tokens: [Token], at i: Int, sentenceStart: Int) -> (Actor, Int)? {
        guard tokens[i].kind == .word else { return nil }
        let facts = tokens[i].facts
        // "family support worker", "student social worker": the noun phrase is named by its last two words.
        if i + 2 < tokens.count, tokens[i + 1].kind == .word, tokens[i + 2].kind == .word,
           tokens[i + 1].facts.contains(.pairFirstAsWritten), tokens[i + 2].facts.contains(.pairSecond),
           twoWordNouns[tokens[i + 1].text + " " + Self.bare(tokens[i + 2])] != nil,
           !facts.contains(.roleNoun) || facts.contains(.roleModifier) {
            return nil
        }
        let word = Self.bare(tokens[i])
        if i + 1 < tokens.count, tokens[i + 1].kind == .word,
           (facts.contains(.pairFirst) && tokens[i + 1].facts.contains(.pairSecond))
            || (!peoplePairFirsts.isEmpty && peoplePairFirsts.contains(word)) {
            let pair = word + " " + Self.bare(tokens[i + 1])
            if let role = people[pair] ?? twoWordNouns[pair] { return (Actor(words: pair, role: role), i + 2) }
        }
        if !people.isEmpty, let role = people[word] { return (Actor(words: word, role: role), i + 1) }
        if facts.contains(.roleNoun), let role = nouns[word] {
            // "Mr Hughes", "Mrs Khan": the title and the name are one person.
            let next = (role == .client && facts.contains(.title) && i + 1 < tokens.count) ? i + 2 : i + 1
            return (Actor(words: word, role: role), next)
        }
        if tokens[i].capitalised, !facts.contains(.notName), facts.contains(.longerThanOne) {
            let atSentenceStart = i == sentenceStart || tokens[i - 1].kind == .quote
            if !atSentenceStart || followedByVerb(tokens, at: i + 1) {
                return (Actor(words: word, role: .unknown), i + 1)
            }
        }
        return nil
    }

    /// Whether a verb of saying stands just before the reference at `index` ("says his old social
    /// worker", "told me the health visitor").
    func introducedBySpeech(_ tokens: [Token], at index: Int, sentenceStart: Int) -> Bool {
        var k = index - 1
        var skipped = 0
        while k >= sentenceStart, skipped <= 3, tokens[k].kind == .word {
            let facts = tokens[k].facts
            // "tells Dad", "asks the mother": whoever follows these is the listener, not the subject.
            if facts.contains(.speechVerb) { return !facts.contains(.listenerVerb) }
            guard facts.contains(.speechSkip) else { return false }
            skipped += 1
            k -= 1
        }
        return false
    }

    static func stripPossessive(_ word: String) -> String {
        word.hasSuffix("'s") ? String(word.dropLast(2)) : word
    }

    /// A word token's text without a possessive 's, stripping only when its facts say it has one.
    @inline(__always)
    static func bare(_ token: Token) -> String {
        token.facts.contains(.possessive) ? stripPossessive(token.text) : token.text
    }

    /// The facts the checks here read from a word's shape; `bare` is the word without 's.
    static func shapeFacts(of word: String, bare: String) -> WordFacts {
        var facts: WordFacts = []
        if word.hasSuffix("'s") { facts.insert(.possessive) }
        if bare.count > 1 { facts.insert(.longerThanOne) }
        if word.hasSuffix("ly") && word.count > 4 { facts.insert(.lyAdverb) }
        if word.hasSuffix("ed") && word.count > 3 { facts.insert(.verbShape) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("'s") && word.count > 2 {
            facts.insert(.verbShape)
        }
        return facts
    }

    /// Whether a verb follows at `index` (skipping commas and one -ly adverb); with `copulas` false,
    /// "is", "was", "has" do not count, so "how scared Priya is" does not make Priya the actor.
    func followedByVerb(_ tokens: [Token], at index: Int, copulas: Bool = true) -> Bool {
        var i = index
        while i < tokens.count, tokens[i].kind == .comma { i += 1 }
        guard i < tokens.count, tokens[i].kind == .word else { return false }
        var facts = tokens[i].facts
        if facts.contains(.lyAdverb), i + 1 < tokens.count, tokens[i + 1].kind == .word {
            facts = tokens[i + 1].facts
        }
        if !copulas && facts.contains(.copula) { return false }
        return facts.contains(.verbShape)
    }
}
