/// Estimated text widths, so labels can be placed without a layout engine. Deliberately generous
/// (0.6 em per character, bold 0.65 em): labels may get a little more room than they need, never less.
enum ChartText {
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        Double(text.count) * size * (bold ? 0.65 : 0.6)
    }

    /// `text`, shortened with an ellipsis to fit `width`.
    static func fit(_ text: String, width: Double, size: Double, bold: Bool = false) -> String {
        guard Self.width(text, size: size, bold: bold) > width else { return text }
        let keep = max(1, Int(width / (size * (bold ? 0.65 : 0.6))) - 1)
        return String(text.prefix(keep)) + "…"
    }
}
