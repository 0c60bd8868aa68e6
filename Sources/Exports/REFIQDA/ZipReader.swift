import Foundation
import ZIPFoundation

/// Reads named entries of a ZIP archive held in memory (a `.qdpx`), checking every offset,
/// size and checksum against the bytes: a truncated or crafted archive is refused instead of
/// being trusted (ZIPFoundation's own reader can loop on a truncated deflate stream on Linux).
/// Nothing is extracted to disk, so entry names are never used as file paths.
struct ZipReader {
    struct Entry {
        var name: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var offset: Int
    }

    /// Largest entry inflated: 2^31 − 1 bytes is REFI-QDA's limit, far above any transcript.
    static let maximumEntrySize = 256 << 20

    let bytes: [UInt8]
    private(set) var entries: [Entry] = []

    /// Reads the central directory; throws a message when `bytes` is not a usable ZIP archive.
    init(bytes: [UInt8]) throws(ZipReaderError) {
        self.bytes = bytes
        guard bytes.count >= 22 else { throw ZipReaderError("not a ZIP archive") }
        var end = bytes.count - 22
        let lowest = max(0, end - 65_535)
        while end >= lowest, !(bytes[end] == 0x50 && bytes[end + 1] == 0x4B && bytes[end + 2] == 5 && bytes[end + 3] == 6) {
            end -= 1
        }
        guard end >= lowest else { throw ZipReaderError("not a ZIP archive (no end of central directory)") }
        let count = Int(read16(end + 10)), size = Int(read32(end + 12)), offset = Int(read32(end + 16))
        guard count != 0xFFFF, size != 0xFFFF_FFFF, offset != 0xFFFF_FFFF else {
            throw ZipReaderError("ZIP64 archives are not supported")
        }
        guard offset <= end, size <= end - offset else { throw ZipReaderError("the central directory lies outside the file") }
        var position = offset
        let directoryEnd = offset + size
        for _ in 0..<count {
            guard position + 46 <= directoryEnd, read32(position) == 0x0201_4B50 else {
                throw ZipReaderError("damaged central directory")
            }
            let nameLength = Int(read16(position + 28)), extra = Int(read16(position + 30)), comment = Int(read16(position + 32))
            let next = position + 46 + nameLength + extra + comment
            guard next <= directoryEnd else { throw ZipReaderError("damaged central directory") }
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            entries.append(Entry(name: name, flags: read16(position + 8), method: read16(position + 10),
                                 crc32: read32(position + 16), compressedSize: Int(read32(position + 20)),
                                 uncompressedSize: Int(read32(position + 24)), offset: Int(read32(position + 42))))
            position = next
        }
    }

    /// The entry with exactly this name, else the first whose name matches ignoring case.
    func entry(named name: String) -> Entry? {
        entries.first { $0.name == name } ?? entries.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The uncompressed bytes of `entry` (stored or deflated), checked against its CRC-32.
    func contents(of entry: Entry) throws(ZipReaderError) -> [UInt8] {
        guard entry.flags & 0x0041 == 0 else { throw ZipReaderError("'\(entry.name)' is encrypted") }
        guard entry.method == 0 || entry.method == 8 else {
            throw ZipReaderError("'\(entry.name)' uses compression method \(entry.method); only stored and deflate are read")
        }
        guard entry.uncompressedSize <= Self.maximumEntrySize else {
            throw ZipReaderError("'\(entry.name)' is larger than \(Self.maximumEntrySize >> 20) MB")
        }
        guard entry.offset <= bytes.count - 30, read32(entry.offset) == 0x0403_4B50 else {
            throw ZipReaderError("'\(entry.name)' has no local header")
        }
        let start = entry.offset + 30 + Int(read16(entry.offset + 26)) + Int(read16(entry.offset + 28))
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw ZipReaderError("the data of '\(entry.name)' runs past the end of the file")
        }
        let data = bytes[start..<(start + entry.compressedSize)]
        let output = entry.method == 0 ? Array(data) : try inflate(data, entry: entry)
        guard output.count == entry.uncompressedSize else {
            throw ZipReaderError("'\(entry.name)' holds \(output.count) bytes, not the \(entry.uncompressedSize) it declares")
        }
        guard Data(output).crc32(checksum: 0) == entry.crc32 else { throw ZipReaderError("'\(entry.name)' fails its CRC-32 check") }
        return output
    }

    /// Raw deflate through ZIPFoundation's zlib binding, stopping past the declared size. The
    /// provider hands over full zero-padded chunks and throws once the input is used up, so a
    /// stream that never ends cannot loop.
    private func inflate(_ compressed: ArraySlice<UInt8>, entry: Entry) throws(ZipReaderError) -> [UInt8] {
        enum Stop: Error { case endsEarly, tooLarge }
        let chunkSize = 64 << 10
        let limit = entry.uncompressedSize
        var output: [UInt8] = []
        output.reserveCapacity(limit)
        do {
            _ = try Data.decompress(
                size: Int64(compressed.count), bufferSize: chunkSize, skipCRC32: true,
                provider: { position, _ in
                    guard position < Int64(compressed.count) else { throw Stop.endsEarly }
                    let from = compressed.startIndex + Int(position)
                    var chunk = Data(compressed[from..<min(from + chunkSize, compressed.endIndex)])
                    if chunk.count < chunkSize { chunk.append(Data(count: chunkSize - chunk.count)) }
                    return chunk
                },
                consumer: { piece in
                    guard output.count + piece.count <= limit else { throw Stop.tooLarge }
                    output.append(contentsOf: piece)
                })
        } catch Stop.tooLarge {
            throw ZipReaderError("'\(entry.name)' inflates past the \(limit) bytes it declares")
        } catch Stop.endsEarly {
            throw ZipReaderError("the compressed data of '\(entry.name)' ends early")
        } catch {
            throw ZipReaderError("'\(entry.name)' cannot be inflated: \(error)")
        }
        return output
    }

    private func read16(_ i: Int) -> UInt16 { UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 }
    private func read32(_ i: Int) -> UInt32 {
        UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
    }
}

/// Why a ZIP archive could not be read.
struct ZipReaderError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
