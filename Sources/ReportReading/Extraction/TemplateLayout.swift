import SeriesModel

/// What kind of number a table cell holds; it decides which digit strings are valid when a run is split.
enum CellKind: Sendable, Hashable {
    /// A non-negative integer count (`0`, `396`).
    case count
    /// A signed integer change (`-640`, `+146`, `0`).
    case signedCount
    /// A non-negative amount that may have decimals (`218827.31`); units such as `元` are converted to 万元.
    case amount
}

/// One cell of a template row: the metric it feeds and the year offset of that metric.
struct CellSpec: Sendable, Hashable {
    /// Metric id, e.g. `licensing.items`.
    let metric: String
    /// What the cell holds.
    let kind: CellKind
    /// Added to the report year: −1 for 上一年项目数量.
    let yearOffset: Int
}

/// One row of a template table: how to find its label and what its cells mean.
struct RowSpec: Sendable, Hashable {
    /// 2, 3 or 4.
    let table: Int
    /// Row key (`granted`) or metric prefix (`licensing`).
    let key: String
    /// The label shown in messages.
    let label: String
    /// A distinctive part of the normalised label, searched for in order; nil for 表四's value row.
    let searchKey: String?
    /// The enumerator printed before the label (`2.`, `（一）`), if any.
    let enumerator: String?
    /// True when the label is too short to be found without its enumerator (`3.其他`, `（七）总计`).
    let enumeratorRequired: Bool
    /// The cells, left to right.
    let cells: [CellSpec]
    /// Cell-index groups whose last cell is the sum of the others (row identities).
    let sumGroups: [[Int]]
}

/// The rows of 表二, 表三 and 表四 of one template version.
struct TemplateLayout: Sendable {
    let template: TemplateVersion
    let table2: [RowSpec]
    let table3: [RowSpec]
    let table4: [RowSpec]

    /// The rows of table `n`.
    func rows(of table: Int) -> [RowSpec] {
        switch table {
        case 2: table2
        case 3: table3
        default: table4
        }
    }

    static func layout(for template: TemplateVersion) -> TemplateLayout {
        template == .v2019 ? v2019 : v2021
    }

    static let v2019 = TemplateLayout(template: .v2019, table2: table2v2019, table3: table3Rows(.v2019), table4: [table4Row])
    static let v2021 = TemplateLayout(template: .v2021, table2: table2v2021, table3: table3Rows(.v2021), table4: [table4Row])

    private static func row2(_ key: String, _ label: String, _ search: String, _ cells: [CellSpec]) -> RowSpec {
        RowSpec(table: 2, key: key, label: label, searchKey: search, enumerator: nil, enumeratorRequired: false,
                cells: cells, sumGroups: [])
    }

    private static func items(_ prefix: String, decisions: Bool) -> [CellSpec] {
        var c = [CellSpec(metric: "\(prefix).items", kind: .count, yearOffset: -1),
                 CellSpec(metric: "\(prefix).items_change", kind: .signedCount, yearOffset: 0)]
        if decisions { c.append(CellSpec(metric: "\(prefix).decisions", kind: .count, yearOffset: 0)) }
        return c
    }

    private static func counts(_ ids: [String]) -> [CellSpec] {
        ids.map { CellSpec(metric: $0, kind: .count, yearOffset: 0) }
    }

    static let table2v2019: [RowSpec] = [
        row2("regulations", "规章", "规章", counts(["regulations.made", "regulations.published", "regulations.total"])),
        row2("normative_docs", "规范性文件", "规范性文件",
             counts(["normative_docs.made", "normative_docs.published", "normative_docs.total"])),
        row2("licensing", "行政许可", "行政许可", items("licensing", decisions: true)),
        row2("other_services", "其他对外管理服务事项", "其他对外管理服务", items("other_services", decisions: true)),
        row2("penalty", "行政处罚", "行政处罚", items("penalty", decisions: true)),
        row2("coercion", "行政强制", "行政强制", items("coercion", decisions: true)),
        row2("fees", "行政事业性收费", "行政事业性收费", items("fees", decisions: false)),
        row2("procurement", "政府集中采购", "政府集中采购",
             [CellSpec(metric: "procurement.projects", kind: .count, yearOffset: 0),
              CellSpec(metric: "procurement.amount", kind: .amount, yearOffset: 0)]),
    ]

    static let table2v2021: [RowSpec] = [
        row2("regulations", "规章", "规章", counts(["regulations.issued", "regulations.repealed", "regulations.in_force"])),
        row2("normative_docs", "行政规范性文件", "规范性文件",
             counts(["normative_docs.issued", "normative_docs.repealed", "normative_docs.in_force"])),
        row2("licensing", "行政许可", "行政许可", counts(["licensing.decisions"])),
        row2("penalty", "行政处罚", "行政处罚", counts(["penalty.decisions"])),
        row2("coercion", "行政强制", "行政强制", counts(["coercion.decisions"])),
        row2("fees", "行政事业性收费", "行政事业性收费", [CellSpec(metric: "fees.amount", kind: .amount, yearOffset: 0)]),
    ]

    /// (row key, label, search key, enumerator, enumerator required) of 表三, both templates; the template filter
    /// comes from ``MetricCatalog/applicationRows``.
    private static let table3Labels: [String: (label: String, search: String, enumerator: String?, required: Bool)] = [
        "new_received": ("一、本年新收政府信息公开申请数量", "本年新收", "一、", false),
        "carried_over": ("二、上年结转政府信息公开申请数量", "上年结转", "二、", false),
        "granted": ("（一）予以公开", "予以公开", "（一）", false),
        "partial_granted": ("（二）部分公开", "部分公开", "（二）", false),
        "denied_state_secret": ("1.属于国家秘密", "属于国家秘", "1.", false),
        "denied_law_forbidden": ("2.其他法律行政法规禁止公开", "其他法律行政", "2.", false),
        "denied_security_stability": ("3.危及“三安全一稳定”", "危及", "3.", false),
        "denied_third_party": ("4.保护第三方合法权益", "保护第三方", "4.", false),
        "denied_internal_affairs": ("5.属于三类内部事务信息", "属于三类内部", "5.", false),
        "denied_process_info": ("6.属于四类过程性信息", "属于四类过程", "6.", false),
        "denied_enforcement_case": ("7.属于行政执法案卷", "属于行政执法", "7.", false),
        "denied_admin_query": ("8.属于行政查询事项", "属于行政查询", "8.", false),
        "unable_not_held": ("1.本机关不掌握相关政府信息", "本机关不掌握", "1.", false),
        "unable_need_create": ("2.没有现成信息需要另行制作", "没有现成信息", "2.", false),
        "unable_unclear": ("3.补正后申请内容仍不明确", "补正后申请", "3.", false),
        "not_processed_petition": ("1.信访举报投诉类申请", "信访举报", "1.", false),
        "not_processed_repeat": ("2.重复申请", "重复申请", "2.", false),
        "not_processed_publication": ("3.要求提供公开出版物", "要求提供公开", "3.", false),
        "not_processed_massive": ("4.无正当理由大量反复申请", "无正当理由大量", "4.", false),
        "not_processed_confirm": ("5.要求行政机关确认或重新出具已获取信息", "要求行政机关确认", "5.", false),
        "other_handling": ("（六）其他处理", "其他处理", "（六）", false),
        "other_overdue_correction": ("1.申请人无正当理由逾期不补正", "申请人无正当理由", "1.", false),
        "other_overdue_fee": ("2.申请人逾期未按收费通知要求缴纳费用", "申请人逾期未按", "2.", false),
        "other_other": ("3.其他", "其他", "3.", true),
        "total_processed": ("（七）总计", "总计", "（七）", true),
        "carried_forward": ("四、结转下年度继续办理", "结转下年度", "四、", false),
    ]

    static func table3Rows(_ template: TemplateVersion) -> [RowSpec] {
        MetricCatalog.applicationRows(for: template).map { row in
            let l = table3Labels[row.key] ?? (row.zh, row.zh, nil, false)
            let cells = MetricCatalog.applicantColumns.map {
                CellSpec(metric: "applications.\(row.key).\($0.key)", kind: .count, yearOffset: 0)
            }
            return RowSpec(table: 3, key: row.key, label: l.label, searchKey: l.search, enumerator: l.enumerator,
                           enumeratorRequired: l.required, cells: cells, sumGroups: [Array(0..<7)])
        }
    }

    static let table4Row: RowSpec = {
        var cells: [CellSpec] = []
        for g in MetricCatalog.reviewGroups {
            for c in MetricCatalog.reviewColumns {
                cells.append(CellSpec(metric: "\(g.key).\(c.key)", kind: .count, yearOffset: 0))
            }
        }
        return RowSpec(table: 4, key: "review_litigation", label: "行政复议、行政诉讼", searchKey: nil, enumerator: nil,
                       enumeratorRequired: false, cells: cells,
                       sumGroups: [Array(0..<5), Array(5..<10), Array(10..<15)])
    }()
}
