import Testing
@testable import Coding
import Transcripts

/// The coder says which cues it matched and cancelled, and why, so a learned model can respect it.
@Suite struct CancelledCueTests {
    func cancelled(_ text: String) -> [CancelledCue] {
        let t = PlainTextParser().parse(text: text, path: "t.txt")
        return t.encounters.flatMap { e in e.segments.flatMap { defaultCoder.coding($0, in: e).cancelled } }
    }

    @Test func aNegatedCueIsReportedAsCancelledByNegation() {
        #expect(cancelled("Mum: I'm not angry with you.") == [CancelledCue(code: "hostility", reason: .negation)])
        #expect(codes("Mum: I'm not angry with you.").isEmpty)
    }

    @Test func aCodedCueIsNotReportedAsCancelled() {
        #expect(cancelled("Mum: I'm angry with you.").isEmpty)
        #expect(codes("Mum: I'm angry with you.") == ["hostility"])
    }

    @Test func questionsCounterfactualsAnimalsAndRolesAreReasonsToo() {
        #expect(cancelled("SW: Did the neighbour shout at you again?") == [CancelledCue(code: "hostility", reason: .question)])
        #expect(cancelled("Mum: Honestly he could have sworn at the worker.") == [CancelledCue(code: "hostility", reason: .counterfactual)])
        #expect(cancelled("Next door's dog barks at the bins all night.").contains(CancelledCue(code: "hostility", reason: .nonHuman)))
        // Empathy is a practitioner's: the same words from a mother are cancelled for her role.
        let role = cancelled("Mum: I can hear how hard this is for you.")
        #expect(role.contains(CancelledCue(code: "empathy", reason: .role, role: .client)))
        #expect(codes("SW: I can hear how hard this is for you.") == ["empathy"])
    }

    @Test func aTranscriptCarriesItsCancelledCuesPerSegment() {
        let t = PlainTextParser().parse(text: "SW: Hello.\nMum: I'm not angry with you.\n", path: "t.txt")
        let coded = defaultCoder.code(t)
        #expect(coded.cancelled[0][0].isEmpty)
        #expect(coded.cancelled[0][1] == [CancelledCue(code: "hostility", reason: .negation)])
    }
}
