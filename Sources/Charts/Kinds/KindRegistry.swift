/// The kinds of chart trendplot draws. Each kind's decisions live in its own file in `Kinds/` (see `KindLayout`);
/// a new case goes here, next to its line in ``KindRegistry``.
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

/// The one place that maps a ``ChartKind`` to the type that draws it. The `switch` is exhaustive: a new case in
/// ``ChartKind`` does not compile until it has a line here, and its ``KindLayout`` type does not compile until it
/// makes every decision a kind makes.
enum KindRegistry {
    static func layout(for kind: ChartKind) -> any KindLayout.Type {
        switch kind {
        case .line: LineKind.self
        case .bar: BarKind.self
        case .stacked: StackedKind.self
        case .share: ShareKind.self
        case .change: ChangeKind.self
        case .slope: SlopeKind.self
        case .facets: FacetsKind.self
        case .rank: RankKind.self
        case .waterfall: WaterfallKind.self
        case .sparkline: SparklineKind.self
        }
    }
}

extension ChartKind {
    /// The kind's decisions (see ``KindLayout``).
    var layout: any KindLayout.Type { KindRegistry.layout(for: self) }

    /// The Chinese name, for messages and the gallery.
    public var labelZh: String { layout.labelZh }

    /// The canvas a chart of this kind gets by default: ``ChartSize/sparkline`` for sparklines, else
    /// ``ChartSize/standard``.
    public var defaultSize: ChartSize { layout.defaultSize }
}
