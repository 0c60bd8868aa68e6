/// The central directory of a ZIP archive held in memory: which entries it has, their sizes and
/// where their data lies, every offset and length checked against the bytes.
///
/// Rapport never extracts archives to disk; it only reads the few entries it names (such as
/// `word/document.xml`) into memory, so entry paths such as `../../etc/passwd` are never used as
/// file paths. The directory is parsed here rather than by ZIPFoundation's `Archive`, whose
/// reader (0.9.20) trusts the directory's sizes: on Linux it can loop forever on a truncated
/// deflate stream and trap on overflowing ZIP64 sizes. Inflating and checksums still use
/// ZIPFoundation (see `ZipArchive+Contents.swift`).
package struct ZipArchive {
    /// One central-directory record.
    package struct Entry: Equatable {
        package var name: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        package var localHeaderOffset: UInt64

        /// General-purpose flag bit 0 (traditional or AES encryption) or bit 6 (strong encryption).
        package var isEncrypted: Bool { flags & 0x0041 != 0 }
    }

    let bytes: [UInt8]
    /// Entries in directory order.
    package private(set) var entries: [Entry] = []

    /// Reads the end-of-archive record and the central directory of `bytes`.
    package init(bytes: [UInt8]) throws(ZipError) {
        self.bytes = bytes
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { throw .compoundFile }
        guard let end = Self.endRecord(in: bytes) else {
            if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { throw .corrupt("the end of the archive is missing") }
            throw .notAnArchive
        }
        var count = UInt64(read16(end + 10))
        var size = UInt64(read32(end + 12))
        var offset = UInt64(read32(end + 16))
        guard read16(end + 4) == 0 || read16(end + 4) == 0xFFFF else { throw .corrupt("multi-part archives are not supported") }
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            let zip64 = try zip64Directory(before: end)
            (count, size, offset) = (zip64.count, zip64.size, zip64.offset)
        }
        guard offset <= UInt64(end), size <= UInt64(end) - offset else {
            throw .corrupt("the central directory lies outside the file")
        }
        guard count <= size / 46 else { throw .corrupt("the central directory is too small for \(count) entries") }
        var position = Int(offset)
        let directoryEnd = Int(offset + size)
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            let (entry, next) = try record(at: position, end: directoryEnd)
            entries.append(entry)
            position = next
        }
    }

    /// The first entry with exactly this name, as ZIP readers conventionally resolve duplicates.
    package func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    // MARK: Records

    /// Offset of the end-of-central-directory record, searched backwards over the largest
    /// possible archive comment (65,535 bytes).
    private static func endRecord(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while i >= lowest {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 0x05, bytes[i + 3] == 0x06 { return i }
            i -= 1
        }
        return nil
    }

    /// Count, size and offset of the central directory from the ZIP64 end record, found through
    /// the locator just before the classic end record.
    private func zip64Directory(before end: Int) throws(ZipError) -> (count: UInt64, size: UInt64, offset: UInt64) {
        let locator = end - 20
        guard locator >= 0, read32(locator) == 0x0706_4B50 else {
            throw .corrupt("the end record asks for ZIP64 but there is no ZIP64 locator")
        }
        let recordOffset = read64(locator + 8)
        guard recordOffset <= UInt64(locator), UInt64(locator) - recordOffset >= 56 else {
            throw .corrupt("the ZIP64 end record lies outside the file")
        }
        let record = Int(recordOffset)
        guard read32(record) == 0x0606_4B50 else { throw .corrupt("the ZIP64 end record is missing") }
        return (read64(record + 32), read64(record + 40), read64(record + 48))
    }

    /// The central-directory record at `position` and the position of the next one.
    private func record(at position: Int, end: Int) throws(ZipError) -> (Entry, Int) {
        guard end - position >= 46, read32(position) == 0x0201_4B50 else {
            throw .corrupt("a central directory record is missing or cut short")
        }
        let nameLength = Int(read16(position + 28))
        let extraLength = Int(read16(position + 30))
        let commentLength = Int(read16(position + 32))
        let next = position + 46 + nameLength + extraLength + commentLength
        guard next <= end else { throw .corrupt("a central directory record runs past the directory") }
        let nameStart = position + 46
        var entry = Entry(
            name: String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self),
            flags: read16(position + 8), method: read16(position + 10), crc32: read32(position + 16),
            compressedSize: UInt64(read32(position + 20)), uncompressedSize: UInt64(read32(position + 24)),
            localHeaderOffset: UInt64(read32(position + 42)))
        try applyZIP64(extra: (nameStart + nameLength)..<(nameStart + nameLength + extraLength), to: &entry)
        return (entry, next)
    }

    /// Replaces 0xFFFFFFFF sizes and offset with the 64-bit values of the ZIP64 extra field.
    private func applyZIP64(extra: Range<Int>, to entry: inout Entry) throws(ZipError) {
        let needsSize = entry.uncompressedSize == 0xFFFF_FFFF
        let needsCompressed = entry.compressedSize == 0xFFFF_FFFF
        let needsOffset = entry.localHeaderOffset == 0xFFFF_FFFF
        guard needsSize || needsCompressed || needsOffset else { return }
        var i = extra.lowerBound
        while i + 4 <= extra.upperBound {
            let id = read16(i), length = Int(read16(i + 2))
            let fieldEnd = i + 4 + length
            guard fieldEnd <= extra.upperBound else { break }
            if id == 0x0001 {
                var k = i + 4
                func next() throws(ZipError) -> UInt64 {
                    guard k + 8 <= fieldEnd else { throw .corrupt("'\(entry.name)' has a short ZIP64 field") }
                    defer { k += 8 }
                    return read64(k)
                }
                if needsSize { entry.uncompressedSize = try next() }
                if needsCompressed { entry.compressedSize = try next() }
                if needsOffset { entry.localHeaderOffset = try next() }
                return
            }
            i = fieldEnd
        }
        throw .corrupt("'\(entry.name)' needs a ZIP64 field and has none")
    }

    // MARK: Little-endian reads (callers check bounds)

    func read16(_ i: Int) -> UInt16 {
        UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
    }

    func read32(_ i: Int) -> UInt32 {
        UInt32(read16(i)) | UInt32(read16(i + 2)) << 16
    }

    func read64(_ i: Int) -> UInt64 {
        UInt64(read32(i)) | UInt64(read32(i + 4)) << 32
    }
}
