// MARK: - Indicators (computed across metrics of one report)

extension MetricCatalog {
    /// Analytic indicators with their formulas; values are computed by the analysis layer.
    static let indicators: [Metric] = [
        Metric(id: "indicator.disclosure_rate", labelZh: "公开率", labelEn: "Disclosure rate",
               unit: "%", unitEn: "%", templates: [.v2019, .v2021], kind: .indicator,
               formula: "(applications.granted.total + applications.partial_granted.total) / applications.total_processed.total"),
        Metric(id: "indicator.review_correction_rate", labelZh: "复议纠错率", labelEn: "Review correction rate",
               unit: "%", unitEn: "%", templates: [.v2019, .v2021], kind: .indicator,
               formula: "review.corrected / (review.total - review.pending)"),
        Metric(id: "indicator.litigation_loss_rate", labelZh: "诉讼败诉率", labelEn: "Litigation loss rate",
               unit: "%", unitEn: "%", templates: [.v2019, .v2021], kind: .indicator,
               formula: "(litigation_direct.corrected + litigation_after_review.corrected) / (litigation_direct.total + litigation_after_review.total - litigation_direct.pending - litigation_after_review.pending)"),
    ]
}
