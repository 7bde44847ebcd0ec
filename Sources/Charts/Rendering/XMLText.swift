/// Escaping for text and attribute values in SVG and HTML.
///
/// ```swift
/// XMLText.escape("A & B <c>")   // "A &amp; B &lt;c&gt;"
/// ```
public enum XMLText {
    /// `text` with `& < > "` replaced by their entities.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
