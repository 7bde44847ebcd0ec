import Charts
import ReportReading
import SeriesModel

/// The demo's briefing set: per body, the views a briefing needs, each drawn only when the data supports it.
extension Gallery {
    /// The briefing set per body, adapted to the data it has:
    /// decisions (处理决定数量) over the years, applications received and processed, the outcomes of 表三 as
    /// shares, applicants by type, 公开率 (when the `indicator.disclosure_rate` observations are present),
    /// reviews and lawsuits, normative documents, and item counts when they changed.
    ///
    /// Each view is drawn by ``ReportView/chart(_:entity:language:kind:catalog:)`` (the rule the briefing and the
    /// export share); a body with none of these views gets its first non-zero 表二 row, so every body has at least
    /// one chart. `skipped` says what was left out and why.
    ///
    /// ```swift
    /// let picked = Gallery.selectOverview(observations)
    /// picked.charts.map(\.name)   // ["pingtan-decisions", "pingtan-applications", "pingtan-outcomes-share", …]
    /// ```
    public static func selectOverview(_ observations: [Observation], language: Language = .zh) -> Selection {
        var out = Selection()
        for (slug, entity, obs) in byEntity(observations) {
            let before = out.charts.count
            for view in ViewCatalog.overview {
                let name = "\(slug)-\(view.name)"
                let picked = view.chart(obs, entity: entity, language: language)
                out.skipped += picked.notes.map { "\(name): \($0)" }
                if let spec = picked.spec { out.add(name, spec) }
            }
            if out.charts.count == before { addFallback(slug: slug, entity: entity, obs: obs, language: language, to: &out) }
        }
        return out
    }

    /// The only view of a body with none of the briefing views: its first non-zero 表二 row.
    static func addFallback(slug: String, entity: String, obs: [Observation], language: Language, to out: inout Selection) {
        let metric = obs.map(\.metric).uniquedInOrder().first { m in isTable2Row(m) && obs.contains { $0.metric == m && $0.value != 0 } }
        guard let metric, var spec = try? ChartSpec(observations: obs, metrics: [metric], entities: [entity], kind: .bar,
                                                    language: language) else {
            out.skipped.append("\(slug): not drawn, no non-zero value for \(entity)")
            return
        }
        spec.annotations.valueLabels = .all
        spec.markTemplateChange()
        out.add("\(slug)-\(metric)", spec)
    }
}
