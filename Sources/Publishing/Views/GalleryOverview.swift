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
    /// Metrics whose values are all zero are left out; views spanning one year become a rank chart of that
    /// year (or are left out when they need a trend); a body with none of these views gets its first
    /// non-zero 表二 row, so every body has at least one chart. `skipped` says what was left out and why.
    ///
    /// ```swift
    /// let picked = Gallery.selectOverview(observations)
    /// picked.charts.map(\.name)   // ["pingtan-decisions", "pingtan-applications", "pingtan-outcomes-share", …]
    /// ```
    public static func selectOverview(_ observations: [Observation], language: Language = .zh) -> Selection {
        var out = Selection()
        let zh = language == .zh
        for (slug, entity, obs) in byEntity(observations) {
            let before = out.charts.count
            var values: [String: [Int: Double]] = [:]
            for o in obs { values[o.metric, default: [:]][o.year] = o.value }
            for view in ViewCatalog.overview {
                let name = "\(slug)-\(view.name)"
                if view.isOutcomeShares {
                    // The outcomes of 表三, grouped as the template groups them (not one metric list).
                    if let share = outcomeShares(obs, entity: entity, language: language) { out.add(name, share) }
                    continue
                }
                var shown = view.metrics.filter { m in values[m.id]?.values.contains { $0 != 0 } ?? false }
                // A line of one point beside lines of several years reads as a trend it is not: leave it out.
                if view.kind == .line && shown.contains(where: { values[$0.id]!.count >= 2 }) {
                    for m in shown where values[m.id]!.count < 2 {
                        out.skipped.append("\(name): drawn without the series \(m.zh), which has one year only (\(values[m.id]!.keys.sorted().map(String.init).joined()))")
                    }
                    shown.removeAll { values[$0.id]!.count < 2 }
                }
                guard !shown.isEmpty else {
                    if view.metrics.contains(where: { values[$0.id] != nil }) { out.skipped.append("\(name): not drawn, every value is zero") }
                    continue
                }
                if view.name == "items" && out.charts.count > before
                    && shown.allSatisfy({ Set(values[$0.id]!.values).count == 1 }) {
                    out.skipped.append("\(name): not drawn, the item counts did not change")
                    continue
                }
                let years = Set(shown.flatMap { values[$0.id]!.keys })
                let kind: ChartKind
                if years.count >= 2 {
                    kind = view.kind
                } else if view.needsYears || shown.count < 2 {
                    out.skipped.append("\(name): not drawn, one year only (\(years.first!)), nothing to compare")
                    continue
                } else {
                    kind = .rank
                }
                guard var spec = try? ChartSpec(observations: obs, metrics: shown.map(\.id), entities: [entity],
                                                kind: kind, language: language) else { continue }
                spec.title = zh ? view.titleZh : view.titleEn
                if shown.count > 1 {
                    for (i, m) in shown.enumerated() where i < spec.series.count { spec.series[i].label = zh ? m.zh : m.en }
                }
                if kind == .line || kind == .bar { spec.annotations.valueLabels = .all }
                if kind == .line, years.contains(where: { $0 <= 2020 }), years.contains(2021) {
                    // The 2021 template redefined several rows: mark where the series cross it.
                    spec.annotations.notes = [.init(year: 2021, text: zh ? "模板变更" : "new template")]
                }
                if shown.allSatisfy({ $0.id.hasPrefix("indicator.") }) {
                    // Indicators are computed from 表三: name the reports of those rows, not the formula.
                    let years = Set(spec.yearsWithValues)
                    spec.source = ChartSpec.sourceLine(obs.filter { $0.metric.hasPrefix("applications.") && years.contains($0.year) },
                                                       language: language) ?? spec.source
                }
                if kind == .line && shown.count == 1 { spec.series[0].label = zh ? shown[0].zh : shown[0].en }
                out.add(name, spec)
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
        out.add("\(slug)-\(metric)", spec)
    }
}
