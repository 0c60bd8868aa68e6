/// Locale-free decimal formatting for reports and exports, so output is the same bytes on every machine.
public enum NumberText {
    /// `value` rounded to `digits` decimals; with `trim`, trailing zeros (and a bare point) dropped.
    public static func fixed(_ value: Double, digits: Int, trim: Bool = false) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "inf" : "-inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let negative = value < 0 && rounded != 0
        var integer = String(UInt64(rounded / scale))
        var fraction = ""
        if digits > 0 {
            let frac = UInt64(rounded.truncatingRemainder(dividingBy: scale))
            fraction = String(frac)
            while fraction.count < digits { fraction = "0" + fraction }
            if trim { while fraction.hasSuffix("0") { fraction.removeLast() } }
        }
        if negative { integer = "-" + integer }
        return fraction.isEmpty ? integer : integer + "." + fraction
    }
}
