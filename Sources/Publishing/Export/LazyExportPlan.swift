import Charts
import ReportReading
import SeriesModel

/// The charts of an export, made one at a time: holds the observations compactly (``CompactObservations``)
/// and the few charts that cannot be drawn, never the specs. Iterating gives the charts of
/// ``ExportPlan/charts(_:per:kind:catalog:)`` in the same order, as recipes.
///
/// Per metric: one chart per metric in catalog order, bodies compared; a metric zero in every year for every
/// body is left out. Per body (bodies in ``EntityOrder``): the views of ``ViewCatalog`` in reading order, each
/// drawn by ``ReportView/chart(_:entity:language:kind:catalog:)``; a metric zero in every year, a metric no view
/// shows, and a view the data cannot show are left out. Every omission is listed once in ``omitted``.
///
/// ```swift
/// let plan = LazyExportPlan(observations, per: .entity)
/// plan.chartCount                     // charts the plan will give
/// plan.omitted.first?.reason          // "zero in every year"
/// for recipe in plan { let chart = try recipe.chart() }
/// ```
public struct LazyExportPlan: Sequence, Sendable {
    let data: CompactObservations
    let per: ExportPlan.Per
    let kind: ChartKind?
    /// The metric ids drawn per metric, in catalog order (those zero in every year left out).
    let metrics: [String]
    /// Body positions in ``CompactObservations/entities``, in ``EntityOrder``.
    let entityOrder: [Int]
    /// Charts the iteration gives.
    public private(set) var chartCount = 0
    /// Positions (among every candidate chart) of those whose spec cannot be made: they are left out.
    private var unusable = Set<Int>()
    /// What no chart draws, and why: each metric or view once, in plan order.
    private(set) var omitted: [ExportManifest.Omission] = []
    /// Charts drawn as another kind than asked: `stacked`/`share` of what is not a composition (as bars or as the
    /// view's kind), and charts of more than 8 series (as facets).
    public private(set) var keptKindCount = 0
    public private(set) var facetedCount = 0

    /// Plans from `observations`, which the caller may let go afterwards. Every spec is made once here (and
    /// dropped) to know which charts can be drawn. `kind` nil: each view's own kind (a line per metric).
    public init(_ observations: [Observation], per: ExportPlan.Per, kind: ChartKind? = nil,
                catalog: MetricCatalog = .standard) {
        data = CompactObservations(observations)
        self.per = per
        self.kind = kind
        let all = data.metrics.sorted { (catalog.order(of: $0), $0) < (catalog.order(of: $1), $1) }
        var nonZero = Set<String>()
        for o in observations where o.value != 0 { nonZero.insert(o.metric) }
        metrics = all.filter { nonZero.contains($0) }
        let names = data.entities
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        entityOrder = EntityOrder.sorted(names).compactMap { position[$0] }
        if per != .entity {
            let zero = all.filter { !nonZero.contains($0) }
            if !zero.isEmpty {
                omitted.append(.init(entity: nil, chart: nil, reason: ExportPlan.zeroReason, metrics: zero))
            }
        }
        var candidates = Iterator(plan: self)
        var index = 0
        var viewNotes: [String: [ExportManifest.Omission]] = [:]   // body → views it has data for but cannot show
        while let recipe = candidates.next() {
            let made = recipe.outcome()
            if made.chart == nil { unusable.insert(index) } else { chartCount += 1 }
            if made.keptKind && made.chart != nil { keptKindCount += 1 }
            if made.faceted { facetedCount += 1 }
            if let view = recipe.view, let entity = recipe.entity, made.chart == nil,
               let note = made.notes.first, note != "not drawn, every value is zero" {
                let present = Set(recipe.observations.map(\.metric))
                viewNotes[entity, default: []].append(.init(entity: entity, chart: view.name, reason: note,
                                                            metrics: view.metricIDs.filter(present.contains)))
            }
            index += 1
        }
        if per != .metric {
            // Per body, in plan order: the views it cannot show, its metrics zero in every year, and those no view
            // reads (one pass over each body's observations).
            let viewed = Set(ViewCatalog.all.flatMap { $0.isOutcomeShares ? ShareGroup.applicationOutcomes.parts.flatMap(\.sum.metrics) : $0.metricIDs })
            func sorted(_ ids: Set<String>) -> [String] { ids.sorted { (catalog.order(of: $0), $0) < (catalog.order(of: $1), $1) } }
            for i in entityOrder {
                let entity = data.entities[i]
                var own = Set<String>(), moving = Set<String>()
                for o in data.observations(ofEntity: i) {
                    own.insert(o.metric)
                    if o.value != 0 { moving.insert(o.metric) }
                }
                omitted += viewNotes[entity] ?? []
                let zero = own.subtracting(moving)
                if !zero.isEmpty {
                    omitted.append(.init(entity: entity, chart: nil, reason: ExportPlan.zeroReason, metrics: sorted(zero)))
                }
                let unviewed = own.subtracting(viewed).subtracting(zero)
                if !unviewed.isEmpty {
                    omitted.append(.init(entity: entity, chart: nil, reason: ExportPlan.perMetricOnlyReason,
                                         metrics: sorted(unviewed)))
                }
            }
        }
    }

    /// The charts, as recipes, in plan order.
    public func makeIterator() -> Iterator { Iterator(plan: self) }

    /// Metric charts first (catalog order), then each body's views (bodies in ``EntityOrder``, views in reading
    /// order). Gives the plan's recipes one at a time.
    public struct Iterator: IteratorProtocol {
        private let plan: LazyExportPlan
        private var metricIndex = 0
        private var entityIndex = 0
        private var queued: [ExportChartRecipe] = []
        private var position = 0

        fileprivate init(plan: LazyExportPlan) {
            self.plan = plan
            if plan.per == .entity { metricIndex = plan.metrics.count }
            if plan.per == .metric { entityIndex = plan.entityOrder.count }
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
                                         view: nil, observations: plan.data.observations(ofMetric: metric), kind: plan.kind)
            }
            while queued.isEmpty && entityIndex < plan.entityOrder.count {
                let index = plan.entityOrder[entityIndex]
                let entity = plan.data.entities[index]
                let own = plan.data.observations(ofEntity: index)
                entityIndex += 1
                let present = Set(own.map(\.metric))
                queued = ViewCatalog.all.reversed().compactMap { view in
                    let reads = view.isOutcomeShares ? ShareGroup.applicationOutcomes.parts.flatMap(\.sum.metrics) : view.metricIDs
                    guard reads.contains(where: present.contains) else { return nil }
                    return ExportChartRecipe(name: "entity_\(ExportPlan.fileSafe(entity))_\(view.name)", metrics: [],
                                             entity: entity, view: view, observations: own, kind: plan.kind)
                }
            }
            return queued.popLast()
        }
    }
}

extension ExportPlan {
    /// The reason of metrics left out because every value is zero.
    static let zeroReason = "zero in every year"
    /// The reason of metrics no per-body view shows (the applicant columns of 表三's outcome rows, the indicators
    /// other than 公开率): the per-metric charts show them.
    static let perMetricOnlyReason = "in no per-body chart; drawn by --per metric"

    /// One line for stderr: how many metrics every chart leaves out because they are zero in every year, and where
    /// the list is.
    public static func omissionSummary(_ plan: LazyExportPlan) -> String? {
        let zero = plan.omitted.filter { $0.reason == zeroReason }.flatMap(\.metrics).uniquedInOrder()
        var parts: [String] = []
        if !zero.isEmpty {
            parts.append("\(zero.count) metric(s) zero in every year left out (e.g. \(zero.prefix(3).joined(separator: ", ")))")
        }
        let views = plan.omitted.filter { $0.chart != nil }.count
        if views > 0 { parts.append("\(views) view(s) the data cannot show") }
        let unviewed = plan.omitted.filter { $0.reason == perMetricOnlyReason }.reduce(0) { $0 + $1.metrics.count }
        if unviewed > 0 { parts.append("\(unviewed) metric(s) only in the per-metric charts") }
        if plan.keptKindCount > 0 { parts.append("\(plan.keptKindCount) chart(s) not a composition, drawn as bars or their own kind") }
        if plan.facetedCount > 0 { parts.append("\(plan.facetedCount) chart(s) drawn as facets (more than \(ChartSpec.maxSeries) series, or a sparkline of several)") }
        guard !parts.isEmpty else { return nil }
        return parts.joined(separator: "; ") + "; listed under “omitted” in \(ExportManifest.fileName)"
    }
}
