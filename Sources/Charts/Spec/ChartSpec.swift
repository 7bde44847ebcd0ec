import SeriesModel

/// Everything a chart shows, as a plain value: the input of layout and rendering.
///
/// ```swift
/// var spec = ChartSpec(kind: .line, title: "行政许可·项目数量", unit: "项",
///                      series: [ChartSeries(label: "牡丹江市人民政府", values: [2019: 5434, 2020: 4794])])
/// spec.source = "数据来源：牡丹江市2020年政府信息公开工作年度报告"
/// let png = try Chart.render(spec, format: .png)
/// ```
public struct ChartSpec: Sendable, Hashable, Codable {
    /// How values are written on the axis and in labels.
    public enum ValueFormat: String, Sendable, Hashable, Codable {
        /// Counts and amounts, scaled to 万/亿 by range and stated in the axis title.
        case number
        /// Values in percent points (50 = 50%).
        case percent
    }

    /// What a `change` chart shows.
    public enum ChangeMeasure: String, Sendable, Hashable, Codable, CaseIterable {
        /// Value minus the previous year's value.
        case difference
        /// Year-on-year change in percent (a zero or missing base gives no bar and says so).
        case percent
        /// The values are already changes (e.g. `licensing.items_change`).
        case value
    }

    /// Whether facet panels share one y scale.
    public enum FacetScale: String, Sendable, Hashable, Codable {
        case shared, free
    }

    /// The chart kind.
    public var kind: ChartKind
    /// The title; wraps when long.
    public var title: String
    /// A line under the title, e.g. the body and the years.
    public var subtitle: String?
    /// The source line, e.g. `数据来源：平潭综合实验区政府信息公开工作年度报告`.
    public var source: String?
    /// The unit of the values as given (件, 项, 万元, %).
    public var unit: String
    /// Numbers or percentages.
    public var valueFormat: ValueFormat
    /// The x axis title; nil = 年份 (Year).
    public var xTitle: String?
    /// The y axis title; nil = 单位：<unit chosen from the range>.
    public var yTitle: String?
    /// The data: one series per line, bar colour or panel.
    public var series: [ChartSeries]
    /// Value labels, reference and trend lines, highlighted year, notes.
    public var annotations: Annotations
    /// Colours.
    public var theme: Theme.Name
    /// Canvas size and PNG scale.
    public var size: ChartSize
    /// Language of generated words (axis titles, alt text).
    public var language: Language
    /// The earlier year compared by slope, change (several series) and waterfall charts; nil = automatic.
    public var baseYear: Int?
    /// The year shown by rank charts and the later year of slope, change and waterfall; nil = latest.
    public var focusYear: Int?
    /// What a change chart shows.
    public var changeMeasure: ChangeMeasure
    /// Shared or free facet y scales.
    public var facetScale: FacetScale

    public init(kind: ChartKind = .line, title: String, subtitle: String? = nil, source: String? = nil,
                unit: String = "", valueFormat: ValueFormat = .number, xTitle: String? = nil, yTitle: String? = nil,
                series: [ChartSeries], annotations: Annotations = Annotations(), theme: Theme.Name = .briefing,
                size: ChartSize = ChartSize(), language: Language = .zh, baseYear: Int? = nil,
                focusYear: Int? = nil, changeMeasure: ChangeMeasure = .difference, facetScale: FacetScale = .shared) {
        self.kind = kind; self.title = title; self.subtitle = subtitle; self.source = source
        self.unit = unit; self.valueFormat = valueFormat; self.xTitle = xTitle; self.yTitle = yTitle
        self.series = series; self.annotations = annotations; self.theme = theme; self.size = size
        self.language = language; self.baseYear = baseYear; self.focusYear = focusYear
        self.changeMeasure = changeMeasure; self.facetScale = facetScale
    }

    /// Every year that appears in any series, sorted.
    public var allYears: [Int] { Array(Set(series.flatMap { $0.points.map(\.year) })).sorted() }

    /// Years where at least one series has a value, sorted.
    public var yearsWithValues: [Int] { Array(Set(series.flatMap(\.years))).sorted() }
}

