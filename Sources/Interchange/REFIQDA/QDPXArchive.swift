import Foundation
import ZIPFoundation

/// Packs and unpacks `.qdpx` files: a ZIP with `project.qde` and a flat lower-case `sources/`
/// folder of internal files named `<GUID>.<ext>`. Packing is deterministic: entries in a fixed
/// order, deflated, every one dated 1980-01-01 00:00 (the earliest ZIP date) with mode 0644.
enum QDPXArchive {
    static let projectEntry = "project.qde"
    /// The fixed modification date of every entry, so the same project gives the same bytes.
    static let entryDate = Date(timeIntervalSince1970: 315_532_800)

    /// The archive's bytes: `project.qde`, then each source file in the order given.
    static func pack(project: [UInt8], sources: [(name: String, bytes: [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        try add(projectEntry, project, to: archive)
        for source in sources { try add("sources/" + source.name, source.bytes, to: archive) }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return [UInt8](data)
    }

    private static func add(_ path: String, _ bytes: [UInt8], to archive: Archive) throws {
        let data = Data(bytes)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: entryDate,
                             permissions: 0o644, compressionMethod: .deflate) { position, size in
            data.subdata(in: Int(position)..<Int(position) + size)
        }
    }

    /// `internal://<GUID>.txt` → `sources/<GUID>.txt`; nil for other schemes.
    static func entryName(forInternalPath path: String) -> String? {
        let scheme = "internal://"
        guard path.lowercased().hasPrefix(scheme) else { return nil }
        return "sources/" + path.dropFirst(scheme.count)
    }
}
