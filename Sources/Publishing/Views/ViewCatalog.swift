import Charts
import SeriesModel

/// A section of a body's report, in the order a briefing reads them: the template's own grouping of its tables.
public enum ReportSection: String, Sendable, Hashable, CaseIterable {
    /// 表二 第二十条第（五）（六）项: decisions and items of licensing, penalties, coercion.
    case decisions
    /// 表三 一、二、四: applications received, carried over, processed, carried forward; the disclosure rate.
    case applications
    /// 表三 三: the outcomes of the applications processed.
    case outcomes
    /// 表三 by column: who applied.
    case applicants
    /// 表四: administrative reviews and lawsuits.
    case disputes
    /// 表二 第二十条第（一）项: normative documents and regulations.
    case normativeDocs = "normative-docs"
    /// 表二 第二十条第（八）（九）项: fees and central procurement.
    case feesAndProcurement = "fees-procurement"

    /// The section's heading.
    public func title(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .decisions: return zh ? "行政许可、处罚、强制" : "Licensing, penalties and coercion"
        case .applications: return zh ? "依申请公开" : "Information requests"
        case .outcomes: return zh ? "申请办理结果" : "Outcomes of requests"
        case .applicants: return zh ? "申请人类型" : "Applicants"
        case .disputes: return zh ? "行政复议和行政诉讼" : "Reviews and lawsuits"
        case .normativeDocs: return zh ? "规范性文件和规章" : "Normative documents and regulations"
        case .feesAndProcurement: return zh ? "收费和政府集中采购" : "Fees and procurement"
        }
    }
}

/// One view of a body's report: which metrics a chart shows, with what title and series labels, as what kind.
public struct ReportView: Sendable, Hashable {
    /// A metric of the view and its short series label.
    public struct Metric: Sendable, Hashable {
        /// The metric id.
        public var id: String
        /// The series label in Chinese and English (short: the view's title says what is counted).
        public var zh: String
        public var en: String
        /// The 2019-template metric this series continues before 2021 (`normative_docs.made` for
        /// `normative_docs.issued`): the two are drawn as one series with the template change marked.
        public var earlier: String?

        /// The metric ids the series reads: `id`, then ``earlier``.
        public var ids: [String] { [id] + (earlier.map { [$0] } ?? []) }
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
    /// The report section the view belongs to.
    public var section: ReportSection = .decisions
    /// True when the metrics are parts of one total (and never the total itself): only such a view may be drawn
    /// as `stacked` or `share`.
    public var isComposition = false
    /// True for the views of the demo's overview and the briefing; the others are drawn by the per-body export.
    public var inOverview = true
    /// True for the shares of 表三's outcomes (予以公开, 部分公开, 不予公开, …).
    public var isOutcomeShares: Bool { metrics.isEmpty }

    /// The title in `language`.
    public func title(_ language: Language) -> String { language == .zh ? titleZh : titleEn }

    /// Every metric id the view reads (joined 2019-template ids included).
    public var metricIDs: [String] { metrics.flatMap(\.ids) }
}

/// THE list of report views, used by the demo's overview, the gallery, the briefing and the per-body export, so
/// the same chart of the same body has the same title, metrics, labels and kind everywhere.
///
/// Rules the list keeps: a chart holds at most 8 series; a total is never a series beside its own parts; a stock
/// (对外公开总数量, 现行有效件数) has a chart of its own; fields the 2021 template renamed are one series
/// (本年新制作 → 本年制发, ``ReportView/Metric/earlier``).
///
/// ```swift
/// ViewCatalog.view("disputes")?.title(.zh)      // "因政府信息公开引发的行政复议和行政诉讼"
/// ViewCatalog.briefing.map(\.name)               // the briefing's charts, in reading order
/// ```
public enum ViewCatalog {
    /// Every view, in reading order (section by section, as ``ReportSection`` lists them).
    public static let all: [ReportView] = {
        let catalog = MetricCatalog.standard
        func m(_ id: String, _ zh: String, _ en: String, earlier: String? = nil) -> ReportView.Metric {
            ReportView.Metric(id: id, zh: zh, en: en, earlier: earlier)
        }
        func rows(_ suffix: String) -> [ReportView.Metric] {
            MetricCatalog.itemRows2019.map { r in m("\(r.prefix).\(suffix)", r.zh, r.en) }.filter { catalog.contains($0.id) }
        }
        func view(_ name: String, _ zh: String, _ en: String, _ section: ReportSection, _ kind: ChartKind,
                  _ metrics: [ReportView.Metric], needsYears: Bool = false, composition: Bool = false,
                  overview: Bool = false) -> ReportView {
            ReportView(name: name, titleZh: zh, titleEn: en, metrics: metrics, kind: kind, needsYears: needsYears,
                       section: section, isComposition: composition, inOverview: overview)
        }
        func app(_ row: String, _ col: String = "total") -> String { "applications.\(row).\(col)" }
        func appRows(_ prefix: String) -> [ReportView.Metric] {
            MetricCatalog.applicationRows.filter { $0.key.hasPrefix(prefix) }.map { r in
                let short = r.zh.split(separator: "·").last.map(String.init) ?? r.zh
                return m(app(r.key), short, r.en)
            }
        }
        let applicants = MetricCatalog.applicantColumns.filter { $0.key != "total" }
        func byApplicant(_ row: String) -> [ReportView.Metric] { applicants.map { c in m(app(row, c.key), c.zh, c.en) } }
        func disputeColumns(_ group: String) -> [ReportView.Metric] {
            MetricCatalog.reviewColumns.filter { $0.key != "total" }.map { c in m("\(group).\(c.key)", c.zh, c.en) }
        }
        func documents(_ p: String, _ zh: String, _ en: String, overview: Bool) -> [ReportView] {
            [view(p == "normative_docs" ? "normative-docs" : "regulations", "\(zh)本年制发、公开与废止",
                  "\(en) issued, published and repealed this year", .normativeDocs, .bar,
                  [m("\(p).issued", "本年制发", "issued", earlier: "\(p).made"),
                   m("\(p).published", "本年新公开", "newly published"),
                   m("\(p).repealed", "本年废止", "repealed")], overview: overview),
             view(p == "normative_docs" ? "normative-docs-total" : "regulations-total", "\(zh)对外公开总数量",
                  "\(en) published in total", .normativeDocs, .bar,
                  [m("\(p).total", "对外公开总数量", "published in total")], overview: overview),
             view(p == "normative_docs" ? "normative-docs-in-force" : "regulations-in-force", "\(zh)现行有效件数",
                  "\(en) in force", .normativeDocs, .bar,
                  [m("\(p).in_force", "现行有效件数", "in force")], overview: overview)]
        }
        return [
            view("decisions", "行政许可、行政处罚、行政强制处理决定数量", "Licensing, penalty and coercion decisions",
                 .decisions, .line, rows("decisions"), overview: true),
            view("items", "行政许可、行政处罚、行政强制等事项数量", "Items: licensing, penalties, coercion",
                 .decisions, .line, rows("items"), needsYears: true, overview: true),
            view("items-change", "行政许可、行政处罚、行政强制等事项本年增减", "Change in items this year",
                 .decisions, .bar, rows("items_change")),
            view("applications", "政府信息公开申请收到与办结数量", "Information requests received and concluded",
                 .applications, .bar,
                 [m(app("new_received"), "本年新收", "received"), m(app("total_processed"), "办理结果总计", "processed")],
                 overview: true),
            view("applications-carried", "上年结转与结转下年度的申请数量", "Requests carried over and carried forward",
                 .applications, .bar,
                 [m(app("carried_over"), "上年结转", "carried over"), m(app("carried_forward"), "结转下年度", "carried forward")]),
            view("disclosure-rate", "政府信息公开申请公开率（予以公开与部分公开占办结申请的比例）",
                 "Disclosure rate (granted in full or in part, share of processed requests)", .applications, .line,
                 [m("indicator.disclosure_rate", "公开率", "disclosure rate")], needsYears: true, overview: true),
            ReportView(name: "outcomes-share", titleZh: "政府信息公开申请办理结果构成", titleEn: "Outcomes of information requests",
                       metrics: [], kind: .share, needsYears: false, section: .outcomes, isComposition: true),
            view("outcomes-granted", "予以公开与部分公开的申请数量", "Requests granted in full or in part", .outcomes, .bar,
                 [m(app("granted"), "予以公开", "granted"), m(app("partial_granted"), "部分公开", "partially granted")]),
            view("outcomes-denied", "不予公开的申请数量（按理由）", "Requests denied, by reason", .outcomes, .bar,
                 appRows("denied_"), composition: true),
            view("outcomes-unable", "无法提供的申请数量（按理由）", "Requests that could not be met, by reason", .outcomes, .bar,
                 appRows("unable_"), composition: true),
            view("outcomes-not-processed", "不予处理的申请数量（按理由）", "Requests not processed, by reason", .outcomes, .bar,
                 appRows("not_processed_"), composition: true),
            view("outcomes-other", "其他处理的申请数量", "Requests handled otherwise", .outcomes, .bar,
                 // The 2019 template's one row for all of （六） first: the three 2021 rows are its parts, never in
                 // the same year as it.
                 [m(app("other_handling"), "其他处理（2019年格式）", "other handling (2019 form)"),
                  m(app("other_overdue_correction"), "逾期不补正", "correction overdue"),
                  m(app("other_overdue_fee"), "逾期未缴费", "fee overdue"),
                  m(app("other_other"), "其他", "other")]),
            view("applicants", "新收申请的申请人类型", "New requests by applicant", .applicants, .stacked,
                 byApplicant("new_received"), composition: true, overview: true),
            view("applicants-processed", "办结申请的申请人类型", "Processed requests by applicant", .applicants, .stacked,
                 byApplicant("total_processed"), composition: true),
            view("disputes", "因政府信息公开引发的行政复议和行政诉讼", "Administrative reviews and lawsuits", .disputes, .bar,
                 [m("review.total", "行政复议", "reviews"), m("litigation_direct.total", "未经复议直接起诉", "lawsuits (direct)"),
                  m("litigation_after_review.total", "复议后起诉", "lawsuits after review")], overview: true),
            view("disputes-review", "行政复议的结果", "Outcomes of administrative reviews", .disputes, .stacked,
                 disputeColumns("review"), composition: true),
            view("disputes-litigation-direct", "未经复议直接起诉的行政诉讼结果", "Outcomes of direct lawsuits", .disputes,
                 .stacked, disputeColumns("litigation_direct"), composition: true),
            view("disputes-litigation-after-review", "复议后起诉的行政诉讼结果", "Outcomes of lawsuits after review",
                 .disputes, .stacked, disputeColumns("litigation_after_review"), composition: true),
        ] + documents("normative_docs", "行政规范性文件", "Normative documents", overview: true)
          + documents("regulations", "规章", "Regulations", overview: false) + [
            view("fees", "行政事业性收费本年收费金额", "Administrative fees collected", .feesAndProcurement, .bar,
                 [m("fees.amount", "本年收费金额", "amount collected")]),
            view("procurement-projects", "政府集中采购项目数量", "Central procurement projects", .feesAndProcurement, .bar,
                 [m("procurement.projects", "采购项目数量", "projects")]),
            view("procurement-amount", "政府集中采购总金额", "Central procurement amount", .feesAndProcurement, .bar,
                 [m("procurement.amount", "采购总金额", "total amount")]),
        ]
    }()

    /// The view named `name`.
    public static func view(_ name: String) -> ReportView? { all.first { $0.name == name } }

    /// The demo's overview of a body, in reading order.
    public static var overview: [ReportView] { all.filter(\.inOverview) }

    /// The briefing's charts for a body, in reading order: the overview without the applicant mix and the item
    /// counts (the briefing's findings speak to those).
    public static var briefing: [ReportView] { overview.filter { !["applicants", "items"].contains($0.name) } }
}
