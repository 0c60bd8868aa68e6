import Testing
@testable import Transcripts

@Suite("Decoding input bytes")
struct DecodingTests {
    func parse(_ bytes: [UInt8]) throws -> Transcript {
        try PlainTextParser().parse(bytes: bytes, path: "in.txt")
    }

    @Test func utf8BOMAndCRLFAreRemoved() throws {
        let t = try parse([0xEF, 0xBB, 0xBF] + Array("SW: Hi.\r\nMum: Hello.\r\n".utf8))
        #expect(t.text == "SW: Hi.\nMum: Hello.\n")
        #expect(t.encounters[0].segments.map(\.text) == ["Hi.", "Hello."])
    }

    @Test func crOnlyLineEnds() throws {
        let t = try parse(Array("SW: Hi.\rMum: Hello.\r".utf8))
        #expect(t.encounters[0].segments.map(\.speaker) == ["SW", "Mum"])
    }

    @Test(arguments: [false, true]) func utf16WithBOM(bigEndian: Bool) throws {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in "SW: Zoë 👋\r\n".utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        let t = try parse(bytes)
        #expect(t.text == "SW: Zoë 👋\n")
        #expect(t.encounters[0].segments[0].text == "Zoë 👋")
    }

    @Test func invalidUTF8FallsBackToWindows1252WithWarning() throws {
        // “quoted” in Windows-1252 smart quotes: 0x93 … 0x94.
        let t = try parse(Array("Mum: ".utf8) + [0x93] + Array("no".utf8) + [0x94] + Array(" caf".utf8) + [0xE9])
        #expect(t.encounters[0].segments[0].text == "“no” café")
        #expect(t.warnings.contains { $0.message.contains("Windows-1252") && $0.line == 1 && $0.column == 6 })
    }

    @Test func nulBytesAreABinaryFileError() {
        #expect(throws: Diagnostic.self) { try parse(Array("SW: hi\nx".utf8) + [0, 1, 2]) }
        do throws(Diagnostic) {
            _ = try PlainTextParser().parse(bytes: Array("SW: hi\nxy".utf8) + [0], path: "in.txt")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2 && error.column == 3)
            #expect(error.description.hasPrefix("in.txt:2:3: error: binary file"))
        }
    }

    @Test func decomposedTextIsComposedToNFC() throws {
        let t = try parse(Array("Mum: Zoe\u{0308}".utf8))
        #expect(t.text.unicodeScalars.count == 8)
        #expect(t.encounters[0].segments[0].end == 8)
    }

    @Test func veryLongLineParsesInLinearTime() throws {
        let word = "blah "
        let line = "SW: " + String(repeating: word, count: 2_000_000)
        let t = try parse(Array(line.utf8))
        #expect(t.encounters[0].segments[0].words == 2_000_000)
    }

    @Test func emptyFileHasNoEncounters() throws {
        let t = try parse([])
        #expect(t.encounters.isEmpty)
    }
}
