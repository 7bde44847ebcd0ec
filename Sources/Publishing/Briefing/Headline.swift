import Foundation
import Charts
import SeriesModel

/// Headline titles: the chart's finding as its title ("行政许可2022年增至1.07万件"), the descriptive title moved
/// to the subtitle. Used by `brief --headline` and `plot --headline`; also the takeaway under a briefing figure.
///
/// ```swift
/// Headline.title(for: spec)     // "行政许可2022年增至1.07万件，为2019年的59.1倍"
/// Headline.apply(to: &spec)     // true: spec.title is the headline, spec.subtitle the old title (· the old subtitle)
/// ```
public enum Headline {
    /// The finding of `spec` in one clause, or nil when the chart has no single story to tell (compositions,
    /// all-zero or empty charts): the series that moved most from its first to its last year, in words.
    public static func title(for spec: ChartSpec) -> String? {
        guard ![.share, .stacked, .waterfall].contains(spec.kind) else { return nil }
        let zh = spec.language == .zh
        let percent = spec.valueFormat == .percent
        var best: (score: Double, text: String)?
        for s in spec.series {
            let points = s.points.compactMap { p in p.value.map { (year: p.year, value: $0) } }
            guard let last = points.last else { continue }
            // One series is named by the chart's title (its label is the body), without the explanation in brackets.
            let name = spec.series.count == 1 ? String(spec.title.prefix { $0 != "（" && $0 != "(" }) : s.label
            let amount = Self.amount(last.value, spec)
            guard let first = points.first, first.year != last.year else {
                let score = log10(1 + abs(last.value)) * 0.1
                let text = zh ? "\(name)\(last.year)年为\(amount)" : "\(name): \(amount) in \(last.year)"
                if best == nil || score > best!.score { best = (score, text) }
                continue
            }
            let a = abs(first.value), b = abs(last.value)
            let relative = a == 0 || b == 0 ? (a == b ? 0 : 2) : min(4, abs(log(b / a)))
            let score = percent ? abs(last.value - first.value) / 10 : relative * log10(10 + abs(last.value - first.value))
            var text: String
            if percent {
                let d = last.value - first.value
                text = zh
                    ? "\(name)\(last.year)年为\(amount)" + (d == 0 ? "，与\(first.year)年持平"
                        : "，较\(first.year)年\(d > 0 ? "提高" : "下降")\(pointsText(d))")
                    : "\(name) \(d == 0 ? "unchanged at" : (d > 0 ? "up to" : "down to")) \(amount) in \(last.year)"
            } else if last.value == first.value {
                text = zh ? "\(name)\(last.year)年为\(amount)，与\(first.year)年持平" : "\(name) unchanged at \(amount) in \(last.year)"
            } else {
                let up = last.value > first.value
                text = zh ? "\(name)\(last.year)年\(up ? "增至" : "降至")\(amount)" : "\(name) \(up ? "rose" : "fell") to \(amount) in \(last.year)"
                if up, a > 0, b / a >= 2 {
                    let times = NumberText.positional(b / a, fractionDigits: b / a >= 10 ? 0 : 1)
                    text += zh ? "，为\(first.year)年的\(times)倍" : ", \(times) times \(first.year)"
                }
            }
            if best == nil || score > best!.score { best = (score, text) }
        }
        return best?.text
    }

    /// Makes the finding the title and the descriptive title the subtitle (before the old subtitle). Returns
    /// false, changing nothing, when ``title(for:)`` has no finding.
    @discardableResult
    public static func apply(to spec: inout ChartSpec) -> Bool {
        guard let headline = title(for: spec) else { return false }
        let sep = " · "
        spec.subtitle = [spec.title, spec.subtitle].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: sep)
        spec.title = headline
        return true
    }

    /// A change of a rate in 个百分点.
    static func pointsText(_ d: Double) -> String {
        String(NumberText.percentagePoints(abs(d)).drop { $0 == "+" })
    }

    /// `1.07万件`, `2,113件`, `47.97%`, `2.43亿元` (万元 amounts in 元 magnitudes).
    static func amount(_ v: Double, _ spec: ChartSpec) -> String {
        if spec.valueFormat == .percent { return NumberText.positional(v, fractionDigits: 1) + "%" }
        let zh = spec.language == .zh
        if spec.unit == "万元" { return zh ? NumberText.chinese(v * 10_000) + "元" : "¥" + NumberText.grouped(v * 10_000) }
        let n = zh ? NumberText.chinese(v) : NumberText.grouped(v, fractionDigits: v == v.rounded() ? 0 : 2)
        return zh ? n + spec.unit : (spec.unit.isEmpty ? n : "\(n) \(spec.unit)")
    }
}
