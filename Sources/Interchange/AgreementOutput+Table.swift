import Reports

extension AgreementOutput {
    /// `rapport agree --table FILE --format json`: the figures of a reliability matrix in the same
    /// shape as for codings (one entry, code `table`), so `rapport report --agreement` reads it too.
    public static func json(table data: ReliabilityData, level: MeasurementLevel) -> [UInt8] {
        let alpha = Krippendorff.alpha(data, level: level)
        let interval = Krippendorff.bootstrap(data, level: level, samples: 1000, seed: 20_240_101)
        var w = JSONWriter()
        w.beginObject()
        w.key("coders")
        w.beginArray()
        for c in data.coders { w.string(c) }
        w.endArray()
        w.field("level", level.rawValue)
        w.key("codes")
        w.beginArray()
        w.beginObject()
        w.field("code", "table")
        w.field("units", data.units.count)
        w.field("percent_agreement", PercentAgreement.pairwise(data))
        w.field("fleiss_kappa", Fleiss.kappa(data))
        w.field("alpha", alpha)
        w.key("alpha_ci95")
        if let interval {
            w.beginArray(); w.double(interval.lower); w.double(interval.upper); w.endArray()
        } else { w.null() }
        w.field("verdict", Reliability(alpha: alpha, lowerLimit: interval?.lower).rawValue)
        w.key("cohen_kappa")
        w.beginArray()
        for i in data.coders.indices {
            for j in data.coders.indices where j > i {
                w.beginObject()
                w.field("first", data.coders[i])
                w.field("second", data.coders[j])
                w.field("kappa", Cohen.kappa(data.values(ofCoder: i), data.values(ofCoder: j)))
                w.endObject()
            }
        }
        w.endArray()
        w.field("disagreeing_units", data.units.filter { Set($0.values.compactMap { $0 }).count > 1 }.count)
        w.endObject()
        w.endArray()
        w.endObject()
        return w.bytes + [10]
    }
}
