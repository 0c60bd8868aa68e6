import Foundation
import Testing
@testable import Transcripts

@Suite("Hostile and broken archives")
struct HostileArchiveTests {
    /// The diagnostic `body` throws, as printed.
    func failure(_ body: () throws -> Transcript) -> String? {
        do {
            _ = try body()
            return nil
        } catch let diagnostic as Diagnostic {
            return diagnostic.description
        } catch {
            return "\(error)"
        }
    }

    func docx(_ bytes: [UInt8]) -> String? {
        failure { try WordDocumentParser().parse(bytes: bytes, path: "in/visit.docx") }
    }

    static let document = """
        <w:document xmlns:w="\(FormatFixtures.w)"><w:body><w:p><w:r><w:t>SW: Hi.</w:t></w:r></w:p></w:body></w:document>
        """

    @Test func declaredZipBombIsRefusedBeforeInflating() throws {
        var zip = RawZip()
        try zip.deflated("word/document.xml", [UInt8](repeating: 32, count: 1 << 20))
        zip.entries[0].uncompressedSize = 0xFFFF_FFF0
        #expect(docx(zip.bytes) == "in/visit.docx: error: 'word/document.xml' declares 4294967280 bytes uncompressed, over the 64 MB limit; refusing a possible zip bomb")
    }

    @Test func honestEntryOverTheLimitIsRefused() throws {
        let bytes = try FormatFixtures.docx(body: "<w:p><w:r><w:t>" + String(repeating: "a ", count: (64 << 19) + 10) + "</w:t></w:r></w:p>")
        #expect(docx(bytes)?.contains("over the 64 MB limit; refusing a possible zip bomb") == true)
    }

    @Test func inflatingPastTheDeclaredSizeStops() throws {
        var zip = RawZip()
        try zip.deflated("word/document.xml", [UInt8](repeating: 32, count: 1 << 20))
        zip.entries[0].uncompressedSize = 1000
        #expect(docx(zip.bytes) == "in/visit.docx: error: 'word/document.xml' inflates past 1000 bytes (its declared size or the limit); refusing a corrupt entry or a zip bomb")
        let archive = try ZipArchive(bytes: zip.bytes)
        #expect(throws: ZipError.inflatesTooFar(entry: "word/document.xml", limit: 1000)) {
            try archive.contents(of: archive.entries[0])
        }
        // Far more compressed data than the declared size could need is refused before inflating.
        var padded = RawZip()
        try padded.deflated("word/document.xml", [UInt8](repeating: 32, count: 8 << 20))
        padded.entries[0].uncompressedSize = 1000
        #expect(docx(padded.bytes)?.hasSuffix("compressed bytes for 1000 uncompressed") == true)
    }

    @Test func limitCanBeLowered() throws {
        var zip = RawZip()
        try zip.deflated("big.xml", [UInt8](repeating: 65, count: 300_000))
        let archive = try ZipArchive(bytes: zip.bytes)
        #expect(throws: ZipError.declaredTooLarge(entry: "big.xml", size: 300_000, limit: 100_000)) {
            try archive.contents(of: archive.entries[0], limit: 100_000)
        }
        #expect(try archive.contents(of: archive.entries[0]).count == 300_000)
    }

    @Test func truncatedDeflateStreamEndsInsteadOfLooping() throws {
        var zip = RawZip()
        try zip.deflated("word/document.xml", Array(String(repeating: "SW: hello there. ", count: 2000).utf8))
        let cut = zip.entries[0].data.count / 2
        zip.entries[0].data = Array(zip.entries[0].data.prefix(cut))
        let message = docx(zip.bytes)
        #expect(message?.hasPrefix("in/visit.docx: error: corrupt or truncated ZIP archive: the compressed data of 'word/document.xml'") == true, "\(message ?? "")")
    }

    /// The reader works in memory and never writes (nothing to extract); what a `../` name could
    /// still do is pass for another entry. Names are matched exactly, never resolved: an entry that
    /// resolves to `word/document.xml`, placed first, is not read as the document.
    @Test func dotDotNamesAreNotResolvedToOtherEntries() throws {
        let impostor = """
            <w:document xmlns:w="\(FormatFixtures.w)"><w:body><w:p><w:r><w:t>SW: Impostor.</w:t></w:r></w:p></w:body></w:document>
            """
        var zip = RawZip()
        zip.stored("../../../../tmp/rapport-evil.txt", "owned")
        zip.stored("x/../word/document.xml", impostor)
        zip.stored("./word/document.xml", impostor)
        zip.stored("word/document.xml", Self.document)
        let t = try WordDocumentParser().parse(bytes: zip.bytes, path: "in/visit.docx")
        #expect(t.encounters[0].segments.map(\.text) == ["Hi."])
        let archive = try ZipArchive(bytes: zip.bytes)
        #expect(archive.entries.map(\.name) == ["../../../../tmp/rapport-evil.txt", "x/../word/document.xml", "./word/document.xml", "word/document.xml"])
        #expect(archive.entry(named: "tmp/rapport-evil.txt") == nil)
        let document = try #require(archive.entry(named: "word/document.xml"))
        #expect(String(decoding: try archive.contents(of: document), as: UTF8.self) == Self.document)
    }

    @Test func docxWithoutDocumentXML() throws {
        var zip = RawZip()
        zip.stored("word/Document.xml", Self.document)
        #expect(docx(zip.bytes) == "in/visit.docx: error: not a Word document: the archive has no word/document.xml")
    }

    @Test func encryptedEntriesAndPasswordProtectedWord() throws {
        var zip = RawZip()
        zip.stored("word/document.xml", Self.document)
        zip.entries[0].flags = 1
        #expect(docx(zip.bytes) == "in/visit.docx: error: 'word/document.xml' is encrypted; save the document without a password")
        zip.entries[0].flags = 0
        zip.entries[0].method = 99
        #expect(docx(zip.bytes) == "in/visit.docx: error: 'word/document.xml' is encrypted; save the document without a password")
        let compound: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        #expect(docx(compound)?.contains("password-protected (encrypted) Office document") == true)
    }

    @Test func unsupportedMethodAndBadChecksum() throws {
        var zip = RawZip()
        zip.stored("word/document.xml", Self.document)
        zip.entries[0].method = 12
        #expect(docx(zip.bytes) == "in/visit.docx: error: 'word/document.xml' uses ZIP compression method 12; only stored (0) and deflate (8) can be read")
        zip.entries[0].method = 0
        zip.entries[0].crc32 ^= 1
        #expect(docx(zip.bytes) == "in/visit.docx: error: corrupt or truncated ZIP archive: 'word/document.xml' fails its CRC-32 check")
    }

    @Test func randomAndTruncatedBytes() throws {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(docx(random) != nil)
        #expect(docx([]) == "in/visit.docx: error: not a ZIP archive (no end-of-archive record): a .docx or .odt file is a ZIP archive")
        let good = try FormatFixtures.docx(body: FormatFixtures.wordParagraphs(["SW: Hello."]))
        #expect(docx(Array(good.prefix(good.count - 30))) == "in/visit.docx: error: corrupt or truncated ZIP archive: the end of the archive is missing")
        // Every prefix and every single-byte corruption fails cleanly or parses: never a crash or a hang.
        for length in stride(from: 0, to: good.count, by: 7) { _ = docx(Array(good.prefix(length))) }
        for position in stride(from: 0, to: good.count, by: 3) {
            var bad = good
            bad[position] ^= 0xFF
            _ = docx(bad)
        }
    }

    @Test func directoryPointingOutsideTheFile() throws {
        var zip = RawZip()
        zip.stored("word/document.xml", Self.document)
        var bytes = zip.bytes
        let end = bytes.count - 22
        bytes[end + 16] = 0xFF; bytes[end + 17] = 0xFF; bytes[end + 18] = 0xFF; bytes[end + 19] = 0x7F
        #expect(docx(bytes) == "in/visit.docx: error: corrupt or truncated ZIP archive: the central directory lies outside the file")
        var lying = RawZip()
        lying.stored("word/document.xml", Self.document)
        lying.entries[0].compressedSize = 0x7FFF_FFFF
        #expect(docx(lying.bytes) == "in/visit.docx: error: corrupt or truncated ZIP archive: the data of 'word/document.xml' runs past the end of the file")
    }

    @Test func odtGetsTheSameProtection() throws {
        var zip = RawZip()
        try zip.deflated("content.xml", [UInt8](repeating: 32, count: 1 << 20))
        zip.entries[0].uncompressedSize = 0xFFFF_FFF0
        let message = failure { try OpenDocumentParser().parse(bytes: zip.bytes, path: "v.odt") }
        #expect(message?.hasPrefix("v.odt: error: 'content.xml' declares") == true)
        #expect(failure { try OpenDocumentParser().parse(bytes: Array("hello".utf8), path: "v.odt") }
            == "v.odt: error: not a ZIP archive (no end-of-archive record): a .docx or .odt file is a ZIP archive")
    }
}
