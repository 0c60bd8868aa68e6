import Testing
@testable import Coding
import Transcripts

@Suite("Annotations and evidence")
struct CoderTests {
    @Test func annotationCoversTheSentenceWithTheCue() {
        let text = "SW: Hello there. It goes to court on Monday. Tea?"
        let t = PlainTextParser().parse(text: text, path: "t.txt")
        let e = t.encounters[0]
        let a = defaultCoder.code(e.segments[0], in: e)
        #expect(a.count == 1)
        let scalars = Array(t.text.unicodeScalars)
        let passage = String(String.UnicodeScalarView(scalars[a[0].start..<a[0].end]))
        #expect(passage == "It goes to court on Monday.")
        #expect(a[0].code == "power.statutory")
        #expect(a[0].evidence?.matched == "court")
        #expect(a[0].evidence?.rule.hasPrefix("power.statutory#") == true)
        #expect(a[0].coder == "rapport")
    }

    @Test func twoCuesOfOneCodeInOneSentenceGiveOneAnnotation() {
        let a = annotations("SW: The court and the judge will decide.")
        #expect(a.filter { $0.code == "power.statutory" }.count == 1)
    }

    @Test func contextSeparatesObservationEncounterAndInterview() {
        let text = """
            Encounter: V1
            Kind: home visit

            The worker opens the fridge.

            SW: I need to see the bedrooms.

            Encounter: V2
            Kind: car interview

            SW: Families know I can take them to court.
            """
        let t = PlainTextParser().parse(text: text, path: "t.txt")
        let coded = defaultCoder.code(t)
        let contexts = coded.annotations.flatMap { $0.map { Set($0.map(\.context)) } }
        #expect(contexts == [[.observation], [.encounter], [.interview]])
    }

    @Test func weakCuesNeedSupportInTheSameSentence() {
        #expect(codes("The worker writes something.") == [])
        #expect(codes("The worker writes in her notebook.") == ["power"])
    }

    @Test func unlessPhrasesCancel() {
        #expect(codes("Jordan is shouting at his little sister over the remote.") == [])
        #expect(codes("Jordan is shouting at the worker.") == ["hostility"])
    }

    @Test func codingIsDeterministic() throws {
        let text = String(repeating: "SW: You must let me know. Mum: I don't trust you lot.\n\n", count: 50)
        #expect(annotations(text) == annotations(text))
    }
}
