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

    /// Chinese magnitude form for prose and labels: `4,794`, `38.76万`, `21.88亿`, `1.2万亿`.
    ///
    /// Values below 10,000 keep thousands separators; larger ones use 万, 亿 or 万亿 (from 10⁴ 亿) with up to
    /// `fractionDigits` decimals (trailing zeros dropped).
    public static func chinese(_ value: Double, fractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "" }
        let a = abs(value)
        let sign = value < 0 ? "-" : ""
        if a >= 1e12 { return sign + trimmed(a / 1e12, fractionDigits) + "万亿" }
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

    // MARK: Display forms (text a person reads: charts, tables, prose)

    /// The minus sign of displayed numbers, U+2212 (machine-readable text keeps the ASCII hyphen).
    public static let minus = "\u{2212}"

    /// `text` with a leading ASCII hyphen (after an optional `+`/`▲`/`▼`/`<`/`>`) turned into U+2212.
    public static func displayMinus(_ text: String) -> String {
        var chars = Array(text)
        for i in chars.indices {
            if chars[i] == "-" { chars[i] = "\u{2212}"; break }
            if !"<>▲▼ ".contains(chars[i]) { break }
        }
        return String(chars)
    }

    /// A displayed number with thousands separators and U+2212: `−1,200`, `38.76`, zero always `0`.
    ///
    /// A value that is not a whole number keeps at least `minimumSignificant` significant digits, adding decimals
    /// beyond `fractionDigits` when needed (`0.0181` at 2 decimals is `0.018`, `0.54` at 0 decimals is `0.54`),
    /// so a small value never reads as a rounded-off one.
    public static func display(_ value: Double, fractionDigits: Int = 0, minimumSignificant: Int = 2) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        var d = max(0, fractionDigits)
        d = enoughDigits(abs(value), from: d, minimumSignificant: minimumSignificant)
        let text = grouped(value, fractionDigits: d)
        if text.allSatisfy({ $0 == "0" || $0 == "." || $0 == "-" }) { return "0" }
        return displayMinus(text)
    }

    /// A displayed signed number: `+146`, `−640`, `0`; fractions as in ``display(_:fractionDigits:minimumSignificant:)``.
    public static func displaySigned(_ value: Double, fractionDigits: Int = 0) -> String {
        let body = display(abs(value), fractionDigits: fractionDigits)
        if body.isEmpty || body == "0" { return body }
        return (value > 0 ? "+" : minus) + body
    }

    /// A displayed signed percentage from a ratio: `0.1234` → `+12.3%`, `-0.1178` → `−11.8%`, `0` → `0%`.
    public static func displaySignedPercent(_ ratio: Double, fractionDigits: Int = 1) -> String {
        guard ratio.isFinite else { return "" }
        return displaySigned(ratio * 100, fractionDigits: fractionDigits) + "%"
    }

    /// A difference between two rates, in 个百分点: `+2.1个百分点`, `−0.4个百分点`, `0个百分点`.
    ///
    /// `diff` is in percentage points (50.72% → 47.97% is `-2.75`), one decimal unless more are needed for two
    /// significant digits.
    public static func percentagePoints(_ diff: Double) -> String {
        guard diff.isFinite else { return "" }
        return displaySigned(diff, fractionDigits: 1) + "个百分点"
    }

    /// ``chinese(_:fractionDigits:)`` with U+2212 and at least two significant digits: `−38.76万`, `0.54亿`, `1万亿`.
    public static func displayChinese(_ value: Double, fractionDigits: Int = 2) -> String {
        guard value.isFinite else { return "" }
        if value == 0 { return "0" }
        let a = abs(value)
        let sign = value < 0 ? minus : ""
        for (size, unit) in [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")] where a >= size {
            return sign + groupedTrimmed(a / size, enoughDigits(a / size, from: fractionDigits, minimumSignificant: 2)) + unit
        }
        if a == a.rounded() { return sign + grouped(a) }
        return sign + groupedTrimmed(a, enoughDigits(a, from: fractionDigits, minimumSignificant: 2))
    }

    private static func groupedTrimmed(_ value: Double, _ fractionDigits: Int) -> String {
        var t = Substring(grouped(value, fractionDigits: fractionDigits))
        if t.contains(".") { while t.hasSuffix("0") { t.removeLast() }; if t.hasSuffix(".") { t.removeLast() } }
        return String(t)
    }

    /// The decimals (from `start`) that give `magnitude` at least `minimumSignificant` significant digits, or
    /// print it exactly if that takes fewer.
    static func enoughDigits(_ magnitude: Double, from start: Int, minimumSignificant: Int) -> Int {
        var d = max(0, start)
        while d < 12 {
            let text = positional(magnitude, fractionDigits: d)
            if significantDigits(text) >= minimumSignificant || Double(text) == magnitude { break }
            d += 1
        }
        return d
    }

    /// Significant digits in a positional text: `0.02` → 1, `0.018` → 2, `181` → 3.
    static func significantDigits(_ text: String) -> Int {
        let digits = text.filter(\.isNumber).drop { $0 == "0" }
        return digits.count
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
