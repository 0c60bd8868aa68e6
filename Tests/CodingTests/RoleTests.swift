import Testing
@testable import Coding

@Suite("Speaker and actor roles")
struct RoleTests {
    @Test func empathyAndAcceptanceComeFromWorkers() {
        #expect(codes("SW: That must have been terrifying.") == ["empathy"])
        #expect(codes("Mum: That must have been terrifying for you.") == [])
        #expect(codes("SW: It's your decision.") == ["acceptance"])
        #expect(codes("Dad: It's your decision when we meet.") == [])
    }

    @Test func hostilityComesFromEitherSideButNotTheResearcher() {
        #expect(codes("Mum: You lot are all the same.") == ["hostility"])
        #expect(codes("SW: Oh, come on, Lisa, we've been over this.") == ["hostility"])
        #expect(codes("Interviewer: Was he hostile with you?") == [])
    }

    @Test func observationActorIsTheOneActing() {
        #expect(codes("The worker crouches down and asks softly how she is coping.") == ["empathy"])
        #expect(codes("Gran walks the student social worker to her car and tells her she is doing a fine job.") == [])
        #expect(codes("Mum says the health visitor told her she was doing a brilliant job.") == ["acceptance"])
    }

    @Test func quotedSpeechBelongsToTheSpeakerNotToI() {
        #expect(codes("The worker says to Reece, 'I can hear how lonely it has been.'") == ["empathy"])
    }

    @Test func participantNamesResolveRoles() {
        let text = """
            Encounter: E1
            Participants: SW = worker (Olivia); Mum = client (Roberta)

            Roberta tells Olivia that she is a wonderful mum to have around.

            Olivia tells Roberta she is a wonderful mum.
            """
        let a = annotations(text)
        #expect(a.map(\.segment) == [1])
        #expect(a.first?.evidence?.actor.contains("worker") == true)
    }

    @Test func codebookRolesOnACue() throws {
        let book = try codebook("""
            name: t
            codes:
              - id: praise
                name: Praise
                definition: d
                cues:
                  - phrase: well done
                    roles: [client]
            """)
        let coder = Coder(codebook: book)
        #expect(codes("Mum: Well done.", coder: coder) == ["praise"])
        #expect(codes("SW: Well done.", coder: coder) == [])
    }
}
