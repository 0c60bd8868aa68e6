/// A verdict on an alpha value using Krippendorff's conventional cut-offs, so reports word
/// reliability the same way everywhere: at least 0.800 is reliable, at least 0.667 supports only
/// tentative conclusions, anything lower is unreliable. With a confidence interval the verdict goes
/// by its lower limit, as Krippendorff judges: α .833 with a 95% interval from .31 is unreliable.
public enum Reliability: String, CaseIterable, Codable, Sendable {
    /// α ≥ 0.800.
    case reliable
    /// 0.667 ≤ α < 0.800.
    case tentative
    /// α < 0.667.
    case unreliable
    /// Alpha could not be computed.
    case undefined

    /// The lowest alpha counted as reliable.
    public static let reliableThreshold = 0.800
    /// The lowest alpha counted as tentatively reliable.
    public static let tentativeThreshold = 0.667

    /// The verdict for the lower limit of α's confidence interval when there is one, else for α
    /// itself; nil (or NaN) α is undefined.
    public init(alpha: Double?, lowerLimit: Double?) {
        guard let alpha, !alpha.isNaN else {
            self = .undefined
            return
        }
        self.init(alpha: lowerLimit.map { min($0, alpha) } ?? alpha)
    }

    /// The verdict for `alpha`, compared unrounded; nil (or NaN) is undefined.
    public init(alpha: Double?) {
        guard let alpha, !alpha.isNaN else {
            self = .undefined
            return
        }
        if alpha >= Self.reliableThreshold {
            self = .reliable
        } else if alpha >= Self.tentativeThreshold {
            self = .tentative
        } else {
            self = .unreliable
        }
    }
}
