/// Normalises the names of government bodies so that one body has one spelling.
///
/// ```swift
/// EntityName.normalize(" 牡丹江市 人民政府 ")   // "牡丹江市人民政府"
/// EntityName.normalize("平潭综合实验区(福建省)")  // "平潭综合实验区（福建省）"
/// ```
public enum EntityName {
    /// Full-width ASCII letters and digits become half-width; half-width brackets become full-width;
    /// all whitespace (including U+3000 and NBSP) is removed.
    public static func normalize(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for u in name.unicodeScalars {
            switch u.value {
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
                out.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x28: out.append("（")
            case 0x29: out.append("）")
            default:
                if u.properties.isWhitespace { continue }
                out.append(u)
            }
        }
        return String(out)
    }
}
