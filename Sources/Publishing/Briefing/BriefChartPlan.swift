import Charts
import ReportReading
import SeriesModel

/// Which charts a briefing shows for one body.
///
/// The default plan: decisions on licensing, penalties and coercion; applications received and processed; the
/// outcomes of 表三 as shares; the disclosure rate (公开率); reviews and lawsuits; normative documents. Metrics
/// without data for the body are left out, and so is a chart left with none.
public struct BriefChartPlan: Sendable, Hashable {
    /// One planned chart.
    public struct Item: Sendable, Hashable {
        /// The metric ids (empty for the outcome-shares chart).
        public var metrics: [String]
        /// True for the 表三 outcome-shares chart.
        public var outcomeShares: Bool
        /// The chart title, or nil for the one the metric labels give.
        public var titleZh: String?
        public var titleEn: String?
        /// The chart kind, or nil for a line over three or more years and bars otherwise.
        public var kind: ChartKind?
        /// Short series labels parallel to `metrics` (empty: the metrics' own labels).
        public var labelsZh: [String]
        public var labelsEn: [String]
        /// The ``ViewCatalog`` view the item draws (by ``ReportView/chart(_:entity:language:kind:catalog:)``, the
        /// demo's rule), or nil for a chart of `metrics` alone.
        public var view: String?

        public init(metrics: [String], outcomeShares: Bool = false, titleZh: String? = nil, titleEn: String? = nil,
                    kind: ChartKind? = nil, labelsZh: [String] = [], labelsEn: [String] = [], view: String? = nil) {
            self.metrics = metrics; self.outcomeShares = outcomeShares; self.titleZh = titleZh; self.titleEn = titleEn
            self.kind = kind; self.labelsZh = labelsZh; self.labelsEn = labelsEn; self.view = view
        }
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// The default set of charts: ``ViewCatalog/briefing``, with the catalog's titles and series labels.
    public static let standard = BriefChartPlan(items: ViewCatalog.briefing.map { view in
        Item(metrics: view.metrics.map(\.id), outcomeShares: view.isOutcomeShares, titleZh: view.titleZh,
             titleEn: view.titleEn, kind: view.kind == .line ? nil : view.kind,
             labelsZh: view.metrics.map(\.zh), labelsEn: view.metrics.map(\.en), view: view.name)
    })

    /// One chart per metric id or ``MetricPattern`` (`review.*`, `*.decisions`), in the order given.
    public static func metrics(_ patterns: [String], available: [String]) -> BriefChartPlan {
        BriefChartPlan(items: MetricPattern.select(patterns, from: available).map { Item(metrics: [$0]) })
    }
}
