import Charts

/// The messages of choosing a chart's data from observations (``ChartSpec/init(observations:metrics:entities:kind:language:catalog:)``).
extension ChartError {
    static func noMetric() -> ChartError {
        ChartError(stage: "choosing data for", chart: "", message: "no metric given: pass --metric ID (see `trendplot metrics`)")
    }

    static func noObservations(metric: String, entities: [String], inCatalog: Bool, chart: String) -> ChartError {
        let scope = entities.isEmpty ? "" : " for " + entities.joined(separator: ", ")
        let known = inCatalog ? "" : " (it is not in the metric catalog either; see `trendplot metrics`)"
        return ChartError(stage: "choosing data for", chart: chart, message: "no observation of metric “\(metric)”\(scope) in the data\(known)")
    }

    static func mixedUnits(_ units: [(metric: String, unit: String)], chart: String) -> ChartError {
        let list = units.map { "\($0.metric) (\($0.unit))" }.joined(separator: ", ")
        return ChartError(stage: "choosing data for", chart: chart,
                          message: "the metrics have different units: \(list); one axis shows one unit, so plot them separately or use --kind facets")
    }
}
