import Foundation
import ZIPFoundation
@testable import Transcripts

/// Builds small .docx and .odt packages in memory for the format tests: hand-written XML in a
/// ZIP archive made by ZIPFoundation (`Archive(accessMode: .create)` over `Data`), so no fixture
/// file is copied from elsewhere and nothing is written to disk.
enum FormatFixtures {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    /// A ZIP archive holding `entries` (path, content) in order.
    static func zip(_ entries: [(String, String)], method: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, content) in entries {
            try add(Data(content.utf8), as: path, to: archive, method: method)
        }
        return [UInt8](archive.data ?? Data())
    }

    static func add(_ data: Data, as path: String, to archive: Archive, method: CompressionMethod = .deflate) throws {
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             compressionMethod: method, provider: { position, size in
                                 data.subdata(in: Int(position)..<(Int(position) + size))
                             })
    }

    /// A .docx whose `word/document.xml` has `body` inside `w:body`.
    static func docx(body: String, extraEntries: [(String, String)] = []) throws -> [UInt8] {
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(w)"><w:body>\(body)<w:sectPr/></w:body></w:document>
            """
        return try zip([
            ("[Content_Types].xml", #"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("word/document.xml", document),
        ] + extraEntries)
    }

    /// One `w:p` per string, each a single plain run (empty string: an empty paragraph).
    static func wordParagraphs(_ paragraphs: [String]) -> String {
        paragraphs.map { $0.isEmpty ? "<w:p/>" : "<w:p><w:r><w:t xml:space=\"preserve\">\(escaped($0))</w:t></w:r></w:p>" }
            .joined()
    }

    /// A two-column Word table, one row per (speaker, text).
    static func wordTable(_ rows: [(String, String)], heading: (String, String)? = nil) -> String {
        func cell(_ text: String) -> String {
            "<w:tc><w:tcPr/><w:p><w:r><w:t xml:space=\"preserve\">\(escaped(text))</w:t></w:r></w:p></w:tc>"
        }
        var xml = "<w:tbl><w:tblPr/>"
        if let heading {
            xml += "<w:tr><w:trPr><w:tblHeader/></w:trPr>\(cell(heading.0))\(cell(heading.1))</w:tr>"
        }
        for (speaker, text) in rows { xml += "<w:tr>\(cell(speaker))\(cell(text))</w:tr>" }
        return xml + "</w:tbl>"
    }

    static let odfNamespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3"
        """

    /// An .odt whose `content.xml` has `body` inside `office:text`.
    static func odt(body: String, styles: String = "", extraEntries: [(String, String)] = []) throws -> [UInt8] {
        let content = """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content \(odfNamespaces)><office:automatic-styles>\(styles)</office:automatic-styles><office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """
        let archive = try Archive(accessMode: .create)
        try add(Data("application/vnd.oasis.opendocument.text".utf8), as: "mimetype", to: archive, method: .none)
        try add(Data(content.utf8), as: "content.xml", to: archive)
        for (path, text) in extraEntries { try add(Data(text.utf8), as: path, to: archive) }
        return [UInt8](archive.data ?? Data())
    }

    /// One `text:p` per string (empty string: an empty paragraph).
    static func odfParagraphs(_ paragraphs: [String]) -> String {
        paragraphs.map { "<text:p>\(escaped($0))</text:p>" }.joined()
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// Every segment's range slices exactly its text out of the transcript's text.
    static func rangesAreExact(_ transcript: Transcript) -> Bool {
        transcript.encounters.flatMap(\.segments).allSatisfy { slice(transcript.text, $0.start, $0.end) == $0.text }
    }
}

/// A ZIP archive written byte by byte, for archives no well-behaved tool would make: lying
/// sizes, encryption flags, unknown methods, truncated data.
struct RawZip {
    struct Entry {
        var name: String
        var data: [UInt8]
        var method: UInt16 = 0
        var flags: UInt16 = 0
        var crc32: UInt32 = 0
        var compressedSize: UInt32?
        var uncompressedSize: UInt32
    }

    var entries: [Entry] = []

    /// A stored entry with a correct CRC and sizes.
    mutating func stored(_ name: String, _ text: String) {
        let data = Array(text.utf8)
        entries.append(Entry(name: name, data: data, crc32: Data(data).crc32(checksum: 0), uncompressedSize: UInt32(data.count)))
    }

    /// A deflated entry with a correct CRC and sizes, compressed by ZIPFoundation.
    mutating func deflated(_ name: String, _ bytes: [UInt8]) throws {
        let source = Data(bytes)
        var compressed = Data()
        _ = try Data.compress(size: Int64(source.count), bufferSize: 16 * 1024, provider: { position, size in
            source.subdata(in: Int(position)..<(Int(position) + size))
        }, consumer: { compressed.append($0) })
        entries.append(Entry(name: name, data: [UInt8](compressed), method: 8, crc32: source.crc32(checksum: 0),
                             uncompressedSize: UInt32(truncatingIfNeeded: bytes.count)))
    }

    var bytes: [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func u16(_ v: UInt16, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32, _ into: inout [UInt8]) { u16(UInt16(v & 0xFFFF), &into); u16(UInt16(v >> 16), &into) }
        for entry in entries {
            let offset = UInt32(out.count)
            let name = Array(entry.name.utf8)
            let compressed = entry.compressedSize ?? UInt32(entry.data.count)
            u32(0x0403_4B50, &out); u16(20, &out); u16(entry.flags, &out); u16(entry.method, &out)
            u16(0, &out); u16(0, &out); u32(entry.crc32, &out); u32(compressed, &out); u32(entry.uncompressedSize, &out)
            u16(UInt16(name.count), &out); u16(0, &out); out += name; out += entry.data
            u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(entry.flags, &directory)
            u16(entry.method, &directory); u16(0, &directory); u16(0, &directory); u32(entry.crc32, &directory)
            u32(compressed, &directory); u32(entry.uncompressedSize, &directory); u16(UInt16(name.count), &directory)
            u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u32(0, &directory)
            u32(offset, &directory); directory += name
        }
        let directoryOffset = UInt32(out.count)
        out += directory
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(UInt16(entries.count), &out)
        u16(UInt16(entries.count), &out); u32(UInt32(directory.count), &out); u32(directoryOffset, &out); u16(0, &out)
        return out
    }
}
