extension SceneBuilder {
    /// Lays out the chart of the spec's kind.
    mutating func layout() {
        switch spec.kind {
        case .line: layoutLine()
        case .bar: layoutBar()
        case .stacked: layoutStacked(share: false)
        case .share: layoutStacked(share: true)
        case .change: layoutChange()
        case .slope: layoutSlope()
        case .facets: layoutFacets()
        case .rank: layoutRank()
        case .waterfall: layoutWaterfall()
        case .sparkline: layoutSparkline()
        }
    }
}
