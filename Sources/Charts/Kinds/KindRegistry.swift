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
