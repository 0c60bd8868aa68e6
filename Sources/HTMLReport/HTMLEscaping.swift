/// Escapes text for HTML and SVG, so transcript text (quotes, `<`, `&`) can never become markup.
///
/// The same five characters are escaped in text and in attribute values, which keeps one rule
/// for every place text goes: `&` `<` `>` `"` `'`. NUL, which HTML forbids, becomes U+FFFD.
///
///     HTMLEscaping.escape(#"Mum says "no" & <slams> the door"#)
///     // Mum says &quot;no&quot; &amp; &lt;slams&gt; the door
public enum HTMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    public static func escape(_ text: String) -> String {
        var needsWork = false
        for b in text.utf8 where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || b == 0 {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for b in text.utf8 {
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            case 0: out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            default: out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Shorthand used by the HTML writers.
func esc(_ text: String) -> String { HTMLEscaping.escape(text) }
