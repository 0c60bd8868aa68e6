/// Resolves the times TEI utterances point to (`<u start="#T1">`) through `<timeline>`/`<when>`
/// (`@absolute`, or `@interval` since another point), giving `hh:mm:ss[.fff]` as in plain transcripts.
struct TEITimeline {
    struct Point {
        var absolute: String?
        var interval: Double?
        var since: String?
        /// Seconds per unit of `interval`.
        var scale: Double
    }

    private var points: [String: Point] = [:]

    init(_ text: XMLTree.Element?, namespace ns: String?) {
        guard let text else { return }
        for timeline in text.descendants("timeline", in: ns) {
            let scale = Self.scale(timeline["unit"])
            let origin = timeline["origin"].map(TEIHeader.localID)
            for when in timeline.descendants("when", in: ns) {
                guard let id = when.xmlID else { continue }
                let since = when["since"].map(TEIHeader.localID) ?? (origin == id ? nil : origin)
                points[id] = Point(absolute: when["absolute"], interval: when["interval"].flatMap { Double($0) },
                                   since: since, scale: scale)
            }
        }
    }

    /// The time `value` gives: a pointer resolved through the timeline, or the value as written.
    func resolve(_ value: String?) -> String? {
        guard let value = value.map(InlineText.collapsed), !value.isEmpty else { return nil }
        guard value.contains("#") else { return value }
        let id = TEIHeader.localID(value)
        if let seconds = seconds(id, hops: 0) { return Self.clock(seconds) }
        return points[id]?.absolute
    }

    private func seconds(_ id: String, hops: Int) -> Double? {
        guard hops < 32, let point = points[id] else { return nil }
        if let absolute = point.absolute { return Self.seconds(ofClock: absolute) }
        guard let interval = point.interval else { return nil }
        let base = point.since.flatMap { seconds($0, hops: hops + 1) } ?? 0
        return Self.plausible(base + interval * point.scale)
    }

    /// Times up to 100 hours into a recording; anything else (a typo, an overflow) is no time.
    /// Found by fuzzing: `absolute="5555…5510:15:00"` overflowed the millisecond conversion.
    static func plausible(_ seconds: Double) -> Double? {
        seconds.isFinite && seconds >= 0 && seconds < 360_000 ? seconds : nil
    }

    static func scale(_ unit: String?) -> Double {
        switch unit?.lowercased() {
        case "ms": 0.001
        case "min": 60
        case "h": 3600
        case "d": 86400
        default: 1
        }
    }

    /// Seconds of `hh:mm:ss(.f)`, also the time part of an ISO date-time; nil otherwise.
    static func seconds(ofClock text: String) -> Double? {
        var time = Substring(text)
        if let t = time.firstIndex(of: "T") { time = time[time.index(after: t)...] }
        if let zone = time.firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) { time = time[..<zone] }
        let parts = time.split(separator: ":")
        guard parts.count == 2 || parts.count == 3 else { return nil }
        var total = 0.0
        for part in parts {
            guard let value = Double(part) else { return nil }
            total = total * 60 + value
        }
        return plausible(parts.count == 2 ? total * 60 : total)
    }

    /// `10:15:12.5`: two-digit fields, a fraction only when there is one.
    static func clock(_ seconds: Double) -> String {
        let millis = Int((max(0, seconds) * 1000).rounded())
        let h = millis / 3_600_000, m = millis / 60_000 % 60, s = millis / 1000 % 60, f = millis % 1000
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        var out = "\(two(h)):\(two(m)):\(two(s))"
        if f > 0 {
            var fraction = String(f)
            while fraction.count < 3 { fraction = "0" + fraction }
            while fraction.hasSuffix("0") { fraction.removeLast() }
            out += "." + fraction
        }
        return out
    }
}
