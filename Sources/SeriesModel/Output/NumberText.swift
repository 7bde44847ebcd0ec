/// Number formatting shared by the tidy files, the tables and the charts.
///
/// ```swift
/// NumberText.plain(218827.31)          // "218827.31"
/// NumberText.grouped(387576)           // "387,576"
/// NumberText.chinese(387576)           // "38.76万"
/// NumberText.signedPercent(-0.11778)   // "-11.8%"
/// ```
public enum NumberText {
    /// The shortest text that reads back as `value`, without grouping: integers without `.0`.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        var s = "\(value)"
        if s.contains("e") {            // e.g. 1e-07: write it out in positional form
            s = positional(value, fractionDigits: 12)
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// `value` with `fractionDigits` decimals and thousands separators: `1,234,567.8`.
    public static func grouped(_ value: Double, fractionDigits: Int = 0) -> String {
        guard value.isFinite else { return "" }
        let text = positional(abs(value), fractionDigits: fractionDigits)
        let parts = text.split(separator: ".", maxSplits: 1)
        let intPart = Array(parts[0])
        var out = ""
        for (i, c) in intPart.enumerated() {
            if i > 0 && (intPart.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        if parts.count > 1 { out += "." + parts[1] }
        let isZero = text.allSatisfy { $0 == "0" || $0 == "." }
        return (value < 0 && !isZero ? "-" : "") + out
    }

    /// Chinese magnitude form for prose and labels: `4,794`, `38.76万`, `21.88亿`.
    ///
    /// Values below 10,000 keep thousands separators; larger ones use 万 or 亿 with up to
    /// `fractionDigits` decimals (trailing zeros dropped).
    public static func chinese(_ value: Double, fractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "" }
        let a = abs(value)
        let sign = value < 0 ? "-" : ""
        if a >= 1e8 { return sign + trimmed(a / 1e8, fractionDigits) + "亿" }
        if a >= 1e4 { return sign + trimmed(a / 1e4, fractionDigits) + "万" }
        if a == a.rounded() { return grouped(value) }
        return sign + trimmed(a, fractionDigits)
    }

    /// A signed percentage from a ratio: `0.1234` → `+12.3%`, `-0.1178` → `-11.8%`, `0` → `0.0%`.
    public static func signedPercent(_ ratio: Double, fractionDigits: Int = 1) -> String {
        guard ratio.isFinite else { return "" }
        let p = ratio * 100
        let body = positional(abs(p), fractionDigits: fractionDigits)
        let isZero = body.allSatisfy { $0 == "0" || $0 == "." }
        if isZero { return body + "%" }
        return (p > 0 ? "+" : "-") + body + "%"
    }

    /// A signed number: `+146`, `-640`, `0`.
    public static func signed(_ value: Double, fractionDigits: Int = 0) -> String {
        let body = grouped(abs(value), fractionDigits: fractionDigits)
        if value == 0 || body.allSatisfy({ $0 == "0" || $0 == "." }) { return body }
        return (value > 0 ? "+" : "-") + body
    }

    /// `value` rounded half away from zero to `fractionDigits` decimals, in positional notation.
    public static func positional(_ value: Double, fractionDigits: Int) -> String {
        guard value.isFinite else { return "" }
        let digits = max(0, min(fractionDigits, 15))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let neg = value < 0 && scaled != 0
        if scaled < 9.0e18 {
            let n = UInt64(scaled)
            var s = String(n)
            if digits > 0 {
                if s.count <= digits { s = String(repeating: "0", count: digits - s.count + 1) + s }
                s.insert(".", at: s.index(s.endIndex, offsetBy: -digits))
            }
            return (neg ? "-" : "") + s
        }
        return (neg ? "-" : "") + "\(abs(value).rounded())"
    }

    private static func trimmed(_ value: Double, _ fractionDigits: Int) -> String {
        var s = positional(value, fractionDigits: fractionDigits)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
}
