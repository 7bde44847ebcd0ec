import Charts
import ReportReading
import SeriesModel

/// The charts of an export, made one at a time: holds the observations compactly (``CompactObservations``)
/// and the few charts that cannot be drawn, never the specs. Iterating gives the charts of
/// ``ExportPlan/charts(_:per:kind:catalog:)`` in the same order, as recipes.
///
/// ```swift
/// let plan = LazyExportPlan(observations, per: .entity, kind: .line)
/// plan.chartCount                     // charts the plan will give
/// for recipe in plan { let chart = try recipe.chart() }
/// ```
public struct LazyExportPlan: Sequence, Sendable {
    let data: CompactObservations
    let per: ExportPlan.Per
    let kind: ChartKind
    /// The metric ids in catalog order.
    let metrics: [String]
    /// Charts the iteration gives.
    public private(set) var chartCount = 0
    /// Positions (among every candidate chart) of those whose spec cannot be made: they are left out.
    private var unusable = Set<Int>()

    /// Plans from `observations`, which the caller may let go afterwards. Every spec is made once here (and
    /// dropped) to know which charts can be drawn.
    public init(_ observations: [Observation], per: ExportPlan.Per, kind: ChartKind, catalog: MetricCatalog = .standard) {
        data = CompactObservations(observations)
        self.per = per
        self.kind = kind
        metrics = data.metrics.sorted { (catalog.order(of: $0), $0) < (catalog.order(of: $1), $1) }
        var candidates = Iterator(plan: self)
        var position = 0
        while let recipe = candidates.next() {
            if (try? recipe.chart()) == nil { unusable.insert(position) } else { chartCount += 1 }
            position += 1
        }
    }

    /// The charts, as recipes, in plan order.
    public func makeIterator() -> Iterator { Iterator(plan: self) }

    /// Metric charts first (catalog order), then each body's metric groups (bodies in order of first appearance).
    /// Gives the plan's recipes one at a time.
    public struct Iterator: IteratorProtocol {
        private let plan: LazyExportPlan
        private var metricIndex = 0
        private var entityIndex = 0
        private var queued: [ExportChartRecipe] = []
        private var position = 0

        fileprivate init(plan: LazyExportPlan) {
            self.plan = plan
            if plan.per == .entity { metricIndex = plan.metrics.count }
            if plan.per == .metric { entityIndex = plan.data.entities.count }
        }

        public mutating func next() -> ExportChartRecipe? {
            while let recipe = nextCandidate() {
                defer { position += 1 }
                if !plan.unusable.contains(position) { return recipe }
            }
            return nil
        }

        private mutating func nextCandidate() -> ExportChartRecipe? {
            if metricIndex < plan.metrics.count {
                let metric = plan.metrics[metricIndex]
                metricIndex += 1
                return ExportChartRecipe(name: "metric_" + ExportPlan.fileSafe(metric), metrics: [metric], entity: nil,
                                         observations: plan.data.observations(ofMetric: metric), kind: plan.kind)
            }
            while queued.isEmpty && entityIndex < plan.data.entities.count {
                let entity = plan.data.entities[entityIndex]
                let own = plan.data.observations(ofEntity: entityIndex)
                entityIndex += 1
                let present = Set(own.map(\.metric))
                let ownMetrics = plan.metrics.filter { present.contains($0) }
                queued = ExportPlan.groups(ownMetrics, observations: own).reversed().map { group, members in
                    ExportChartRecipe(name: "entity_\(ExportPlan.fileSafe(entity))_\(ExportPlan.fileSafe(group))",
                                      metrics: members, entity: entity, observations: own, kind: plan.kind)
                }
            }
            return queued.popLast()
        }
    }
}
