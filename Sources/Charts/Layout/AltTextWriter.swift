import SeriesModel

/// Writes the alt text of a chart from its data: what is shown, the range and the trend, in Chinese or English.
///
/// ```swift
/// AltTextWriter.altText(for: spec).description
/// // "折线图，1个系列，2019年至2020年。行政许可·项目数量：由2019年的5,434项降至2020年的4,794项，减少11.8%。"
/// ```
public enum AltTextWriter {
    /// The alt text of `spec` in its language.
    public static func altText(for spec: ChartSpec) -> AltText {
        altText(for: ResolvedChart(spec))
    }

    /// The alt text of a resolved chart in its language.
    public static func altText(for chart: ResolvedChart) -> AltText {
        let spec = chart.spec
        let zh = spec.language == .zh
        let years = spec.yearsWithValues
        let kindName = zh ? spec.kind.labelZh : spec.kind.rawValue + " chart"
        let title = spec.title.isEmpty ? kindName : (zh ? "\(kindName)：\(spec.title)" : "\(kindName): \(spec.title)")
        var parts: [String] = []
        let unit = chart.valueUnit
        func num(_ v: Double) -> String {
            let t = v == v.rounded() && abs(v) < 1e15 ? NumberText.grouped(v) : NumberText.grouped(v, fractionDigits: 2)
            return zh ? t + unit : t + (unit.isEmpty ? "" : " " + unit)
        }
        if let f = years.first, let l = years.last {
            let n = spec.series.count
            if zh {
                parts.append("\(kindName)，\(n)个系列，" + (f == l ? "\(f)年。" : "\(f)年至\(l)年。"))
            } else {
                parts.append("A \(kindName) of \(n) series, " + (f == l ? "\(f)." : "\(f) to \(l)."))
            }
            let missing = Set(f...l).subtracting(years).sorted()
            if !missing.isEmpty && l - f < 200 {
                let list = missing.map(String.init).joined(separator: zh ? "、" : ", ")
                parts.append(zh ? "\(list)年无数据。" : "No data for \(list).")
            }
        } else {
            parts.append(zh ? "\(kindName)，没有数据。" : "A \(kindName) with no data.")
        }
        parts += spec.kind.layout.altTextSummary(spec, comparing: chart.comparedYears, num: num)
        if let src = spec.source, !src.isEmpty { parts.append(src.hasSuffix("。") || src.hasSuffix(".") ? src : src + (zh ? "。" : ".")) }
        return AltText(title: title, description: parts.joined(separator: zh ? "" : " "))
    }

    /// `另有N个系列。` when more series are drawn than ``seriesSentences(_:num:)`` describes (12).
    static func moreSeries(_ spec: ChartSpec) -> [String] {
        guard spec.series.count > 12 else { return [] }
        return [spec.language == .zh ? "另有\(spec.series.count - 12)个系列。" : "\(spec.series.count - 12) more series."]
    }

    /// First → last value, change and extremes of each series (up to 12).
    static func seriesSentences(_ spec: ChartSpec, num: (Double) -> String) -> [String] {
        let zh = spec.language == .zh
        var parts: [String] = []
        for s in spec.series.prefix(12) {
            let pts = s.points.compactMap { p in p.value.map { (year: p.year, value: $0) } }
            guard let first = pts.first, let last = pts.last else { continue }
            if pts.count == 1 {
                parts.append(zh ? "\(s.label)：\(first.year)年为\(num(first.value))。"
                                : "\(s.label): \(num(first.value)) in \(first.year).")
                continue
            }
            let diff = last.value - first.value
            let pct = first.value != 0 ? NumberText.grouped(abs(diff / first.value) * 100, fractionDigits: 1) + "%" : nil
            // Growth beyond threefold reads better as a multiple: 181 → 10,690 is 59.1 times, not +5,806.1%.
            let times = first.value > 0 && last.value >= 3 * first.value ? NumberText.grouped(last.value / first.value, fractionDigits: 1) : nil
            if zh {
                let verb = diff > 0 ? "增至" : (diff < 0 ? "降至" : "持平于")
                var t = "\(s.label)：由\(first.year)年的\(num(first.value))\(verb)\(last.year)年的\(num(last.value))"
                if let times { t += "，为\(first.year)年的\(times)倍" } else if diff != 0, let pct { t += diff > 0 ? "，增长\(pct)" : "，减少\(pct)" }
                let mx = pts.max { $0.value < $1.value }!, mn = pts.min { $0.value < $1.value }!
                if pts.count > 2 { t += "；最高\(mx.year)年\(num(mx.value))，最低\(mn.year)年\(num(mn.value))" }
                parts.append(t + "。")
            } else {
                let verb = diff > 0 ? "rose" : (diff < 0 ? "fell" : "held")
                var t = "\(s.label): \(verb) from \(num(first.value)) in \(first.year) to \(num(last.value)) in \(last.year)"
                if let times { t += " (\(times) times)" } else if diff != 0, let pct { t += " (\(diff > 0 ? "+" : "-")\(pct))" }
                let mx = pts.max { $0.value < $1.value }!, mn = pts.min { $0.value < $1.value }!
                if pts.count > 2 { t += "; highest \(num(mx.value)) in \(mx.year), lowest \(num(mn.value)) in \(mn.year)" }
                parts.append(t + ".")
            }
        }
        return parts
    }
}
