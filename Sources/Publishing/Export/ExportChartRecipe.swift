import Charts
import ReportReading
import SeriesModel

/// A chart before its spec is made: the values the spec is built from. Recipes are made one at a time as an
/// export goes, and each spec is built inside the task that draws it, so an export never holds every spec.
public struct ExportChartRecipe: Sendable {
    /// The file name without extension (``ExportChart/name``).
    var name: String
    var metrics: [String]
    /// The body shown, or nil when the chart compares every body.
    var entity: String?
    /// The observations the spec is built from (those of the body, or those of the metric).
    var observations: [Observation]
    var kind: ChartKind

    /// The chart with its spec.
    /// - Throws: ``ChartError`` when the observations cannot make the chart.
    public func chart() throws -> ExportChart {
        let spec = try ChartSpec(observations: observations, metrics: metrics, entities: entity.map { [$0] } ?? [],
                                 kind: kind)
        return ExportChart(name: name, metrics: metrics, entity: entity, spec: spec)
    }
}
