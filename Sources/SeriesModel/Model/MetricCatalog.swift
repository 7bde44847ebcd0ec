/// The metric catalog: every metric id trendplot knows, in template order.
///
/// ```swift
/// let m = MetricCatalog.standard["licensing.decisions"]!
/// m.labelZh   // "行政许可·处理决定数量"
/// m.unit      // "件"
/// ```
public struct MetricCatalog: Sendable {
    /// All metrics, in catalog order.
    public let metrics: [Metric]
    private let index: [String: Int]

    /// Creates a catalog from a list of metrics (ids must be unique; later duplicates are ignored).
    public init(_ metrics: [Metric]) {
        var seen: [String: Int] = [:]
        var kept: [Metric] = []
        for m in metrics where seen[m.id] == nil {
            seen[m.id] = kept.count
            kept.append(m)
        }
        self.metrics = kept
        self.index = seen
    }

    /// The metric with `id`, or nil.
    public subscript(id: String) -> Metric? { index[id].map { metrics[$0] } }

    /// True when `id` is in the catalog.
    public func contains(_ id: String) -> Bool { index[id] != nil }

    /// The position of `id` in catalog order (for stable sorting), or `Int.max`.
    public func order(of id: String) -> Int { index[id] ?? Int.max }

    /// The catalog of the two national templates plus the analytic indicators.
    public static let standard = MetricCatalog(MetricCatalog.table2 + MetricCatalog.table3
                                               + MetricCatalog.table4 + MetricCatalog.indicators)
}

// MARK: - 表二

extension MetricCatalog {
    /// 表二 rows of the 2019 template with item counts: (prefix, Chinese, English).
    public static let itemRows2019: [(prefix: String, zh: String, en: String)] = [
        ("licensing", "行政许可", "Licensing"),
        ("other_services", "其他对外管理服务事项", "Other administrative services"),
        ("penalty", "行政处罚", "Penalties"),
        ("coercion", "行政强制", "Coercive measures"),
        ("fees", "行政事业性收费", "Administrative fees"),
    ]

    static let table2: [Metric] = {
        let both: [TemplateVersion] = [.v2019, .v2021]
        var m: [Metric] = []
        for (p, zh, en) in [("regulations", "规章", "Regulations"), ("normative_docs", "规范性文件", "Normative documents")] {
            m.append(Metric(id: "\(p).made", labelZh: "\(zh)·本年新制作数量", labelEn: "\(en) · newly made",
                            unit: "件", unitEn: "docs", templates: [.v2019], table: 2))
            m.append(Metric(id: "\(p).published", labelZh: "\(zh)·本年新公开数量", labelEn: "\(en) · newly published",
                            unit: "件", unitEn: "docs", templates: [.v2019], table: 2))
            m.append(Metric(id: "\(p).total", labelZh: "\(zh)·对外公开总数量", labelEn: "\(en) · total published",
                            unit: "件", unitEn: "docs", templates: [.v2019], table: 2))
            let zh21 = p == "normative_docs" ? "行政规范性文件" : zh
            m.append(Metric(id: "\(p).issued", labelZh: "\(zh21)·本年制发件数", labelEn: "\(en) · issued",
                            unit: "件", unitEn: "docs", templates: [.v2021], table: 2))
            m.append(Metric(id: "\(p).repealed", labelZh: "\(zh21)·本年废止件数", labelEn: "\(en) · repealed",
                            unit: "件", unitEn: "docs", templates: [.v2021], table: 2))
            m.append(Metric(id: "\(p).in_force", labelZh: "\(zh21)·现行有效件数", labelEn: "\(en) · in force",
                            unit: "件", unitEn: "docs", templates: [.v2021], table: 2))
        }
        for (p, zh, en) in itemRows2019 {
            m.append(Metric(id: "\(p).items", labelZh: "\(zh)·项目数量", labelEn: "\(en) · items",
                            unit: "项", unitEn: "items", templates: [.v2019], table: 2))
            m.append(Metric(id: "\(p).items_change", labelZh: "\(zh)·本年增/减", labelEn: "\(en) · change in items",
                            unit: "项", unitEn: "items", templates: [.v2019], table: 2))
            if p != "fees" {
                let tpl: [TemplateVersion] = p == "other_services" ? [.v2019] : both
                m.append(Metric(id: "\(p).decisions", labelZh: "\(zh)·处理决定数量", labelEn: "\(en) · decisions",
                                unit: "件", unitEn: "decisions", templates: tpl, table: 2))
            }
        }
        m.append(Metric(id: "fees.amount", labelZh: "行政事业性收费·本年收费金额", labelEn: "Administrative fees · amount collected",
                        unit: "万元", unitEn: "10k yuan", templates: [.v2021], table: 2))
        m.append(Metric(id: "procurement.projects", labelZh: "政府集中采购·采购项目数量", labelEn: "Central procurement · projects",
                        unit: "个", unitEn: "projects", templates: [.v2019], table: 2))
        m.append(Metric(id: "procurement.amount", labelZh: "政府集中采购·采购总金额", labelEn: "Central procurement · total amount",
                        unit: "万元", unitEn: "10k yuan", templates: [.v2019], table: 2))
        return m
    }()
}

// MARK: - 表三

extension MetricCatalog {
    /// The seven applicant columns of 表三, in template order.
    public static let applicantColumns: [(key: String, zh: String, en: String)] = [
        ("natural_person", "自然人", "natural persons"),
        ("commercial", "商业企业", "businesses"),
        ("research", "科研机构", "research institutions"),
        ("social_welfare", "社会公益组织", "public-interest organisations"),
        ("legal_service", "法律服务机构", "legal service providers"),
        ("other_org", "其他", "other organisations"),
        ("total", "总计", "total"),
    ]

    /// One row of 表三: its key, short Chinese and English labels, and the templates that have it.
    public struct ApplicationRow: Sendable, Hashable {
        /// Row key, e.g. `granted`.
        public let key: String
        /// Short Chinese label, e.g. `予以公开`.
        public let zh: String
        /// English label.
        public let en: String
        /// Templates that print this row.
        public let templates: [TemplateVersion]
    }

    /// The rows of 表三 in template order (23 in 2019, 25 in 2021).
    public static let applicationRows: [ApplicationRow] = {
        let both: [TemplateVersion] = [.v2019, .v2021]
        func r(_ k: String, _ zh: String, _ en: String, _ t: [TemplateVersion] = both) -> ApplicationRow {
            ApplicationRow(key: k, zh: zh, en: en, templates: t)
        }
        return [
            r("new_received", "本年新收申请", "new applications received"),
            r("carried_over", "上年结转申请", "carried over from last year"),
            r("granted", "予以公开", "granted"),
            r("partial_granted", "部分公开", "partially granted"),
            r("denied_state_secret", "不予公开·国家秘密", "denied: state secret"),
            r("denied_law_forbidden", "不予公开·法律行政法规禁止", "denied: forbidden by law"),
            r("denied_security_stability", "不予公开·危及“三安全一稳定”", "denied: security and stability"),
            r("denied_third_party", "不予公开·保护第三方合法权益", "denied: third-party rights"),
            r("denied_internal_affairs", "不予公开·三类内部事务信息", "denied: internal affairs"),
            r("denied_process_info", "不予公开·四类过程性信息", "denied: process information"),
            r("denied_enforcement_case", "不予公开·行政执法案卷", "denied: enforcement case file"),
            r("denied_admin_query", "不予公开·行政查询事项", "denied: administrative query"),
            r("unable_not_held", "无法提供·本机关不掌握", "unable: not held"),
            r("unable_need_create", "无法提供·需另行制作", "unable: would need creating"),
            r("unable_unclear", "无法提供·补正后仍不明确", "unable: unclear after correction"),
            r("not_processed_petition", "不予处理·信访举报投诉类", "not processed: petition or complaint"),
            r("not_processed_repeat", "不予处理·重复申请", "not processed: repeated"),
            r("not_processed_publication", "不予处理·要求提供公开出版物", "not processed: publication"),
            r("not_processed_massive", "不予处理·大量反复申请", "not processed: massive repeated"),
            r("not_processed_confirm", "不予处理·要求确认或重新出具", "not processed: confirm or reissue"),
            r("other_handling", "其他处理", "other handling", [.v2019]),
            r("other_overdue_correction", "其他处理·逾期不补正", "other: correction overdue", [.v2021]),
            r("other_overdue_fee", "其他处理·逾期未缴费", "other: fee overdue", [.v2021]),
            r("other_other", "其他处理·其他", "other: other", [.v2021]),
            r("total_processed", "办理结果总计", "total processed"),
            r("carried_forward", "结转下年度继续办理", "carried forward"),
        ]
    }()

    /// The rows of 表三 for one template, in order.
    public static func applicationRows(for template: TemplateVersion) -> [ApplicationRow] {
        applicationRows.filter { $0.templates.contains(template) }
    }

    static let table3: [Metric] = applicationRows.flatMap { row in
        applicantColumns.map { col in
            Metric(id: "applications.\(row.key).\(col.key)",
                   labelZh: "依申请·\(row.zh)·\(col.zh)",
                   labelEn: "Applications · \(row.en) · \(col.en)",
                   unit: "件", unitEn: "applications", templates: row.templates, table: 3)
        }
    }
}

// MARK: - 表四

extension MetricCatalog {
    /// The three groups of 表四.
    public static let reviewGroups: [(key: String, zh: String, en: String)] = [
        ("review", "行政复议", "Administrative review"),
        ("litigation_direct", "行政诉讼·未经复议直接起诉", "Litigation · direct"),
        ("litigation_after_review", "行政诉讼·复议后起诉", "Litigation · after review"),
    ]

    /// The five columns of each 表四 group.
    public static let reviewColumns: [(key: String, zh: String, en: String)] = [
        ("upheld", "结果维持", "upheld"),
        ("corrected", "结果纠正", "corrected"),
        ("other", "其他结果", "other outcome"),
        ("pending", "尚未审结", "pending"),
        ("total", "总计", "total"),
    ]

    static let table4: [Metric] = reviewGroups.flatMap { g in
        reviewColumns.map { c in
            Metric(id: "\(g.key).\(c.key)", labelZh: "\(g.zh)·\(c.zh)", labelEn: "\(g.en) · \(c.en)",
                   unit: "件", unitEn: "cases", templates: [.v2019, .v2021], table: 4)
        }
    }
}
