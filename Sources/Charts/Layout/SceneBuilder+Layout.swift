extension SceneBuilder {
    /// Lays out the chart of the spec's kind.
    mutating func layout() {
        switch spec.kind {
        case .line: layoutLine()
        default: layoutLine()
        }
    }
}
