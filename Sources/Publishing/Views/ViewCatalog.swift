import Charts
import SeriesModel

/// One view of a body's report: which metrics a chart shows, with what title and series labels, as what kind.
public struct ReportView: Sendable, Hashable {
    /// A metric of the view and its short series label.
    public struct Metric: Sendable, Hashable {
        /// The metric id.
        public var id: String
        /// The series label in Chinese and English (short: the view's title says what is counted).
        public var zh: String
        public var en: String
    }

    /// The view's name, used in file names (`pingtan-decisions.png`).
    public var name: String
    /// The chart title.
    public var titleZh: String
    public var titleEn: String
    /// The metrics (empty for the outcome shares, which group 表三's rows as the template does).
    public var metrics: [Metric]
    /// The kind for two or more years.
    public var kind: ChartKind
    /// Draw only with two or more years (a single value says nothing as a line).
    public var needsYears: Bool
    /// True for the shares of 表三's outcomes (予以公开, 部分公开, 不予公开, …).
    public var isOutcomeShares: Bool { metrics.isEmpty }

    /// The title in `language`.
    public func title(_ language: Language) -> String { language == .zh ? titleZh : titleEn }
}

/// THE list of report views, used by the demo's overview, the gallery and the briefing, so the same chart of the
/// same body has the same title, metrics, labels and kind everywhere.
///
/// ```swift
/// ViewCatalog.view("disputes")?.title(.zh)      // "因政府信息公开引发的行政复议和行政诉讼"
/// ViewCatalog.briefing.map(\.name)               // the briefing's charts, in reading order
/// ```
public enum ViewCatalog {
    /// Every view, in reading order (the template's order: 表二, 表三, 表四).
    public static let all: [ReportView] = {
        let catalog = MetricCatalog.standard
        func rows(_ suffix: String) -> [ReportView.Metric] {
            MetricCatalog.itemRows2019.map { r in ReportView.Metric(id: "\(r.prefix).\(suffix)", zh: r.zh, en: r.en) }
                .filter { catalog.contains($0.id) }
        }
        let applicants = MetricCatalog.applicantColumns.filter { $0.key != "total" }
            .map { c in ReportView.Metric(id: "applications.new_received.\(c.key)", zh: c.zh, en: c.en) }
        func m(_ id: String, _ zh: String, _ en: String) -> ReportView.Metric { ReportView.Metric(id: id, zh: zh, en: en) }
        return [
            ReportView(name: "decisions", titleZh: "行政许可、行政处罚、行政强制处理决定数量",
                       titleEn: "Licensing, penalty and coercion decisions", metrics: rows("decisions"), kind: .line,
                       needsYears: false),
            ReportView(name: "applications", titleZh: "政府信息公开申请收到与办结数量",
                       titleEn: "Information requests received and concluded",
                       metrics: [m("applications.new_received.total", "本年新收", "received"),
                                 m("applications.total_processed.total", "办理结果总计", "processed")],
                       kind: .bar, needsYears: false),
            ReportView(name: "outcomes-share", titleZh: "政府信息公开申请办理结果构成", titleEn: "Outcomes of information requests",
                       metrics: [], kind: .share, needsYears: false),
            ReportView(name: "applicants", titleZh: "新收申请的申请人类型", titleEn: "New requests by applicant",
                       metrics: applicants, kind: .stacked, needsYears: false),
            ReportView(name: "disclosure-rate", titleZh: "政府信息公开申请公开率（予以公开与部分公开占办结申请的比例）",
                       titleEn: "Disclosure rate (granted in full or in part, share of processed requests)",
                       metrics: [m("indicator.disclosure_rate", "公开率", "disclosure rate")], kind: .line, needsYears: true),
            ReportView(name: "disputes", titleZh: "因政府信息公开引发的行政复议和行政诉讼",
                       titleEn: "Administrative reviews and lawsuits",
                       metrics: [m("review.total", "行政复议", "reviews"),
                                 m("litigation_direct.total", "未经复议直接起诉", "lawsuits (direct)"),
                                 m("litigation_after_review.total", "复议后起诉", "lawsuits after review")],
                       kind: .bar, needsYears: false),
            ReportView(name: "normative-docs", titleZh: "行政规范性文件本年制发、公开与废止",
                       titleEn: "Normative documents made, published and repealed this year",
                       metrics: [m("normative_docs.made", "本年新制作", "newly made"),
                                 m("normative_docs.published", "本年新公开", "newly published"),
                                 m("normative_docs.issued", "本年制发", "issued"),
                                 m("normative_docs.repealed", "本年废止", "repealed")],
                       kind: .bar, needsYears: false),
            ReportView(name: "normative-docs-stock", titleZh: "行政规范性文件对外公开总数与现行有效件数",
                       titleEn: "Normative documents: published in total and in force",
                       metrics: [m("normative_docs.total", "对外公开总数量", "published in total"),
                                 m("normative_docs.in_force", "现行有效件数", "in force")],
                       kind: .bar, needsYears: false),
            ReportView(name: "items", titleZh: "行政许可、行政处罚、行政强制等事项数量", titleEn: "Items: licensing, penalties, coercion",
                       metrics: rows("items"), kind: .line, needsYears: true),
        ]
    }()

    /// The view named `name`.
    public static func view(_ name: String) -> ReportView? { all.first { $0.name == name } }

    /// The demo's overview of a body: every view.
    public static var overview: [ReportView] { all }

    /// The briefing's charts for a body, in reading order: the overview without the applicant mix and the item
    /// counts (the briefing's findings speak to those).
    public static var briefing: [ReportView] { all.filter { !["applicants", "items"].contains($0.name) } }
}
