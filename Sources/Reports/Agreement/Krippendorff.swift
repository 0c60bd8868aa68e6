/// Krippendorff's alpha, the chance-corrected agreement among any number of coders that copes with
/// missing values and every level of measurement; the headline reliability figure for coded data.
///
/// Computed with the coincidence-matrix method of Krippendorff (2011), "Computing Krippendorff's
/// Alpha-Reliability". Units with fewer than two values are not pairable and are dropped.
public enum Krippendorff {
    /// Alpha for `data` at `level`, or nil when it is undefined.
    ///
    /// Alpha is undefined when fewer than two pairable values remain (no unit was coded by two or more
    /// coders) or when there is no expected disagreement (every pairable value is the same). It is also
    /// nil for ordinal, interval and ratio levels when a present value is not a number
    /// (``ReliabilityData/isNumeric`` is false); reading the table with
    /// ``ReliabilityData/init(csv:level:)`` reports such values with their position instead.
    ///
    /// Distances: nominal 0 or 1; ordinal (Σ_{g=c…k} n_g − (n_c + n_k)/2)² over the marginal frequencies
    /// n_g of the sorted values in use; interval (c − k)²; ratio ((c − k)/(c + k))², which assumes
    /// non-negative values.
    public static func alpha(_ data: ReliabilityData, level: MeasurementLevel) -> Double? {
        guard let table = Coincidences(data, level: level) else { return nil }
        return table.alpha(of: table.units.indices)
    }

    /// A percentile bootstrap confidence interval for alpha, reproducible from `seed`, so a report can
    /// say how much alpha might move with a different sample of units.
    ///
    /// Method: the pairable units (two or more values) are resampled with replacement, as many as
    /// there are, `samples` times using ``SplitMix64``; alpha is recomputed on each resample (ordinal
    /// distances from that resample's marginals) and resamples where alpha is undefined are skipped.
    /// The bounds are the (1 − confidence)/2 and (1 + confidence)/2 quantiles of the estimates, with
    /// linear interpolation between order statistics. This is a plain unit bootstrap, not
    /// Krippendorff's resampling of pairable values, so its intervals can differ slightly from his macro.
    ///
    /// - Returns: nil when alpha itself is undefined, `samples` is not positive, `confidence` is not
    ///   strictly between 0 and 1, or no resample gives a defined alpha.
    public static func bootstrap(
        _ data: ReliabilityData,
        level: MeasurementLevel,
        samples: Int = 1000,
        confidence: Double = 0.95,
        seed: UInt64
    ) -> (lower: Double, upper: Double)? {
        guard samples > 0, confidence > 0, confidence < 1,
              let table = Coincidences(data, level: level),
              table.alpha(of: table.units.indices) != nil
        else { return nil }

        var generator = SplitMix64(seed: seed)
        let unitCount = table.units.count
        var draw = [Int](repeating: 0, count: unitCount)
        var estimates: [Double] = []
        estimates.reserveCapacity(samples)
        for _ in 0..<samples {
            for position in draw.indices {
                draw[position] = generator.nextInt(below: unitCount)
            }
            if let estimate = table.alpha(of: draw) { estimates.append(estimate) }
        }
        guard !estimates.isEmpty else { return nil }
        estimates.sort()
        let tail = (1 - confidence) / 2
        return (quantile(estimates, tail), quantile(estimates, 1 - tail))
    }

    /// The `p` quantile of ascending `sorted` values, interpolating linearly between neighbours
    /// (Hyndman & Fan type 7, the default of R and NumPy).
    private static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = Double(sorted.count - 1) * p
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        return sorted[below] + (sorted[above] - sorted[below]) * fraction
    }
}
