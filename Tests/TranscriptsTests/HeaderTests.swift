import Testing
@testable import Transcripts

@Suite("Encounter headers")
struct HeaderTests {
    @Test func headerBlockSetsMetadata() {
        let t = parsePlain("""
            Case: C2
            Encounter: C2-HV03
            Date: 12 March 2024
            Setting: family home
            Kind: home visit
            Weather: raining

            SW: Hello.
            """)
        #expect(t.encounters.count == 1)
        let e = t.encounters[0]
        #expect(e.id == "C2-HV03")
        #expect(e.caseID == "C2")
        #expect(e.date == "2024-03-12")
        #expect(e.setting == "family home")
        #expect(e.kind == "home visit")
        #expect(e.metadata["weather"] == "raining")
        #expect(e.metadata["date"] == "12 March 2024")
        #expect(e.segments.map(\.speaker) == ["SW"])
    }

    @Test func newEncounterLineStartsNewEncounter() {
        let t = parsePlain("""
            Encounter: A
            Date: 2024-05-01
            Case: C1

            The worker arrives.

            Encounter: B
            Case: C4

            SW: Morning.

            Encounter: C
            Date: 2024-05-02

            Mum: Hi.
            """)
        #expect(t.encounters.map(\.id) == ["A", "B", "C"])
        #expect(t.encounters.map(\.caseID) == ["C1", "C4", nil])
        // A shadowing day: a later encounter without a date keeps the day's date.
        #expect(t.encounters.map(\.date) == ["2024-05-01", "2024-05-01", "2024-05-02"])
        #expect(t.encounters[1].line == 7)
    }

    @Test func fileWithoutHeaderIsOneEncounterNamedAfterFile() {
        let t = parsePlain("SW: Hello.\nMum: Hi.\n", path: "Corpus/x/visit-one.txt")
        #expect(t.encounters.map(\.id) == ["visit-one"])
        #expect(t.encounters[0].segments.count == 2)
    }

    @Test func dialogueAtFileStartIsNotAHeader() {
        // `Date` is a header key, but `SW` is a speaker: this paragraph is talk.
        let t = parsePlain("SW: What date suits?\nDate: Tuesday.\n")
        #expect(t.encounters[0].metadata.isEmpty)
        #expect(t.encounters[0].segments.first?.speaker == "SW")
    }

    @Test func participantsMapLabelsToRolesAndNames() {
        let t = parsePlain("""
            Encounter: E1
            Participants: SW = worker (Olivia); Mum = client (Roberta); HV = health visitor; Z = alien

            SW: Hi.
            Mum: Hi.
            Olivia: It's me again.
            HV: Morning.
            Z: Beep.
            """)
        let e = t.encounters[0]
        #expect(e.participant(forLabel: "SW") == Participant(label: "SW", role: .worker, name: "Olivia"))
        #expect(e.participant(forLabel: "HV")?.role == .professional)
        #expect(e.segments.map(\.role) == [.worker, .client, .worker, .professional, .unknown])
        #expect(t.warnings.contains { $0.message.contains("'Z'") && $0.severity == .warning })
    }

    @Test func defaultRolesForCommonLabels() {
        let t = parsePlain("""
            Interviewer: Tell me.
            FSW: Well.
            Dad: No.
            P3: Yes.
            YP: Whatever.
            Chair: Next item.
            R: Go on.
            """)
        #expect(t.encounters[0].segments.map(\.role) == [.researcher, .worker, .client, .client, .child, .professional, .researcher])
        #expect(t.warnings.isEmpty)
    }

    @Test func unknownLabelsGetUnknownRoleAndOneWarning() {
        let t = parsePlain("Kelly: Who are you?\nSW: From the council.\nKelly: Right.\nDr Khan: Hello.\n")
        let e = t.encounters[0]
        #expect(e.segments.map(\.speaker) == ["Kelly", "SW", "Kelly", "Dr Khan"])
        #expect(e.segments.map(\.role) == [.unknown, .worker, .unknown, .unknown])
        let warnings = t.warnings.filter { $0.message.contains("no known role") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("Kelly, Dr Khan") == true)
    }

    @Test func datesInCommonFormats() {
        #expect(DateText.iso("2024-03-05") == "2024-03-05")
        #expect(DateText.iso("05/03/2024") == "2024-03-05")
        #expect(DateText.iso("5 Mar 2024") == "2024-03-05")
        #expect(DateText.iso("March 5, 2024") == "2024-03-05")
        #expect(DateText.iso("Tuesday 5 March 2024") == "2024-03-05")
        #expect(DateText.iso("sometime in spring") == nil)
        #expect(DateText.iso("2024-13-01") == nil)
    }
}
