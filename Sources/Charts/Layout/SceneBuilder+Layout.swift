extension SceneBuilder {
    /// Lays out the chart of the spec's kind, or a `无数据` message when it has nothing to draw.
    mutating func layout() {
        guard chart.hasDrawableData else { return layoutNoData() }
        spec.kind.layout.layout(&self)
    }
}
