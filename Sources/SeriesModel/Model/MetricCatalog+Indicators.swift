// MARK: - Indicators (computed across metrics of one report)

extension MetricCatalog {
    /// The analytic indicators an analyst computes from one report, with their formulas.
    ///
    /// Rates are percentages (`scale` 100); “per 100 applications” indicators count cases per 100 new
    /// applications; net changes are plain differences. Each is computed per (entity, year) when every input
    /// is present and the denominator is positive (see ``IndicatorDefinition``).
    public static let indicatorDefinitions: [IndicatorDefinition] = {
        func app(_ row: String, _ col: String = "total") -> String { "applications.\(row).\(col)" }
        let processed = MetricSum([app("total_processed")])
        let received = MetricSum([app("new_received")])
        let rows = applicationRows.map(\.key)
        let denied = MetricSum(rows.filter { $0.hasPrefix("denied_") }.map { app($0) })
        let unable = MetricSum(rows.filter { $0.hasPrefix("unable_") }.map { app($0) })
        let notProcessed = MetricSum(rows.filter { $0.hasPrefix("not_processed_") }.map { app($0) })
        let otherHandling = MetricSum(anyOf: [[app("other_handling")],
                                              [app("other_overdue_correction"), app("other_overdue_fee"), app("other_other")]])
        let organisations = MetricSum(["commercial", "research", "social_welfare", "legal_service", "other_org"]
            .map { app("new_received", $0) })
        let disputes = MetricSum(["review.total", "litigation_direct.total", "litigation_after_review.total"])
        let litigation = MetricSum(["litigation_direct.total", "litigation_after_review.total"])
        return [
            IndicatorDefinition(
                id: "indicator.disclosure_rate", labelZh: "公开率", labelEn: "Disclosure rate",
                numerator: MetricSum([app("granted"), app("partial_granted")]), denominator: processed,
                note: "予以公开 + 部分公开 as a share of （七）总计"),
            IndicatorDefinition(
                id: "indicator.denial_rate", labelZh: "不予公开率", labelEn: "Denial rate",
                numerator: denied, denominator: processed, note: "the eight 不予公开 rows as a share of （七）总计"),
            IndicatorDefinition(
                id: "indicator.unable_rate", labelZh: "无法提供率", labelEn: "Unable-to-provide rate",
                numerator: unable, denominator: processed, note: "the three 无法提供 rows as a share of （七）总计"),
            IndicatorDefinition(
                id: "indicator.not_processed_rate", labelZh: "不予处理率", labelEn: "Not-processed rate",
                numerator: notProcessed, denominator: processed, note: "the five 不予处理 rows as a share of （七）总计"),
            IndicatorDefinition(
                id: "indicator.other_handling_rate", labelZh: "其他处理率", labelEn: "Other-handling rate",
                numerator: otherHandling, denominator: processed,
                note: "（六）其他处理 (one row in 2019, three in 2021) as a share of （七）总计"),
            IndicatorDefinition(
                id: "indicator.carry_forward_rate", labelZh: "结转率", labelEn: "Carry-forward rate",
                numerator: MetricSum([app("carried_forward")]),
                denominator: MetricSum([app("new_received"), app("carried_over")]),
                note: "结转下年度 as a share of the year's caseload (新收 + 上年结转)"),
            IndicatorDefinition(
                id: "indicator.applicants_natural_person_share", labelZh: "自然人申请占比",
                labelEn: "Share of applications from natural persons",
                numerator: MetricSum([app("new_received", "natural_person")]), denominator: received,
                note: "自然人 as a share of 本年新收申请"),
            IndicatorDefinition(
                id: "indicator.applicants_organisation_share", labelZh: "法人或其他组织申请占比",
                labelEn: "Share of applications from legal persons and organisations",
                numerator: organisations, denominator: received,
                note: "the five 法人或其他组织 columns as a share of 本年新收申请"),
            IndicatorDefinition(
                id: "indicator.review_correction_rate", labelZh: "复议纠错率", labelEn: "Review correction rate",
                numerator: MetricSum(["review.corrected"]),
                denominator: MetricSum(["review.total"], minus: ["review.pending"]),
                note: "纠正 as a share of concluded reviews (总计 − 尚未审结)"),
            IndicatorDefinition(
                id: "indicator.litigation_direct_loss_rate", labelZh: "诉讼败诉率（未经复议直接起诉）",
                labelEn: "Litigation loss rate (direct suits)",
                numerator: MetricSum(["litigation_direct.corrected"]),
                denominator: MetricSum(["litigation_direct.total"], minus: ["litigation_direct.pending"]),
                note: "纠正 as a share of concluded suits (总计 − 尚未审结)"),
            IndicatorDefinition(
                id: "indicator.litigation_after_review_loss_rate", labelZh: "诉讼败诉率（复议后起诉）",
                labelEn: "Litigation loss rate (suits after review)",
                numerator: MetricSum(["litigation_after_review.corrected"]),
                denominator: MetricSum(["litigation_after_review.total"], minus: ["litigation_after_review.pending"]),
                note: "纠正 as a share of concluded suits (总计 − 尚未审结)"),
            IndicatorDefinition(
                id: "indicator.litigation_loss_rate", labelZh: "诉讼败诉率", labelEn: "Litigation loss rate",
                numerator: MetricSum(["litigation_direct.corrected", "litigation_after_review.corrected"]),
                denominator: MetricSum(["litigation_direct.total", "litigation_after_review.total"],
                                       minus: ["litigation_direct.pending", "litigation_after_review.pending"]),
                note: "both litigation groups: 纠正 as a share of concluded suits"),
            IndicatorDefinition(
                id: "indicator.disputes_per_100_applications", labelZh: "复议诉讼发生率",
                labelEn: "Reviews and suits per 100 applications", unit: "件/百件申请", unitEn: "per 100 applications",
                numerator: disputes, denominator: received,
                note: "行政复议 + 行政诉讼 cases per 100 new applications"),
            IndicatorDefinition(
                id: "indicator.review_per_100_applications", labelZh: "复议发生率",
                labelEn: "Reviews per 100 applications", unit: "件/百件申请", unitEn: "per 100 applications",
                numerator: MetricSum(["review.total"]), denominator: received,
                note: "行政复议 cases per 100 new applications"),
            IndicatorDefinition(
                id: "indicator.litigation_per_100_applications", labelZh: "诉讼发生率",
                labelEn: "Suits per 100 applications", unit: "件/百件申请", unitEn: "per 100 applications",
                numerator: litigation, denominator: received,
                note: "行政诉讼 cases (both groups) per 100 new applications"),
            IndicatorDefinition(
                id: "indicator.normative_docs_net_change", labelZh: "行政规范性文件净增",
                labelEn: "Normative documents · net change", unit: "件", unitEn: "docs",
                numerator: MetricSum(["normative_docs.issued"], minus: ["normative_docs.repealed"]), scale: 1,
                note: "本年制发 − 本年废止", templates: [.v2021]),
            IndicatorDefinition(
                id: "indicator.regulations_net_change", labelZh: "规章净增",
                labelEn: "Regulations · net change", unit: "件", unitEn: "docs",
                numerator: MetricSum(["regulations.issued"], minus: ["regulations.repealed"]), scale: 1,
                note: "本年制发 − 本年废止", templates: [.v2021]),
        ]
    }()

    /// Analytic indicators as catalog entries, formulas included.
    static let indicators: [Metric] = indicatorDefinitions.map(\.metric)
}
