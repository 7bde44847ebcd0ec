/// A plain-text table for terminals that lines up Chinese text (East Asian wide characters take two columns).
///
/// ```swift
/// print(TextTable.render(header: ["指标", "2020"], rows: [["行政许可", "4,794"]]))
/// ```
public enum TextTable {
    /// Renders `rows` under `header`, columns separated by two spaces; columns listed in `rightAligned` align right.
    public static func render(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let all = [header] + rows
        let n = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: n)
        for r in all { for (i, c) in r.enumerated() { widths[i] = max(widths[i], displayWidth(c)) } }
        func line(_ r: [String]) -> String {
            var parts: [String] = []
            for i in 0..<n {
                let c = i < r.count ? r[i] : ""
                let pad = String(repeating: " ", count: widths[i] - displayWidth(c))
                parts.append(rightAligned.contains(i) ? pad + c : (i == n - 1 ? c : c + pad))
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = line(header) + "\n"
        out += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for r in rows { out += line(r) + "\n" }
        return out
    }

    /// The number of terminal columns `text` takes: 2 for East Asian wide and full-width characters, 0 for combining marks.
    public static func displayWidth(_ text: String) -> Int {
        var w = 0
        for u in text.unicodeScalars {
            let v = u.value
            if u.properties.generalCategory == .nonspacingMark || v == 0x200B { continue }
            if (0x1100...0x115F).contains(v) || (0x2E80...0x303E).contains(v) || (0x3041...0x33FF).contains(v)
                || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v) || (0xA000...0xA4CF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
                {
                w += 2
            } else {
                w += 1
            }
        }
        return w
    }
}
