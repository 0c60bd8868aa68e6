/// How to write labels under an axis whose ticks are `spacing` apart so that none overlap:
/// level when they fit, slanted at 45°, upright at 90°, and if even that is too tight, only every
/// n-th label.
struct LabelLayout: Equatable, Sendable {
    /// Rotation in degrees (0, -45 or -90).
    var angle: Double
    /// Write the label of every `every`-th tick (1 = all).
    var every: Int

    /// Extra room kept between neighbouring labels.
    static let gap = 4.0

    /// The layout for labels at most `widest` wide in a font of `size`.
    static func plan(spacing: Double, widest: Double, size: Double) -> LabelLayout {
        let lineHeight = size * 1.25
        if spacing <= 0 || widest + gap <= spacing { return LabelLayout(angle: 0, every: 1) }
        // Parallel slanted labels are spacing × sin 45° apart, measured across the text.
        if spacing * 0.7071 >= lineHeight { return LabelLayout(angle: -45, every: 1) }
        if spacing >= lineHeight { return LabelLayout(angle: -90, every: 1) }
        return LabelLayout(angle: -90, every: Int((lineHeight / spacing).rounded(.up)))
    }

    /// Vertical room the labels take below the axis.
    func height(widest: Double, size: Double) -> Double {
        switch angle {
        case 0: return size * 1.4
        case -45: return widest * 0.7071 + size
        default: return widest + size * 0.6
        }
    }

    /// The distance between neighbouring written labels, measured across the text: at least a
    /// line height when the layout is right.
    func clearance(spacing: Double, widest: Double) -> Double {
        let step = spacing * Double(every)
        switch angle {
        case 0: return step - widest
        case -45: return step * 0.7071
        default: return step
        }
    }
}
