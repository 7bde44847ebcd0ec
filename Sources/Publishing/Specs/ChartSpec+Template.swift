import Charts
import SeriesModel

extension ChartSpec {
    /// The most series one chart draws; beyond it the chart becomes small multiples (``ChartKind/facets``).
    public static let maxSeries = 8

    /// The year the 2021 template (国办公开办函〔2021〕30号) took effect.
    static let templateChangeYear = 2021

    /// Marks the 2021 template change on a chart whose shown years cross it (some year up to 2020 and some year from
    /// 2021): one ``Annotations/PeriodBreak`` after 2020, labelled. A chart of one year, or of years on one side of
    /// the change, gets none.
    ///
    /// ```swift
    /// spec.markTemplateChange()   // a 2019–2022 line: periodBreaks == [PeriodBreak(afterYear: 2020, …)]
    /// ```
    public mutating func markTemplateChange() {
        let years = comparedYears?.years ?? Set(yearsWithValues)
        let change = Self.templateChangeYear
        guard years.contains(where: { $0 < change }), years.contains(where: { $0 >= change }) else {
            annotations.periodBreaks.removeAll { $0.afterYear == change - 1 }
            return
        }
        let label = language == .zh ? "2021年起执行新版年报格式" : "New report template from 2021"
        annotations.periodBreaks = [Annotations.PeriodBreak(afterYear: change - 1, label: label)]
    }

    /// A chart of more than ``maxSeries`` series as facets (one small panel per series on a shared scale), since
    /// no legend or palette tells nine or more lines apart; so is a sparkline of several series (it draws one, and
    /// names none). Rank charts (one bar per series) and facets are kept.
    /// - Returns: true when the kind was changed.
    @discardableResult
    public mutating func limitSeries() -> Bool {
        let tooMany = series.count > Self.maxSeries || (kind == .sparkline && series.count > 1)
        guard tooMany, kind != .rank, kind != .facets else { return false }
        kind = .facets
        facetScale = .shared
        size = ChartKind.facets.defaultSize
        return true
    }

    /// The subtitle's years for the kind: the year a rank chart shows, the two years a change, slope or waterfall
    /// chart compares (`2022年较2021年`, `2021年与2022年`, `2021年至2022年`), else the span of the years with values.
    /// The one rule behind every generated subtitle.
    func yearsPhrase() -> String? {
        let zh = language == .zh
        let years = yearsWithValues
        guard let first = years.first, let last = years.last else { return nil }
        if let compared = comparedYears {
            let focus = compared.focus
            if let base = compared.base, base != focus {
                switch kind {
                case .change: return zh ? "\(focus)年较\(base)年" : "\(focus) vs \(base)"
                case .waterfall: return zh ? "\(base)年至\(focus)年" : "\(base) to \(focus)"
                default: return zh ? "\(base)年与\(focus)年" : "\(base) and \(focus)"
                }
            }
            return zh ? "\(focus)年" : "\(focus)"
        }
        return first == last ? (zh ? "\(last)年" : "\(last)") : (zh ? "\(first)—\(last)年" : "\(first)–\(last)")
    }

    /// Sets the subtitle to `lead · years · notes` (``yearsPhrase()``; empty parts left out).
    mutating func setSubtitle(lead: String?, notes: [String] = []) {
        let parts = [lead, yearsPhrase()].compactMap { $0 }.filter { !$0.isEmpty } + notes
        subtitle = parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}

/// A list of years in words: runs of three or more consecutive years as a range (`2019—2022`), the rest with 、
/// (`2019、2021、2022`); English uses en dashes and commas.
func yearsInWords(_ years: [Int], zh: Bool) -> String {
    let sorted = Array(Set(years)).sorted()
    var parts: [String] = []
    var i = 0
    while i < sorted.count {
        var j = i
        while j + 1 < sorted.count && sorted[j + 1] == sorted[j] + 1 { j += 1 }
        if j - i >= 2 {
            parts.append("\(sorted[i])\(zh ? "—" : "–")\(sorted[j])")
        } else {
            parts += sorted[i...j].map(String.init)
        }
        i = j + 1
    }
    return parts.joined(separator: zh ? "、" : ", ")
}
