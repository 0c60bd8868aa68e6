/// Name-based UUIDs (RFC 9562 version 5: SHA-1 over a namespace and a name), so that the same
/// content always gets the same GUID and REFI-QDA exports of the same input are identical.
enum NameBasedUUID {
    /// Rapport's namespace for REFI-QDA GUIDs: itself the version-5 UUID of the name
    /// `https://rapport.invalid/refi-qda` in the RFC's URL namespace.
    static let rapportNamespace: [UInt8] = bytes(of: make(namespace: urlNamespace, name: "https://rapport.invalid/refi-qda"))

    /// The RFC's URL namespace, `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
    static let urlNamespace: [UInt8] = [0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8]

    /// The GUID for `name` in Rapport's namespace, upper-case as REFI-QDA tools write them.
    static func guid(_ name: String) -> String {
        make(namespace: rapportNamespace, name: name)
    }

    /// The version-5 UUID of `name` in `namespace`, formatted `XXXXXXXX-XXXX-5XXX-YXXX-XXXXXXXXXXXX`.
    static func make(namespace: [UInt8], name: String) -> String {
        var hash = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for (i, byte) in hash.enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append("-") }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return out
    }

    /// The 16 bytes of a formatted UUID.
    static func bytes(of uuid: String) -> [UInt8] {
        let digits = uuid.compactMap { $0.hexDigitValue }
        return stride(from: 0, to: digits.count - 1, by: 2).map { UInt8(digits[$0] << 4 | digits[$0 + 1]) }
    }
}
