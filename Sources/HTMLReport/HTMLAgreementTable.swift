import Reports

/// The inter-coder agreement table: per code, units, percent agreement, Cohen's κ per pair of
/// coders, Fleiss' κ and Krippendorff's α with its 95% interval, drawn on a 0–1 gauge with the
/// 0.667 and 0.800 thresholds marked, and the verdict in words.
enum HTMLAgreementTable {
    static func render(_ agreement: AgreementSummary, model: ReportModel) -> String {
        let tentative = Reliability.tentativeThreshold, reliable = Reliability.reliableThreshold
        var html = ##"<p class="intro">How far the coders (\##(esc(agreement.coders.joined(separator: ", ")))) agree on each code, segment by segment. "##
        html += "Krippendorff’s α is the yardstick, judged by the lower limit of its 95% interval (as Krippendorff recommends), not by the estimate alone: "
        html += "<strong>lower limit ≥ \(NumberText.fixed(reliable, digits: 3)) reliable</strong>, "
        html += "<strong>≥ \(NumberText.fixed(tentative, digits: 3)) tentative</strong> (fit for tentative conclusions only), below that unreliable. "
        html += "On the gauge the dot is α, the whisker its 95% bootstrap interval, and the two ticks the thresholds.</p>"
        html += ##"<table class="agreement"><caption>Units: segments coded by at least two coders. κ and α run from −1 to 1 (1 = perfect agreement, 0 = chance); the gauge shows 0 to 1.</caption><thead><tr>"##
        html += ##"<th scope="col" class="text">Code</th><th scope="col">Units</th><th scope="col">Agreement</th><th scope="col">Cohen’s κ</th><th scope="col">Fleiss’ κ</th><th scope="col">Krippendorff’s α</th><th scope="col">95% interval</th><th scope="col" class="text">α on 0 – 1 (ticks at \##(NumberText.fixed(tentative, digits: 3)) and \##(NumberText.fixed(reliable, digits: 3)))</th><th scope="col" class="text">Verdict</th></tr></thead><tbody>"##
        for f in agreement.codes {
            let code = model.topLevel(f.code)
            let slug = code?.slug ?? "other"
            html += ##"<tr class="c-\##(slug)\##(f.code == "overall" ? " top" : "")"><th scope="row" class="text">"##
            if code != nil { html += ##"<span class="key" aria-hidden="true"></span>"## }
            html += esc(f.code == "overall" ? "All codes together" : code?.name ?? f.code) + "</th>"
            html += "<td>\(f.units)</td>"
            html += "<td>" + (f.percentAgreement.map { NumberText.fixed($0 * 100, digits: 1) + "%" } ?? "–") + "</td>"
            let pairs = f.cohen.map { p in
                (agreement.coders.count > 2 ? esc(p.first) + "–" + esc(p.second) + " " : "") + number(p.kappa)
            }
            html += "<td>" + (pairs.isEmpty ? "–" : pairs.joined(separator: "<br>")) + "</td>"
            html += "<td>\(number(f.fleissKappa))</td><td><strong>\(number(f.alpha))</strong></td>"
            html += "<td>" + (f.interval.map { number($0.lower) + " – " + number($0.upper) } ?? "–") + "</td>"
            html += ##"<td class="text">\##(gauge(f))</td>"##
            let verdict = f.verdict
            let word: String
            switch verdict {
            case .reliable: word = "✓ reliable"
            case .tentative: word = "~ tentative"
            case .unreliable: word = "✗ unreliable"
            case .undefined: word = "– undefined"
            }
            html += ##"<td class="text"><span class="verdict \##(verdict.rawValue)">\##(word)</span></td></tr>"##
        }
        return html + "</tbody></table>"
    }

    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return NumberText.fixed(value, digits: 3).replacingMinus
    }

    /// A 0–1 scale with the thresholds, α as a dot and its interval as a whisker.
    static func gauge(_ f: AgreementSummary.Figures) -> String {
        let n = ChartScale.n
        let w = 180.0, pad = 6.0
        func x(_ v: Double) -> Double { pad + (w - 2 * pad) * min(1, max(0, v)) }
        var svg = ##"<svg class="gauge" width="\##(n(w))" height="20" viewBox="0 0 \##(n(w)) 20" aria-hidden="true">"##
        svg += ##"<rect x="\##(n(x(0)))" y="8" width="\##(n(x(Reliability.tentativeThreshold) - x(0)))" height="4" fill="#EDD3C4"/>"##
        svg += ##"<rect x="\##(n(x(Reliability.tentativeThreshold)))" y="8" width="\##(n(x(Reliability.reliableThreshold) - x(Reliability.tentativeThreshold)))" height="4" fill="#F5DDA8"/>"##
        svg += ##"<rect x="\##(n(x(Reliability.reliableThreshold)))" y="8" width="\##(n(x(1) - x(Reliability.reliableThreshold)))" height="4" fill="#B8E2D3"/>"##
        for t in [Reliability.tentativeThreshold, Reliability.reliableThreshold] {
            svg += ##"<line x1="\##(n(x(t)))" x2="\##(n(x(t)))" y1="3" y2="17" stroke="#3A434C" stroke-width="1.2"/>"##
        }
        if let ci = f.interval {
            svg += ##"<line x1="\##(n(x(ci.lower)))" x2="\##(n(x(ci.upper)))" y1="10" y2="10" stroke="#1D232A" stroke-width="1.5"/>"##
        }
        if let alpha = f.alpha, alpha.isFinite {
            svg += ##"<circle cx="\##(n(x(alpha)))" cy="10" r="4.5" fill="#1D232A" stroke="#FFFFFF" stroke-width="1"/>"##
        }
        return svg + "</svg>"
    }
}

extension String {
    /// With a typographic minus sign instead of a hyphen.
    fileprivate var replacingMinus: String { hasPrefix("-") ? "−" + dropFirst() : self }
}
