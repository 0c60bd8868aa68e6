import Foundation

/// The colour of every code in a report: the codebook's own colour where it gives one, otherwise
/// the next unused colour of the Okabe-Ito palette (safe for the common colour-vision deficiencies).
/// Sub-codes take their top-level code's colour.
struct CodePalette: Sendable {
    /// Okabe & Ito (2008), without black, which is kept for text.
    static let okabeIto = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"]

    /// Top-level code id → `#RRGGBB` (upper case).
    private(set) var colours: [String: String] = [:]

    init(codes: [(id: String, colour: String?)]) {
        var used = Set(codes.compactMap { $0.colour.flatMap(Self.normalised) })
        var spare = Self.okabeIto.filter { !used.contains($0) }.makeIterator()
        var cycle = 0
        for code in codes {
            if let colour = code.colour.flatMap(Self.normalised) {
                colours[code.id] = colour
            } else if let next = spare.next() {
                colours[code.id] = next
                used.insert(next)
            } else {
                colours[code.id] = Self.okabeIto[cycle % Self.okabeIto.count]
                cycle += 1
            }
        }
    }

    /// The colour for a code id at any depth (`power.surveillance` → the colour of `power`).
    func colour(_ id: String) -> String {
        let top = String(id.split(separator: ".").first ?? Substring(id))
        return colours[top] ?? "#999999"
    }

    /// `#rrggbb` or `#rgb` as `#RRGGBB`; nil for anything else.
    static func normalised(_ text: String) -> String? {
        var hex = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard hex.hasPrefix("#") else { return nil }
        hex.removeFirst()
        guard hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) }) else { return nil }
        if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
        return hex.count == 6 ? "#" + hex : nil
    }

    /// Red, green and blue of `#RRGGBB`, 0…255.
    static func rgb(_ hex: String) -> (Int, Int, Int) {
        let digits = Array(hex.utf8.dropFirst())
        func value(_ i: Int) -> Int {
            guard i + 1 < digits.count else { return 0 }
            func nibble(_ b: UInt8) -> Int { b >= 65 ? Int(b) - 55 : (b >= 97 ? Int(b) - 87 : Int(b) - 48) }
            return nibble(digits[i]) * 16 + nibble(digits[i + 1])
        }
        return (value(0), value(2), value(4))
    }

    static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return "#" + [r, g, b].map { v in
            let c = max(0, min(255, v))
            return "\(digits[c / 16])\(digits[c % 16])"
        }.joined()
    }

    /// `hex` mixed with white: `amount` 0 is white, 1 the colour itself.
    static func tint(_ hex: String, _ amount: Double) -> String {
        let (r, g, b) = rgb(hex)
        func mix(_ c: Int) -> Int { Int((255 - Double(255 - c) * amount).rounded()) }
        return Self.hex(mix(r), mix(g), mix(b))
    }

    /// Relative luminance (WCAG), 0 black … 1 white.
    static func luminance(_ hex: String) -> Double {
        let (r, g, b) = rgb(hex)
        func channel(_ c: Int) -> Double {
            let v = Double(c) / 255
            return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// Black or white, whichever reads better on `hex`.
    static func ink(on hex: String) -> String { luminance(hex) > 0.30 ? "#111111" : "#FFFFFF" }
}
