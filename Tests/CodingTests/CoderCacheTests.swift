import Testing
@testable import Coding
import Transcripts

/// The matcher's per-word state is kept from one transcript to the next (`CandidateCachePool`), and
/// which words name people depends on each encounter's participants: coding a transcript after
/// another must give what a fresh coder gives.
@Suite("Coder state across transcripts")
struct CoderCacheTests {
    static func transcript(_ participants: String, name: String) -> Transcript {
        PlainTextParser().parse(text: """
            Encounter: E-\(name)
            Participants: \(participants)

            SW: \(name) shouted at me on the doorstep.
            SW: Then \(name) slammed the door in my face.

            """, path: "\(name).txt")
    }

    /// The role each annotation credits with the act, in order.
    static func actors(_ coded: CodedTranscript) -> [Role?] { coded.annotations.flatMap { $0.flatMap { $0 } }.map(\.actorRole) }

    @Test(arguments: ["kim", "zoë"])
    func aNameThatIsAPersonInOneEncounterIsNotInTheNext(name: String) {
        // In the first transcript the lower-case name is a participant (a parent); in the second nobody has it.
        let named = Self.transcript("SW = worker (Jo); Dad = client (\(name))", name: name)
        let unnamed = Self.transcript("SW = worker (Jo); Dad = client (Lee)", name: name)
        let fresh = Coder(codebook: relationship).code(unnamed)
        let shared = Coder(codebook: relationship)
        let first = shared.code(named)
        let second = shared.code(unnamed)
        // The name changes who acts (so the test can see a stale cache) …
        #expect(Self.actors(first).contains(.client), "\(Self.actors(first))")
        #expect(!Self.actors(fresh).isEmpty && !Self.actors(fresh).contains(.client), "\(Self.actors(fresh))")
        // … and the shared coder forgets it in the next encounter, and learns it again after.
        #expect(second.annotations == fresh.annotations)
        #expect(shared.code(named).annotations == Coder(codebook: relationship).code(named).annotations)
    }
}
