import Testing
@testable import Coding
@testable import Reports
import Transcripts

// Sentences written for this test (not from the gold sets).
@Suite("Reports by actor and context")
struct ActorAndContextTests {
    static let text = """
        Encounter: E1
        Kind: home visit
        Participants: SW = worker; Dad = client; Int = researcher

        SW: Dad slammed the door on me and stormed off.

        Int: How did that visit feel?

        SW: Honestly it was horrible, he swore at me the whole time.

        The worker opens the fridge and checks the cupboards.
        """

    static func report(contexts: Set<Annotation.Context>? = nil) -> FrequencyReport {
        let t = PlainTextParser().parse(text: text, path: "t.txt")
        let coder = Coder(codebook: Codebook.relationship())
        var report = FrequencyReport(codebook: coder.codebook, subcodes: false, contexts: contexts)
        report.add(coder.code(t))
        return report
    }

    @Test func aWorkersAccountOfTheFathersAngerCountsUnderTheFatherByActor() throws {
        let t = PlainTextParser().parse(text: Self.text, path: "t.txt")
        let coded = Coder(codebook: Codebook.relationship()).code(t)
        let first = coded.annotations[0][0].filter { $0.topLevelCode == "hostility" }
        #expect(!first.isEmpty)
        #expect(first.allSatisfy { $0.actorRole == .client })
        let report = Self.report()
        let byActor = report.rows(by: .actor)
        let byRole = report.rows(by: .role)
        #expect(byActor.first { $0.role == "client" }?.tally.passages("hostility") == 1)
        #expect(byRole.first { $0.role == "worker" }?.tally.passages("hostility") ?? 0 >= 1)
        #expect(byActor.allSatisfy { $0.roleOf == "actor" } && byRole.allSatisfy { $0.roleOf == "speaker" })
    }

    @Test func contextFilterCountsOnlyThoseSegments() {
        let all = Self.report().total
        let observation = Self.report(contexts: [.observation]).total
        #expect(all.segments == 4)
        #expect(observation.segments == 1)
        #expect(observation.passages("power") == 1)
        #expect(observation.passages("hostility") == 0)
        let split = Self.report().encounters[0].byContext
        #expect(split["observation"]?.segments == 1)
        #expect(split["interview"]?.segments == 1)
        #expect(split["encounter"]?.segments == 2)
    }
}
