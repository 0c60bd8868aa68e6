import Foundation
import ZIPFoundation

extension ZipArchive {
    /// Largest entry Rapport inflates: a transcript's XML is a few megabytes at most.
    package static let maximumEntrySize = 64 << 20

    /// The uncompressed bytes of `entry`, read into memory only (nothing is written to disk).
    ///
    /// Refuses an entry that is encrypted, uses a method other than stored or deflate, declares
    /// more than `limit` bytes, inflates past its declared size (or `limit`), whose compressed
    /// data runs past the file or ends early, or whose CRC-32 does not match.
    package func contents(of entry: Entry, limit: Int = maximumEntrySize) throws(ZipError) -> [UInt8] {
        guard !entry.isEncrypted else { throw .encrypted(entry: entry.name) }
        guard entry.method == 0 || entry.method == 8 else {
            if entry.method == 99 { throw .encrypted(entry: entry.name) }  // WinZip AES
            throw .unsupportedMethod(entry: entry.name, method: entry.method)
        }
        guard entry.uncompressedSize <= UInt64(limit) else {
            throw .declaredTooLarge(entry: entry.name, size: entry.uncompressedSize, limit: limit)
        }
        let data = try dataRange(of: entry)
        let expected = Int(entry.uncompressedSize)
        let output: [UInt8]
        if entry.method == 0 {
            guard data.count == expected else { throw .corrupt("'\(entry.name)' is stored with two different sizes") }
            output = Array(bytes[data])
        } else {
            output = try inflate(bytes[data], name: entry.name, limit: expected)
        }
        guard output.count == expected else {
            throw .corrupt("'\(entry.name)' inflates to \(output.count) bytes, not the \(expected) it declares")
        }
        guard Data(output).crc32(checksum: 0) == entry.crc32 else {
            throw .corrupt("'\(entry.name)' fails its CRC-32 check")
        }
        return output
    }

    /// The compressed bytes of `entry`, located through its local header.
    private func dataRange(of entry: Entry) throws(ZipError) -> Range<Int> {
        let count = UInt64(bytes.count)
        guard entry.localHeaderOffset <= count, count - entry.localHeaderOffset >= 30 else {
            throw .corrupt("'\(entry.name)' points outside the file")
        }
        let header = Int(entry.localHeaderOffset)
        guard read32(header) == 0x0403_4B50 else { throw .corrupt("'\(entry.name)' has no local header") }
        let start = UInt64(header) + 30 + UInt64(read16(header + 26)) + UInt64(read16(header + 28))
        guard start <= count, entry.compressedSize <= count - start else {
            throw .corrupt("the data of '\(entry.name)' runs past the end of the file")
        }
        return Int(start)..<Int(start + entry.compressedSize)
    }

    /// Raw deflate through ZIPFoundation's zlib binding, stopping as soon as the output passes
    /// `limit`. ZIPFoundation's Linux inflater tells zlib that every chunk is a full buffer long
    /// and asks for more until the stream ends, so the provider hands over the whole compressed
    /// data as one exact buffer and throws when asked again: a short chunk could never be read
    /// past, and a stream that never ends cannot loop.
    private func inflate(_ compressed: ArraySlice<UInt8>, name: String, limit: Int) throws(ZipError) -> [UInt8] {
        enum Stop: Error { case endsEarly, tooLarge }
        // Deflate never grows data by more than a few bytes per 16 KB block.
        guard compressed.count <= limit + limit / 256 + 1024 else {
            throw .corrupt("'\(name)' has \(compressed.count) compressed bytes for \(limit) uncompressed")
        }
        let input = Data(compressed)
        var output: [UInt8] = []
        output.reserveCapacity(limit)
        do {
            _ = try Data.decompress(
                size: Int64(input.count), bufferSize: max(input.count, 1), skipCRC32: true,
                provider: { position, _ in
                    guard position == 0, !input.isEmpty else { throw Stop.endsEarly }
                    return input
                },
                consumer: { piece in
                    guard output.count + piece.count <= limit else { throw Stop.tooLarge }
                    output.append(contentsOf: piece)
                })
        } catch Stop.tooLarge {
            throw .inflatesTooFar(entry: name, limit: limit)
        } catch Stop.endsEarly {
            throw .corrupt("the compressed data of '\(name)' ends early")
        } catch {
            throw .corrupt("the compressed data of '\(name)' is invalid")
        }
        return output
    }
}
