extension SceneBuilder {
    /// Lays out the chart of the spec's kind, or a `无数据` message when it has nothing to draw.
    mutating func layout() {
        guard spec.hasDrawableData else { return layoutNoData() }
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
