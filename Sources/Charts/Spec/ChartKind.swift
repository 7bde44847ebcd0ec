/// The kinds of chart trendplot draws.
public enum ChartKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Lines over years, one per series, with markers and direct end labels.
    case line
    /// Grouped bars: one group per year, one bar per series.
    case bar
    /// Stacked bars: one bar per year, one segment per series.
    case stacked
    /// 100% stacked bars: each year's composition.
    case share
    /// Diverging bars of year-on-year changes, signed colour plus ▲/▼.
    case change
    /// Two years, many series: one line from the first year to the second per series.
    case slope
    /// Small multiples: one panel per series.
    case facets
    /// One year, series sorted by value as horizontal bars.
    case rank
    /// Last year's total → each series' change → this year's total.
    case waterfall
    /// A tiny line without axes.
    case sparkline

    /// The Chinese name, for messages and the gallery.
    public var labelZh: String {
        switch self {
        case .line: "折线图"
        case .bar: "分组柱状图"
        case .stacked: "堆积柱状图"
        case .share: "百分比堆积图"
        case .change: "增减图"
        case .slope: "斜率图"
        case .facets: "分面小图"
        case .rank: "排名图"
        case .waterfall: "瀑布图"
        case .sparkline: "迷你图"
        }
    }
}
