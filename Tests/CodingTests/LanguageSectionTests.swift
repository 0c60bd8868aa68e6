import Testing
@testable import Coding
import Transcripts

// Sentences written for these tests; none comes from the gold sets.

/// A codebook of two codes whose `language:` section is `language` (nothing when empty).
private func book(language: String = "") throws -> Coder {
    let yaml = """
        name: t
        codes:
          - id: hostility
            name: Hostility
            definition: d
            cues:
              - shout|scream
              - phrase: bad mum
                roles: [worker]
          - id: power
            name: Power
            definition: d
            cues: [court]

        """ + language
    return Coder(codebook: try codebook(yaml))
}

@Suite("The codebook's language section")
struct LanguageSectionTests {
    @Test func withoutTheSectionACodebookUsesTheEnglishDefaults() throws {
        #expect(try book().codebook.language == .english)
        #expect(relationship.language == .english)
    }

    @Test func anAddedNegationTriggerCancelsACue() throws {
        let sentence = "SW: She disnae shout at me."
        #expect(codes(sentence, coder: try book()) == ["hostility"])
        let scots = try book(language: "language:\n  negation:\n    triggers: {add: [disnae]}\n")
        #expect(codes(sentence, coder: scots).isEmpty)
        // Adding keeps the defaults: "didn't" and "never" still negate.
        #expect(codes("SW: She never shouts at me.", coder: scots).isEmpty)
    }

    @Test func aPseudoNegationStopsItsTriggerFromNegating() throws {
        let sentence = "SW: No doubt he shouts at her."
        #expect(codes(sentence, coder: try book()).isEmpty)
        let pseudo = try book(language: "language:\n  negation:\n    pseudo-triggers: [no doubt]\n")
        #expect(codes(sentence, coder: pseudo) == ["hostility"])
    }

    @Test func anAddedSpeechVerbMakesATurnReportSomeoneElsesAct() throws {
        // The cue counts only when a worker performs it; the speaker is a client.
        let sentence = "Mum: My social worker whispers I'm a bad mum."
        #expect(codes(sentence, coder: try book()).isEmpty)
        let whispers = try book(language: "language:\n  speech-verbs: {add: [whispers]}\n")
        let found = annotations(sentence, coder: whispers)
        #expect(found.map(\.code) == ["hostility"])
        #expect(found.first?.actorRole == .worker)
        #expect(found.first?.evidence?.actor.hasPrefix("reported 'social worker' (worker)") == true)
    }

    @Test func aListReplacesTheDefaultWhereAnEditExtendsIt() throws {
        let sentence = "Mum: My social worker says I'm a bad mum."
        #expect(codes(sentence, coder: try book()) == ["hostility"])
        let only = try book(language: "language:\n  speech-verbs: [whispers]\n")
        #expect(codes(sentence, coder: only).isEmpty)
        #expect(only.codebook.language.speechVerbs == ["whispers"])
    }

    @Test func anAddedRoleNounNamesAWorker() throws {
        let sentence = "Mum: My navigator says I'm a bad mum."
        #expect(codes(sentence, coder: try book()).isEmpty)
        let nouns = try book(language: "language:\n  role-nouns:\n    worker: {add: [navigator, link worker]}\n")
        #expect(codes(sentence, coder: nouns) == ["hostility"])
        #expect(nouns.codebook.language.roleNouns["link worker"] == .worker)
        #expect(nouns.codebook.language.roleNouns["mum"] == .client)
    }

    @Test func anAddedNonHumanActorIsNotHostile() throws {
        let sentence = "SW: The cockatoo screams at us."
        #expect(codes(sentence, coder: try book()) == ["hostility"])
        let birds = try book(language: "language:\n  non-human:\n    actors: {add: [cockatoo]}\n")
        #expect(codes(sentence, coder: birds).isEmpty)
        // "dog" stays from the defaults.
        #expect(codes("SW: The dog screams at us.", coder: birds).isEmpty)
    }

    @Test func questionCodesDecideWhichCodesAQuestionCancels() throws {
        let sentence = "SW: Did he shout at you in court?"
        #expect(codes(sentence, coder: try book()).isEmpty)
        let onlyPower = try book(language: "language:\n  questions:\n    codes: [power]\n")
        #expect(codes(sentence, coder: onlyPower) == ["hostility"])
    }

    /// `rapport codebook language` prints this section; pasted into a codebook it must give back
    /// exactly the lists printed, without a lint message.
    @Test func thePrintedSectionReadsBackAsTheSameLanguage() throws {
        var changed = Language.english
        changed.speechVerbs.insert("whispers")
        changed.roleNouns["navigator"] = .worker
        changed.negationWindow = 4
        changed.pseudoNegations = ["no doubt"]
        changed.questionCodes = []
        for language in [Language.english, changed] {
            let coder = try book(language: language.yaml)
            #expect(coder.codebook.language == language)
            #expect(Codebook.lint(yaml: "name: t\ncodes:\n  - {id: hostility, name: H, definition: d, cues: [x]}\n"
                                    + "  - {id: power, name: P, definition: d, cues: [y]}\n" + language.yaml,
                                  source: "t.yaml").isEmpty)
        }
        #expect(changed.yaml.contains("    pseudo-triggers: [no doubt]\n"))
        #expect(Language.english.yaml.contains("endings: [\"n't\"]"))
    }

    @Test func lintGivesLineAndColumnOfEachBadEntry() throws {
        let yaml = """
            name: t
            codes:
              - id: hostility
                name: H
                definition: d
            language:
              negation:
                triggers: {add: [disnae, disnae, ""], remove: [nope]}
                window: many
              speech-verbs: whispers
              questions:
                auxiliaries: [did he]
                codes: [anger]
              role-nouns:
                worker: {add: [chair]}
                client: {add: [the big man here]}
              grammar: {}
            """
        let found = Codebook.lint(yaml: yaml, source: "book.yaml").map(\.description)
        #expect(found == [
            "book.yaml:8:30: warning: 'disnae' appears twice in 'negation.triggers.add'",
            "book.yaml:8:38: error: empty entry in 'negation.triggers.add'",
            "book.yaml:8:52: warning: 'nope' is not in 'negation.triggers'; nothing to remove",
            "book.yaml:9:13: error: 'negation.window' must be a whole number of words from 1 to 20",
            "book.yaml:10:17: error: 'speech-verbs' must be a list (replacing the default) or a mapping with 'add' "
                + "and/or 'remove' (editing it); write [whispers] for a one-entry list",
            "book.yaml:12:19: error: 'did he' in 'questions.auxiliaries' is 2 words; 'questions.auxiliaries' takes single words",
            "book.yaml:13:13: error: 'anger' in 'questions.codes' is not a top-level code of this codebook (hostility)",
            "book.yaml:15:20: error: role noun 'chair' is listed under both 'worker' and 'professional'; remove it from one",
            "book.yaml:16:20: error: 'the big man here' in 'role-nouns.client.add' is 4 words; role nouns are one or two words",
            "book.yaml:17:3: error: unknown key 'grammar' in language",
        ])
        #expect(throws: Diagnostic.self) { try Codebook.load(yaml: yaml, source: "book.yaml") }
    }

    /// The grammar lists (adverbs after a modal, clause enders, non-human skip words …) are set
    /// like the others: an added word widens its rule.
    @Test func addedGrammarWordsWidenTheirRules() throws {
        // "totally" between the modal and "have": imagined only when it is a counterfactual adverb.
        let imagined = "SW: She would totally have screamed at me."
        #expect(codes(imagined, coder: try book()) == ["hostility"])
        let adverb = try book(language: "language:\n  counterfactuals:\n    adverbs: {add: [totally]}\n")
        #expect(codes(imagined, coder: adverb).isEmpty)
        // "whereas" ends the imagined clause only as a clause ender.
        let contrast = "SW: I would have gone home whereas she screamed at me."
        #expect(codes(contrast, coder: try book()).isEmpty)
        #expect(codes(contrast, coder: try book(language: "language:\n  clause-enders: {add: [whereas]}\n")) == ["hostility"])
        // "apparently" between a dog and its act.
        let dog = "SW: The dog apparently screams at night."
        #expect(codes(dog, coder: try book()) == ["hostility"])
        let skip = try book(language: "language:\n  non-human:\n    skip-words: {add: [apparently]}\n")
        #expect(codes(dog, coder: skip).isEmpty)
    }

    @Test func grammarListsAreLintedLikeTheOthers() {
        let yaml = "name: t\ncodes:\n  - {id: hostility, name: H, definition: d}\nlanguage:\n"
            + "  actors: {verbs: {add: [sat down]}, names: []}\n"
        #expect(Codebook.lint(yaml: yaml, source: "b.yaml").map(\.description) == [
            "b.yaml:5:26: error: 'sat down' in 'actors.verbs.add' is 2 words; 'actors.verbs.add' takes single words",
            "b.yaml:5:38: error: unknown key 'names' in language.actors",
        ])
    }

    @Test func aPossessiveNounIsWarnedAbout() {
        let yaml = "name: t\ncodes:\n  - {id: hostility, name: H, definition: d}\nlanguage:\n"
            + "  non-human: {actors: {add: [dog's, llama]}}\n"
        #expect(Codebook.lint(yaml: yaml, source: "b.yaml").map(\.description) == [
            "b.yaml:5:30: warning: 'dog's' in 'non-human.actors.add' can never match: a possessive 's is removed "
                + "before look-up; write 'dog'",
        ])
    }
}

/// General fixes made after scoring Tests/Fixtures/probes-trust.tsv (training data from then on);
/// the sentences here are new, none is a probe row.
@Suite("Word senses and non-human subjects")
struct WordSenseTests {
    @Test func anAnimalNamedWithOfHisIsStillNotAParty() {
        #expect(codes("Mum: That parrot of his swears at the postman every morning.").isEmpty)
        #expect(codes("Mum: That brother of his swears at the worker every morning.") == ["hostility"])
    }

    @Test func everydayPlansOrdersAndCourtsAreNotStatutoryPower() {
        #expect(codes("SW: She has a sleep plan we wrote with the health visitor.").isEmpty)
        #expect(codes("SW: Stick to the plan we wrote with the health visitor.") == ["power"])
        #expect(codes("Dad: Our pizza order was late again.").isEmpty)
        #expect(codes("Mum: She wolfed down an order of nuggets.").isEmpty)
        #expect(codes("SW: Your order runs out in March.") == ["power"])
        #expect(codes("Mum: We played on the netball court after school.").isEmpty)
    }

    @Test func aReferralOfTheCaseIsStatutoryPower() {
        #expect(codes("SW: I referred the case to the team manager.") == ["power"])
    }

    @Test func phoneAndGymContractsAndCourtShowsAreNotPowerButRemovalIs() {
        #expect(codes("SW: His gym contract ends in May.").isEmpty)
        #expect(codes("SW: You signed a contract with us about the drinking.") == ["power"])
        #expect(codes("Nan: We love a court show on a Sunday.").isEmpty)
        #expect(codes("Dad: The council wants to take our children.").contains("power"))
    }
}

/// General fixes made after scoring Tests/Fixtures/probes-4.tsv (training data from then on); the
/// sentences here are new, none is a probe row.
@Suite("Probe set 4 fixes")
struct ProbeFourFixTests {
    @Test func nearlyAndWishedActsDidNotHappen() {
        #expect(codes("Dad: I almost slammed the door on her last week.").isEmpty)
        #expect(codes("Mum: I wish I'd hung up on him straight away.").isEmpty)
        // "nearly always" is how often, not a thing that did not happen.
        #expect(codes("Mum: He nearly always shouts at the worker.") == ["hostility"])
    }

    @Test func petsAndToddlersAreNotParties() {
        #expect(codes("The terrier growls and snaps at the student.").isEmpty)
        #expect(codes("The toddler smacks her and laughs.").isEmpty)
        #expect(codes("The father smacks her and laughs.") == ["hostility"])
        #expect(codes("Dad growls and snaps at the student.") == ["hostility"])
    }

    @Test func refusingAccessAndFormsIsRejectionAndResistance() {
        #expect(codes("Mum: I'm not letting anyone in today.") == ["hostility", "power"])
        #expect(codes("Dad: I won't fill in any of your forms.") == ["power"])
    }

    @Test func leavingWithoutAWordIsWithdrawal() {
        #expect(codes("Kyle grabs his coat and leaves without saying anything.") == ["hostility"])
    }

    @Test func warmthCuesWithoutKeywords() {
        #expect(codes("SW: You obviously adore those boys.") == ["acceptance"])
        #expect(codes("SW: Who could blame her, after the year she's had.") == ["acceptance"])
        #expect(codes("SW: If you ever feel worried about money, ring me.").isEmpty)
    }

    @Test func removalAndClosingTheCaseArePowerButWorkContractsAndCourtyardsAreNot() {
        #expect(codes("Mum: They took my daughter away when she was two.").contains("power"))
        #expect(codes("SW: We'll close the case if things stay like this.") == ["power"])
        #expect(codes("Dad: He's got a decent contract with a building firm.").isEmpty)
        #expect(codes("Nan: The kids play football round the court after tea.").isEmpty)
    }

    @Test func schoolWorkAndMusicSensesAreNotSurveillanceOrStatutory() {
        #expect(codes("YP: I've got a science assessment on Friday.").isEmpty)
        #expect(codes("SW: The assessment will take about six weeks.") == ["power"])
        #expect(codes("Dad: He plays his old records on a Sunday.").isEmpty)
        #expect(codes("Mum: My supervision at work went fine.").isEmpty)
        #expect(codes("SW: Contact will be supervision only for now.") == ["power"])
        #expect(codes("Mum: The heart monitor beeps all night on the ward.").isEmpty)
    }

    @Test func callingThePoliceAboutSomeoneElseIsNotAThreat() {
        #expect(codes("Nan: If my neighbour comes round shouting again, I'll ring the police.").isEmpty)
        #expect(codes("Dad: Get off my step or I'll call the police.") == ["hostility"])
    }

    @Test func aNegationInAConditionStaysThere() {
        #expect(codes("SW: If nothing changes by June this will have to go to court.") == ["power"])
    }

    @Test func moreKeywordlessMisses() {
        #expect(codes("SW: In your position I'd be furious too.") == ["empathy"])
        #expect(codes("HV: You must have felt completely alone.") == ["empathy"])
        #expect(codes("Mum: You can go back to your office and tell them that.") == ["hostility"])
        #expect(codes("The worker writes down everything Nan says.") == ["power"])
        #expect(codes("Chair: The twins were referred back to social care in May.") == ["power"])
        #expect(codes("The lurcher growls at the worker from the sofa.").isEmpty)
    }

    // Fixes drawn from Tests/Fixtures/probes-6.tsv (new sentences, none a probe row).
    @Test func nearMissesAndConditionsAreNotActsOrPraise() {
        #expect(codes("Dad: I was close to swearing at the chair in that meeting.").isEmpty)
        #expect(codes("Dad: I swore at the chair in that meeting.") == ["hostility"])
        #expect(!codes("SW: As long as you keep the kitchen clean, I'm happy.").contains("acceptance"))
        #expect(codes("SW: I'll snap a couple of pictures of the kitchen for my notes.") == ["power"])
    }

    @Test func sanctionsThreatenedAndRightsQuestionedButNotTrafficCourts() {
        #expect(codes("Nan: He's up in court over a parking fine next week.").isEmpty)
        #expect(codes("Mum: The council are threatening to stop the visits.").contains("power"))
        #expect(codes("Dad: What gives you the right to talk to my kids without me?").contains("hostility"))
    }

    // Fixes drawn from Tests/Fixtures/probes-7.tsv (new sentences, none a probe row).
    @Test func contemptWithoutSwearWordsAndTheDoorShutAgain() {
        #expect(codes("Nan: You're talking nonsense and you know it.") == ["hostility"])
        #expect(codes("Mum: Since when have you lot cared about my son?") == ["hostility"])
        #expect(codes("Dad opens the door, sees the worker and closes it again.") == ["hostility"])
        #expect(!codes("SW: If you'd like a different social worker, that's your right.").contains("power"))
        #expect(codes("Mum: I've asked for a different social worker twice.") == ["power"])
    }

    // Fixes drawn from Tests/Fixtures/probes-8.tsv (new sentences, none a probe row).
    @Test func swearingBlindChecksOfRoomsAndNotPretending() {
        #expect(codes("Dad: He swore blind he'd never been near the house.").isEmpty)
        #expect(codes("Dad: He swore at the worker on the stairs.") == ["hostility"])
        #expect(codes("SW: I'll need to check the kids' bedrooms before I go.") == ["power"])
        #expect(codes("HV: I won't pretend it's easy, having twins.") == ["empathy"])
    }
}
