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

        public init(metrics: [String], outcomeShares: Bool = false, titleZh: String? = nil, titleEn: String? = nil,
                    kind: ChartKind? = nil) {
            self.metrics = metrics; self.outcomeShares = outcomeShares; self.titleZh = titleZh; self.titleEn = titleEn
            self.kind = kind
        }
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// The default set of charts.
    public static let standard = BriefChartPlan(items: [
        Item(metrics: ["licensing.decisions", "penalty.decisions", "coercion.decisions"],
             titleZh: "行政许可、行政处罚、行政强制处理决定数量", titleEn: "Licensing, penalty and coercion decisions"),
        Item(metrics: ["applications.new_received.total", "applications.total_processed.total"],
             titleZh: "政府信息公开申请收到与办结数量", titleEn: "Information requests received and concluded"),
        Item(metrics: [], outcomeShares: true),
        Item(metrics: ["indicator.disclosure_rate"], titleZh: "政府信息公开申请公开率", titleEn: "Disclosure rate"),
        Item(metrics: ["review.total", "litigation_direct.total", "litigation_after_review.total"],
             titleZh: "因政府信息公开引发的行政复议和行政诉讼", titleEn: "Administrative reviews and lawsuits", kind: .bar),
        Item(metrics: ["normative_docs.made", "normative_docs.issued", "normative_docs.repealed",
                       "normative_docs.published", "normative_docs.total", "normative_docs.in_force"],
             titleZh: "行政规范性文件", titleEn: "Normative documents", kind: .bar),
    ])

    /// One chart per metric id (a trailing `*` matches a prefix, e.g. `review.*`), in the order given.
    public static func metrics(_ patterns: [String], available: [String]) -> BriefChartPlan {
        var seen = Set<String>(), items: [Item] = []
        for p in patterns {
            let matched = p.hasSuffix("*") ? available.filter { $0.hasPrefix(String(p.dropLast())) } : [p]
            for m in matched where seen.insert(m).inserted { items.append(Item(metrics: [m])) }
        }
        return BriefChartPlan(items: items)
    }
}
