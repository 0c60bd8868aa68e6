import Foundation
import Reports

/// Round-number axis ticks and compact coordinate text for the SVG charts.
enum ChartScale {
    /// Ticks from 0 in steps of 1, 2, 2.5 or 5 × 10ⁿ, about `count` intervals, the last ≥ `maximum`.
    ///
    ///     ChartScale.ticks(upTo: 7.3)  // [0, 2, 4, 6, 8]
    static func ticks(upTo maximum: Double, count: Int = 5) -> [Double] {
        guard maximum.isFinite, maximum > 0 else { return [0, 1] }
        let raw = maximum / Double(max(1, count))
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw * 0.999_999 } ?? 10 * magnitude
        let intervals = Int((maximum / step - 1e-9).rounded(.up))
        return (0...max(1, intervals)).map { Double($0) * step }
    }

    /// A coordinate for SVG: at most one decimal, no trailing zeros.
    static func n(_ value: Double) -> String { NumberText.fixed(value, digits: 1, trim: true) }

    /// A tick or value label: at most two decimals, no trailing zeros.
    static func label(_ value: Double) -> String { NumberText.fixed(value, digits: 2, trim: true) }
}
