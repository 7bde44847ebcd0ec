import Charts
import ReportReading
import SeriesModel

/// A chart before its spec is made: the values the spec is built from. Recipes are made one at a time as an
/// export goes, and each spec is built inside the task that draws it, so an export never holds every spec.
public struct ExportChartRecipe: Sendable {
    /// The file name without extension (``ExportChart/name``).
    var name: String
    /// The metric of a per-metric chart; empty for a view.
    var metrics: [String]
    /// The body shown, or nil when the chart compares every body.
    var entity: String?
    /// The view of a per-body chart.
    var view: ReportView?
    /// The observations the spec is built from (those of the body, or those of the metric).
    var observations: [Observation]
    /// The kind asked for; nil = the view's own (line for a per-metric chart).
    var kind: ChartKind?

    /// What the recipe gives: the chart, or why not, and the metrics left out as zero in every year.
    struct Outcome {
        var chart: ExportChart?
        var notes: [String] = []
        var zeroMetrics: [String] = []
        /// A `stacked`/`share` request not used (not a composition), or a chart of more than 8 series as facets.
        var keptKind = false
        var faceted = false
    }

    /// The chart with its spec.
    /// - Throws: ``ChartError`` when the observations cannot make the chart.
    public func chart() throws -> ExportChart {
        let made = outcome()
        guard let chart = made.chart else {
            throw ChartError(stage: "choosing data for", chart: name,
                             message: made.notes.first ?? "no values of the chart's metrics for \(entity ?? "any body")")
        }
        return chart
    }

    func outcome() -> Outcome {
        if let view, let entity {
            let picked = view.chart(observations, entity: entity, kind: kind)
            var out = Outcome(notes: picked.notes, zeroMetrics: picked.zeroMetrics, keptKind: picked.keptKind)
            if let spec = picked.spec {
                out.faceted = spec.kind == .facets && kind != .facets
                out.chart = ExportChart(name: name, metrics: Self.drawn(view, observations, zero: picked.zeroMetrics),
                                        entity: entity, spec: spec)
            }
            return out
        }
        do {
            var spec = try ChartSpec(observations: observations, metrics: metrics, entities: entity.map { [$0] } ?? [],
                                     kind: kind ?? .line)
            var out = Outcome()
            if spec.kind == .stacked || spec.kind == .share {
                // Bodies are the parts of a year's sum only where two or more bodies report it: else one body's
                // bar would read 100 %.
                var bodies: [Int: Int] = [:]
                for s in spec.series { for y in s.years { bodies[y, default: 0] += 1 } }
                if bodies.values.contains(where: { $0 < 2 }) {
                    spec.kind = .bar
                    spec.size = ChartKind.bar.defaultSize
                    out.keptKind = true
                }
            }
            out.faceted = spec.limitSeries()
            spec.markTemplateChange()
            out.chart = ExportChart(name: name, metrics: metrics, entity: entity, spec: spec)
            return out
        } catch {
            return Outcome(notes: ["\(error)"])
        }
    }

    /// The metric ids a view's chart draws for the body (present, not zero throughout).
    private static func drawn(_ view: ReportView, _ obs: [Observation], zero: [String]) -> [String] {
        let present = Set(obs.map(\.metric))
        let ids = view.isOutcomeShares
            ? ShareGroup.applicationOutcomes.parts.flatMap(\.sum.metrics)
            : view.metricIDs
        return ids.filter { present.contains($0) && !zero.contains($0) }.uniquedInOrder()
    }
}
