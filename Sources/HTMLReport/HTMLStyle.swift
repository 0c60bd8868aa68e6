/// The report's stylesheet: page layout, tables, charts, highlighted transcripts, the CSS-only code
/// filter (radio buttons and `:has()`), and a print stylesheet for A4.
enum HTMLStyle {
    /// The whole `<style>` content for a report over `codes`.
    static func css(codes: [ChartCode]) -> String {
        var css = base
        css += ":root{" + codes.map { "--c-\($0.slug):\($0.colour);--t-\($0.slug):\(CodePalette.tint($0.colour, 0.22))" }.joined(separator: ";") + "}\n"
        for code in codes {
            css += ".c-\(code.slug){--c:var(--c-\(code.slug));--t:var(--t-\(code.slug))}\n"
        }
        css += ".c-other{--c:#8A939C;--t:#ECEEF0}\n"
        // The filter: with "only <code>" chosen, other codes' highlights, notes and segments fade.
        for code in codes {
            let on = "#transcripts:has(#show-\(code.slug):checked)"
            css += "\(on) mark.hl:not(.m-\(code.slug)){background:transparent}\n"
            css += "\(on) mark.hl.m-\(code.slug){background:var(--t-\(code.slug))}\n"
            css += "\(on) .u:not(.c-\(code.slug)){border-bottom-color:transparent}\n"
            css += "\(on) .seg:not(.s-\(code.slug)){opacity:.38}\n"
            css += "\(on) .note:not(.c-\(code.slug)){display:none}\n"
            css += "\(on) .chip:not(.c-\(code.slug)){opacity:.45}\n"
            css += "\(on) label[for=show-\(code.slug)]{background:var(--t-\(code.slug));border-color:var(--c-\(code.slug));box-shadow:inset 0 -3px 0 var(--c-\(code.slug))}\n"
        }
        css += "#transcripts:has(#show-all:checked) label[for=show-all]{background:#E4E7EA;border-color:#5B6570}\n"
        return css + print
    }

    static let base = """
    *,*::before,*::after{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%}
    body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans","DejaVu Sans",sans-serif;color:#1D232A;background:#FFFFFF}
    a{color:#0B5CAD}
    .page-head{background:#F3F5F7;border-bottom:1px solid #D9DEE3}
    .wrap{max-width:1200px;margin:0 auto;padding:0 28px}
    .page-head .wrap{padding-top:22px;padding-bottom:14px}
    h1{font-size:28px;line-height:1.2;margin:0 0 4px}
    h2{font-size:21px;line-height:1.25;margin:40px 0 6px;padding-top:6px;border-top:2px solid #1D232A}
    h3{font-size:17px;margin:0 0 2px}
    .lede{margin:0 0 10px;color:#3A434C;max-width:60em}
    .intro{margin:0 0 14px;color:#3A434C;max-width:62em}
    nav ol{list-style:none;display:flex;flex-wrap:wrap;gap:4px 18px;margin:0;padding:0;font-size:14px}
    nav a{text-decoration:none;border-bottom:1px solid #9FB9D6}
    .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;margin:14px 0 18px;padding:0;list-style:none}
    .card{border:1px solid #D9DEE3;border-radius:8px;padding:10px 14px;background:#FFFFFF}
    .card .value{display:block;font-size:24px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
    .card .what{display:block;color:#5B6570;font-size:13px}
    .card.wide{grid-column:span 2}
    .codes{list-style:none;margin:6px 0 0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:8px 22px}
    .codes li{padding-left:22px;position:relative;font-size:14px;color:#3A434C}
    .codes li .key{position:absolute;left:0;top:4px}
    .codes strong{color:#1D232A}
    .key{display:inline-block;width:13px;height:13px;border-radius:3px;background:var(--c);vertical-align:-1px;margin-right:6px;flex:none}
    figure{margin:0}
    .chart{display:block;max-width:100%;height:auto}
    figure.bars .chart{width:100%;max-width:900px}
    figcaption,.caption{font-size:13.5px;color:#3A434C;max-width:62em;margin:6px 0 0}
    .legend-strip{display:block;width:100%;max-width:440px;height:auto;margin:4px 0 2px}
    .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(330px,100%),1fr));gap:14px 26px;margin-top:6px}
    .multiples .chart{width:100%;max-width:480px}
    .pair{display:grid;grid-template-columns:minmax(0,5fr) minmax(0,6fr);gap:10px 40px;align-items:start}
    .pair.charts{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}
    .pair h2{margin-top:40px}
    .heatmap{width:100%;max-width:460px}
    details.data{margin:10px 0 0;font-size:14px}
    details.data summary{cursor:pointer;color:#0B5CAD}
    table{border-collapse:collapse;font-size:14px;margin:8px 0;font-variant-numeric:tabular-nums}
    caption{text-align:left;font-size:13.5px;color:#3A434C;caption-side:bottom;padding-top:6px;max-width:60em}
    th,td{padding:5px 10px;border-bottom:1px solid #E3E6E9;text-align:right;vertical-align:middle}
    thead th{border-bottom:2px solid #8A939C;font-size:13px;color:#3A434C;vertical-align:bottom}
    th[scope=row],td.text,th.text{text-align:left}
    th[scope=row]{font-weight:400}
    tr.top th[scope=row]{font-weight:700}
    tr.top td,tr.top th{border-top:1px solid #B9C0C7}
    .code-id{display:block;color:#5B6570;font-size:11.5px;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-weight:400}
    tr.top .code-id{display:inline;margin-left:8px}
    .depth-1 th[scope=row]{padding-left:34px}
    .depth-2 th[scope=row]{padding-left:52px}
    .meter{display:inline-block;height:9px;background:var(--c);border-radius:2px;vertical-align:0;margin-right:8px;opacity:.85}
    .stats td.n{min-width:7.5em;white-space:nowrap}
    .stats th[scope=row]{line-height:1.3}
    .verdict{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;font-weight:600;border:1px solid}
    .verdict.reliable{color:#00603F;border-color:#009E73;background:#E0F3EC}
    .verdict.tentative{color:#7A4A00;border-color:#E69F00;background:#FCF0D9}
    .verdict.unreliable{color:#8F3300;border-color:#D55E00;background:#F9E3D6}
    .verdict.undefined{color:#5B6570;border-color:#B9C0C7;background:#F3F5F7}
    .gauge{vertical-align:middle}
    .agreement td{white-space:nowrap}
    .agreement th[scope=row]{white-space:nowrap}
    .filter{position:sticky;top:0;z-index:2;background:rgba(255,255,255,.96);border:1px solid #D9DEE3;border-radius:8px;padding:8px 12px;margin:12px 0 18px;display:flex;flex-wrap:wrap;align-items:center;gap:6px 8px}
    .filter legend{float:left;font-weight:700;font-size:14px;margin-right:6px;padding:0}
    .filter input{position:absolute;opacity:0;width:1px;height:1px}
    .filter label{cursor:pointer;border:1px solid #C4CAD0;border-radius:16px;padding:2px 12px;font-size:14px;display:inline-flex;align-items:center;background:#FFFFFF}
    .filter input:focus-visible+label{outline:3px solid #0B5CAD;outline-offset:1px}
    .filter .hint{font-size:12.5px;color:#5B6570;flex-basis:100%}
    .encounter{margin:0 0 34px;border-top:1px solid #B9C0C7;padding-top:12px}
    .encounter .sub{font-weight:400;color:#3A434C;font-size:15px;margin-left:6px}
    .meta,.people{margin:2px 0;font-size:13.5px;color:#5B6570}
    .people b{color:#1D232A}
    .chips{list-style:none;display:flex;flex-wrap:wrap;gap:6px;margin:8px 0 10px;padding:0}
    .chip{font-size:13px;border:1px solid #D9DEE3;border-radius:12px;padding:1px 10px 1px 8px;background:var(--t)}
    .chip.none{background:#FFFFFF;color:#8A939C}
    .chip .key{width:10px;height:10px;margin-right:5px}
    .seg{display:grid;grid-template-columns:8.5rem minmax(0,1fr) 19rem;column-gap:18px;border-top:1px solid #EEF0F2;padding:6px 0}
    .seg>.who{grid-column:1}
    .seg>.text{grid-column:2}
    .seg>.notes{grid-column:3}
    .who{display:flex;flex-direction:column;font-size:13px;line-height:1.35}
    .who .speaker{font-weight:700;color:#1D232A}
    .obs .who .speaker{font-weight:600;font-style:italic;color:#5B6570}
    .who .role,.who .time{color:#5B6570}
    .who .time{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
    .seg .text{margin:0;line-height:1.95;max-width:50em;padding-top:1px}
    .obs .text{color:#3A434C}
    .tn{color:#6B7580;font-style:italic}
    mark.hl{color:inherit;background:var(--t);border-radius:2px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
    .u{border-bottom:3px solid var(--c);padding-bottom:1px;-webkit-box-decoration-break:clone;box-decoration-break:clone}
    .u .u{padding-bottom:5px}
    .u .u .u{padding-bottom:9px}
    .u .u .u .u{padding-bottom:13px}
    .notes{list-style:none;margin:0;padding-left:0;font-size:12.5px;line-height:1.4;color:#3A434C}
    .seg>.notes{padding-top:3px}
    .note{margin:0 0 5px;padding-left:8px;border-left:3px solid var(--c)}
    .note .key{display:none}
    .note q{font-style:italic}
    .note .why{display:block;color:#5B6570}
    .note code{font-size:11.5px;font-family:ui-monospace,"DejaVu Sans Mono",monospace;overflow-wrap:anywhere}
    .toc a{white-space:nowrap}
    footer{margin:50px 0 30px;padding-top:10px;border-top:1px solid #D9DEE3;font-size:13px;color:#5B6570}
    @media (max-width:1080px){.pair.charts{grid-template-columns:minmax(0,1fr)}}
    @media (max-width:980px){.pair{grid-template-columns:minmax(0,1fr)}.seg{grid-template-columns:7rem minmax(0,1fr)}.seg>.notes{grid-column:2}}
    @media (max-width:620px){.seg{grid-template-columns:minmax(0,1fr)}.seg>.notes,.seg>.text,.seg>.who{grid-column:1}.who{flex-direction:row;gap:8px}}

    """

    static let print = """
    @media print{
    @page{size:A4;margin:14mm 12mm}
    body{font-size:10.5pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
    .page-head{background:none;border-bottom:2px solid #1D232A}
    .wrap{max-width:none;padding:0}
    nav,.filter,details.data summary{display:none}
    details.data{display:none}
    h2{break-after:avoid;margin-top:24px}
    h3{break-after:avoid}
    figure,.chart,table,tr,.card{break-inside:avoid}
    .pair,.pair.charts{grid-template-columns:minmax(0,1fr)}
    .seg{grid-template-columns:6.5rem minmax(0,1fr) 13rem;column-gap:10px;break-inside:avoid}
    .seg .text{line-height:1.9}
    .notes{font-size:8.5pt}
    a{color:inherit;text-decoration:none}
    .encounter{break-before:auto}
    #transcripts .seg{opacity:1!important}
    }
    """
}
