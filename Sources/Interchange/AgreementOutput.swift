import Reports

/// `rapport agree --format json`: every figure, for scripts and the HTML report.
public enum AgreementOutput {
    public static func json(_ agreement: CodingAgreement, disagreements: Bool) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("coders")
        w.beginArray()
        for c in agreement.coders { w.string(c) }
        w.endArray()
        w.key("codes")
        w.beginArray()
        for f in agreement.figures {
            w.beginObject()
            w.field("code", f.code)
            w.field("units", f.units)
            w.field("percent_agreement", f.percentAgreement)
            w.field("fleiss_kappa", f.fleiss)
            w.field("alpha", f.alpha)
            w.key("alpha_ci95")
            if let ci = f.interval {
                w.beginArray(); w.double(ci.lower); w.double(ci.upper); w.endArray()
            } else { w.null() }
            w.field("verdict", f.verdict.rawValue)
            w.key("cohen_kappa")
            w.beginArray()
            for p in f.cohen {
                w.beginObject()
                w.field("first", p.first)
                w.field("second", p.second)
                w.field("kappa", p.kappa)
                w.endObject()
            }
            w.endArray()
            w.field("disagreeing_units", f.disagreements.count)
            if disagreements {
                w.key("disagreements")
                w.beginArray()
                for d in f.disagreements {
                    w.beginObject()
                    w.field("unit", d.unit.id)
                    w.key("values")
                    w.beginArray()
                    for v in d.values { w.string(v) }
                    w.endArray()
                    w.endObject()
                }
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.bytes + [10]
    }
}
