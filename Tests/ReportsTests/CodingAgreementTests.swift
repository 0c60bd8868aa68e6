import Testing
@testable import Reports
import Transcripts

@Suite("Agreement between codings")
struct CodingAgreementTests {
    static let jsonl = """
        {"path":"a.txt","encounter":"E1","segment":0,"codes":["power"],"annotations":[{"code":"power.statutory","coder":"rapport"}]}
        {"path":"a.txt","encounter":"E1","segment":1,"codes":[],"annotations":[]}
        {"path":"a.txt","encounter":"E1","segment":2,"codes":["hostility"],"annotations":[{"code":"hostility","coder":"rapport"}]}
        {"path":"a.txt","encounter":"E1","segment":3,"codes":["empathy"],"annotations":[{"code":"empathy","coder":"rapport"}]}
        """
    static let csv = """
        path,encounter,segment,code,coder
        a.txt,E1,0,power.statutory,Ann
        a.txt,E1,2,hostility,Ann
        a.txt,E1,3,acceptance,Ann
        a.txt,E1,0,power,Ben
        a.txt,E1,2,hostility,Ben
        """

    @Test func readsJSONLAndCSVCodings() throws {
        let auto = try Codings.jsonl(Self.jsonl, source: "auto.jsonl")
        #expect(auto.map(\.coder) == ["rapport"])
        #expect(auto[0].units.count == 4)
        let human = try Codings.csv(Self.csv, source: "human.csv")
        #expect(human.map(\.coder) == ["Ann", "Ben"])
        #expect(human[0].units[Codings.Unit(path: "a.txt", encounter: "E1", segment: 0)] == ["power"])
    }

    @Test func perCodeFiguresAgainstHandComputedValues() throws {
        let auto = try Codings.jsonl(Self.jsonl, source: "auto.jsonl")
        let ann = try Codings.csv(Self.csv, source: "human.csv").filter { $0.coder == "Ann" }
        let agreement = CodingAgreement(auto + ann, codes: ["hostility", "empathy", "acceptance", "power"], bootstrapSamples: 200)
        let power = agreement.figures.first { $0.code == "power" }!
        #expect(power.units == 4)
        #expect(power.percentAgreement == 1)
        #expect(power.disagreements.isEmpty)
        let empathy = agreement.figures.first { $0.code == "empathy" }!
        // rapport: 0,0,0,1; Ann: 0,0,0,0 → one disagreement; Ann never uses the code.
        #expect(empathy.disagreements.map(\.unit.segment) == [3])
        #expect(empathy.cohen.first?.kappa == 0)
        let overall = agreement.figures.last!
        #expect(overall.code == "overall")
        #expect(overall.percentAgreement == 0.75)
    }

    @Test func aCodeNobodyUsesHasUndefinedAlpha() throws {
        let auto = try Codings.jsonl(Self.jsonl, source: "auto.jsonl")
        let agreement = CodingAgreement(auto + auto.map { var c = $0; c.coder = "copy"; return c }, codes: ["acceptance"], bootstrapSamples: 50)
        #expect(agreement.figures[0].alpha == nil)
        #expect(agreement.figures[0].verdict == .undefined)
        let text = AgreementTable.text(agreement, disagreements: false)
        #expect(text.contains("undefined"))
        #expect(!text.contains("nan"))
    }

    @Test func malformedInputsAreLocated() {
        #expect(throws: Diagnostic.self) { try Codings.jsonl("{\"path\": 1}\n", source: "x.jsonl") }
        do throws(Diagnostic) {
            _ = try Codings.csv("path,encounter,segment,code,coder\na.txt,E1,zero,power,Ann\n", source: "h.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "h.csv:2:10: error: segment 'zero' is not a whole number")
        }
    }
}
