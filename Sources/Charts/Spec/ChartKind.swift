/// The kinds of chart trendplot draws. Each kind's decisions live in its own file in `Kinds/` (see `KindLayout`).
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
}
