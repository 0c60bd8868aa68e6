import Coding
import Foundation
@testable import Learning
import Testing
import Transcripts

@Suite struct ModelFileTests {
    let model = LearnedModel.train(zorblaxCoding, codebook: relationship)

    @Test func aWrittenModelReadsBackTheSame() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-\(UUID().uuidString).model").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try model.write(to: path)
        var read = try LearnedModel(contentsOf: path)
        #expect(read.path == path)
        read.path = ""
        #expect(read == model)
        #expect(read.fileText == model.fileText)
    }

    func error(reading text: String) -> String {
        do {
            _ = try LearnedModel(fileBytes: Array(text.utf8), path: "m.model")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func aBrokenModelFileIsAnErrorNamingTheFileAndLine() {
        let good = model.fileText
        #expect(error(reading: "hello\n").hasPrefix("m.model:1:1: error: broken model file: expected 2 tab-separated fields, found 1"))
        #expect(error(reading: "rapport-model\t7\n").hasPrefix("m.model:1:15: error: broken model file: model format version 7 is not supported (this build reads versions 1 and 2)"))
        #expect(error(reading: String(good.prefix(200))).contains("m.model:"))
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var damaged = lines
        damaged[4] = damaged[4].replacingOccurrences(of: "\ttrained\t", with: "\ttrained\tx")
        #expect(error(reading: damaged.joined(separator: "\n")).hasPrefix("m.model:5:"))
        var badWeight = lines
        let featureLine = try! #require(lines.firstIndex { $0.hasPrefix("features\t") }) + 1
        badWeight[featureLine] = badWeight[featureLine].prefix(16) + "\tNaN" + String(repeating: "\t0", count: model.columns - 1)
        #expect(error(reading: badWeight.joined(separator: "\n")).hasPrefix("m.model:\(featureLine + 1):18: error: broken model file: expected a number, found 'NaN'"))
        #expect(error(reading: good + "extra\n").contains("unexpected content after the last passage"))
    }

    @Test func aBrokenFeatureLineNamesItsLineAndColumn() throws {
        let lines = model.fileText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = try #require(lines.firstIndex { $0.hasPrefix("features\t") }) + 1
        func damaged(_ change: (String) -> String) -> String {
            var copy = lines
            copy[first] = change(copy[first])
            return error(reading: copy.joined(separator: "\n"))
        }
        let line = "m.model:\(first + 1):"
        #expect(damaged { "g" + $0.dropFirst() } == line + "1: error: broken model file: malformed feature key 'g\(lines[first].prefix(16).dropFirst())'")
        #expect(damaged { $0 + "\t0" } == line + "1: error: broken model file: expected \(model.columns + 1) tab-separated fields, found \(model.columns + 2)")
        #expect(damaged { $0.prefix(17) + "\t" + $0.dropFirst(17) }.hasPrefix(line + "1: error: broken model file: expected \(model.columns + 1) tab-separated fields"))
        #expect(damaged { $0.prefix(17) + "1.5x" + $0.dropFirst(17).drop { $0 != "\t" } }
            == line + "18: error: broken model file: expected a number, found '1.5x'")
        // A Windows line ending is not a line break of the file (as Swift strings read it): the
        // first line then holds the whole file.
        #expect(error(reading: model.fileText.replacingOccurrences(of: "\n", with: "\r\n")).hasPrefix("m.model:1:1: error: broken model file: expected 2 tab-separated fields"))
    }

    @Test func aModelForOtherCodesIsRefused() throws {
        let other = try Codebook.load(yaml: "name: x\ncodes:\n  - id: warmth\n    name: Warmth\n", source: "x.yaml")
        #expect(model.mismatch(withCodes: other.topLevelIDs) == "model was trained for the codes hostility, empathy, acceptance, power but the codebook has warmth")
        #expect(model.mismatch(withCodes: relationship.topLevelIDs) == nil)
    }

    @Test func theShippedDefaultModelReadsAndFitsTheShippedCodebook() throws {
        let path = repositoryRoot.appendingPathComponent("Sources/Learning/Resources/relationship.model").path
        let shipped = try LearnedModel(contentsOf: path)
        #expect(shipped.mismatch(withCodes: relationship.topLevelIDs) == nil)
        #expect(shipped.codeModels.allSatisfy { $0.trained })
        #expect(shipped.passages.count > 1000)
    }
}
