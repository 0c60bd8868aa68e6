import Foundation
import Testing
@testable import Coding
import Transcripts

@Suite("Loading codebooks")
struct CodebookLoadingTests {
    func firstError(_ yaml: String) -> String? {
        Codebook.lint(yaml: yaml, source: "book.yaml").first { $0.severity == .error }?.description
    }

    @Test func defaultCodebookHasTheFourCodesAndTheirSubCodes() {
        #expect(relationship.topLevelIDs == ["hostility", "empathy", "acceptance", "power"])
        let ids = Set(relationship.allCodes.map(\.id))
        for id in ["hostility.verbal-aggression", "hostility.threat", "hostility.rejection", "hostility.mistrust",
                   "hostility.withdrawal", "empathy.reflecting-feelings", "acceptance.self-determination",
                   "power.statutory", "power.surveillance", "power.control-of-encounter",
                   "power.compliance-demands", "power.resistance"] {
            #expect(ids.contains(id), "missing \(id)")
        }
        for code in relationship.allCodes {
            #expect(code.definition?.isEmpty == false, "\(code.id) has no definition")
        }
        #expect(relationship.codes.allSatisfy { $0.colour != nil })
    }

    /// `Codebooks/relationship.yaml`, the file users read and edit, must stay the file compiled into
    /// the binary: a link to the resource, not a copy that could drift from it.
    @Test func shippedCodebookLinksToTheEmbeddedResource() throws {
        let shipped = repositoryRoot.appendingPathComponent("Codebooks/relationship.yaml").path
        let destination = try FileManager.default.destinationOfSymbolicLink(atPath: shipped)
        #expect(destination == "../Sources/Coding/Resources/relationship.yaml")
        let resource = try String(contentsOf: repositoryRoot.appendingPathComponent("Sources/Coding/Resources/relationship.yaml"), encoding: .utf8)
        let lint = Codebook.lint(yaml: resource, source: "relationship.yaml")
        #expect(lint.isEmpty, "\(lint)")
    }

    @Test func unknownKeyIsReportedWithLineAndColumn() {
        let yaml = """
            name: t
            codes:
              - id: a
                name: A
                definition: d
                cue: [x]
            """
        #expect(firstError(yaml) == "book.yaml:6:5: error: unknown key 'cue' in code; did you mean 'cues'?")
    }

    @Test func duplicateIdsAndBadSubCodeIds() {
        let yaml = """
            name: t
            codes:
              - id: a
                name: A
                definition: d
                codes:
                  - id: b.x
                    name: X
                    definition: d
              - id: a
                name: Again
                definition: d
            """
        let errors = Codebook.lint(yaml: yaml, source: "book.yaml").filter { $0.severity == .error }.map(\.description)
        #expect(errors == [
            "book.yaml:7:13: error: sub-code id 'b.x' must start with its parent's id 'a.'",
            "book.yaml:10:9: error: duplicate code id 'a' (first defined on line 3)",
        ])
    }

    @Test func cuesThatCanNeverMatch() {
        let yaml = """
            name: t
            codes:
              - id: a
                name: A
                definition: d
                cues:
                  - ""
                  - (perhaps)?
                  - phrase: ok
                    negation: sometimes
            """
        let errors = Codebook.lint(yaml: yaml, source: "book.yaml").filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 3)
        #expect(errors[0].hasPrefix("book.yaml:7:9: error: cue is an empty string"))
        #expect(errors[1].hasPrefix("book.yaml:8:9: error: cue can never match"))
        #expect(errors[2].hasPrefix("book.yaml:10:19: error: negation must be one of"))
    }

    @Test func yamlSyntaxErrorsAndMissingDefinitions() {
        #expect(firstError("name: t\ncodes:\n  - id: [a\n") != nil)
        #expect(firstError("name: t\ncodes:\n  - id: [a\n")?.hasPrefix("book.yaml:") == true)
        let warnings = Codebook.lint(yaml: "name: t\ncodes:\n  - id: a\n    name: A\n", source: "b.yaml")
        #expect(warnings.map(\.description) == ["b.yaml:3:5: warning: code 'a' has no definition"])
    }

    @Test func badColourAndUnknownRole() {
        let yaml = """
            name: t
            codes:
              - id: a
                name: A
                definition: d
                colour: red
                roles: [boss]
            """
        let errors = Codebook.lint(yaml: yaml, source: "book.yaml").map(\.message)
        #expect(errors.contains("colour 'red' is not of the form #RRGGBB"))
        #expect(errors.contains { $0.hasPrefix("unknown role 'boss'") })
    }

    @Test func loadingThrowsTheFirstError() {
        #expect(throws: Diagnostic.self) { try Codebook.load(yaml: "codes: 3", source: "x.yaml") }
    }
}
