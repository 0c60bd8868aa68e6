import Testing
@testable import Coding
@testable import Reports
import Transcripts

@Suite("Code frequencies")
struct FrequencyReportTests {
    static let text = """
        Encounter: E1
        Case: C1
        Date: 2024-03-05
        Setting: family home
        Participants: SW = worker; Mum = client

        The worker opens the fridge and checks the cupboards.

        SW: We will go to court, and the judge will decide.

        Mum: You lot are all the same. I don't trust you.

        Mum: Fine.

        Encounter: E2
        Case: C1
        Date: 2024-04-09

        SW: That must have been terrifying.

        Encounter: E3
        Case: C2
        Date: 2024-04-20

        Dad: Get out of my house.
        """

    static func report(subcodes: Bool = false) -> FrequencyReport {
        let t = PlainTextParser().parse(text: text, path: "t.txt")
        let coder = Coder(codebook: Codebook.relationship())
        return FrequencyReport(coded: [coder.code(t)], codebook: coder.codebook, subcodes: subcodes)
    }

    @Test func passagesCountSegmentsNotCues() {
        let e1 = Self.report().encounters[0]
        // Two power cues in the SW turn and two in the observation: two passages.
        #expect(e1.total.passages("power") == 2)
        #expect(e1.total.passages("hostility") == 1)
        #expect(e1.total.segments == 4)
        #expect(e1.total.words == 9 + 10 + 10 + 1)
        #expect(e1.total.rate("hostility")! == 1000.0 / 30.0)
    }

    @Test func coverageIsTheUnionOfAnnotatedCodePoints() {
        let e1 = Self.report().encounters[0]
        let t = PlainTextParser().parse(text: Self.text, path: "t.txt")
        let segs = t.encounters[0].segments
        let total = segs.reduce(0) { $0 + $1.end - $1.start }
        #expect(e1.total.codePoints == total)
        // "You lot are all the same. I don't trust you." — both sentences coded hostility: the whole
        // turn but the space between the sentences.
        #expect(e1.total.covered["hostility"] == segs[2].end - segs[2].start - 1)
        #expect(e1.total.coverage("hostility")! == Double(segs[2].end - segs[2].start - 1) / Double(total))
    }

    @Test func roleSplitSumsToTheTotal() {
        let e1 = Self.report().encounters[0]
        #expect(Set(e1.byRole.keys) == ["observation", "worker", "client"])
        var sum = Tally()
        for t in e1.byRole.values { sum.merge(t) }
        sum.encounters = 1
        #expect(sum == e1.total)
        #expect(e1.byRole["client"]?.passages("hostility") == 1)
        #expect(e1.byRole["observation"]?.passages("power") == 1)
    }

    @Test func groupsAreSumsOfEncounters() {
        let r = Self.report()
        let byCase = r.rows(by: .case)
        #expect(byCase.map(\.caseID) == ["C1", "C2"])
        #expect(byCase[0].tally.encounters == 2)
        #expect(byCase[0].tally.words == r.encounters[0].total.words + r.encounters[1].total.words)
        let byMonth = r.rows(by: .month)
        #expect(byMonth.map(\.date) == ["2024-03", "2024-04"])
        #expect(byMonth[1].tally.encounters == 2)
        var total = Tally()
        for row in byCase { total.merge(row.tally) }
        #expect(total == r.total)
    }

    @Test func subCodesAreReportedWhenAsked() {
        let r = Self.report(subcodes: true)
        #expect(r.codes.contains("power.surveillance"))
        #expect(r.encounters[0].total.passages("power.surveillance") == 1)
        #expect(r.encounters[0].total.passages("power.statutory") == 1)
    }

    @Test func codebookStatisticsAndCooccurrence() {
        let s = Self.report().statistics
        let power = s.codes.first { $0.code == "power" }!
        #expect(power.passages == 2 && power.encounters == 1 && power.cases == 1)
        let hostility = s.codes.first { $0.code == "hostility" }!
        #expect(hostility.encounters == 2 && hostility.cases == 2)
        let h = s.topLevel.firstIndex(of: "hostility")!, p = s.topLevel.firstIndex(of: "power")!
        #expect(s.cooccurrence[h][p] == 0)
        #expect(s.cooccurrence[h][h] == 2)
        #expect(s.jaccard(h, p) == 0)
        #expect(s.timelines["C1"]?.map(\.encounter) == ["E1", "E2"])
        #expect(s.timelines["C1"]?[1].passages["empathy"] == 1)
    }

    @Test func tableFitsOneHundredColumnsAndHasTotals() {
        let text = FrequencyTable.text(Self.report(), by: .encounter)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 100 })
        #expect(text.contains("total"))
        #expect(text.contains("E3"))
    }

    @Test func tallyRatesAreUndefinedWithoutWords() {
        let t = Tally()
        #expect(t.rate("power") == nil)
        #expect(t.coverage("power") == nil)
    }
}
