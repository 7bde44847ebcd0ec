import Charts
import ReportReading
import SeriesModel

/// What one ``ReportView`` gives for one body: its chart, or why there is none, and the metrics left out because
/// they are zero in every year.
public struct ViewChart: Sendable {
    /// The chart, or nil when the view is not drawn for the body.
    public var spec: ChartSpec?
    /// Why the chart (or a series of it) was left out; empty when the body has none of the view's metrics.
    public var notes: [String] = []
    /// The view's metric ids that have values for the body, all zero: not drawn, listed once by the caller.
    public var zeroMetrics: [String] = []
    /// True when a requested `stacked` or `share` kind was not used because the view is not a composition.
    public var keptKind = false
}

extension ReportView {
    /// The chart of this view for `entity`: the one rule the demo's overview, the briefing and the per-body export
    /// share.
    ///
    /// - series zero in every year are left out (``ViewChart/zeroMetrics``); a 2019-template field and the 2021
    ///   field that continues it are one series (``Metric/earlier``);
    /// - one year: a rank chart of three or more values; one or two values are said better by a table (not drawn);
    ///   a view that needs years is not drawn;
    /// - a line needs three years (two are bars); `stacked` and `share` only for a composition; more than
    ///   ``ChartSpec/maxSeries`` series become facets;
    /// - every chart whose years cross 2020→2021 carries the template change (``ChartSpec/markTemplateChange()``);
    ///   the subtitle says when the chart starts later or ends earlier than its section, and which field a joined
    ///   series was before 2021; every series is named, and a title names only what is drawn.
    ///
    /// ```swift
    /// let c = ViewCatalog.view("normative-docs")!.chart(obs, entity: "平潭综合实验区")
    /// c.spec?.series.map(\.label)   // ["本年制发", "本年新公开", "本年废止"]
    /// ```
    public func chart(_ observations: [Observation], entity: String, language: Language = .zh,
                      kind requested: ChartKind? = nil, catalog: MetricCatalog = .standard) -> ViewChart {
        let zh = language == .zh
        let obs = observations.filter { $0.entity == entity }
        var out = ViewChart()
        if isOutcomeShares {
            guard var spec = Gallery.outcomeShares(obs, entity: entity, language: language) else { return out }
            if spec.yearsWithValues.count == 1 {
                // One year of shares is one 100 % bar: the parts as a rank of that year, or a table for two.
                guard spec.series.count >= 3 else {
                    out.notes.append("not drawn, one year only (\(spec.yearsWithValues[0])) and \(spec.series.count) value(s): a table says it better than a chart")
                    return out
                }
                spec.kind = .rank
                spec.annotations.valueLabels = .all
            } else if let requested, requested != .share {
                spec.kind = requested
            }
            spec.size = spec.kind.defaultSize
            spec.limitSeries()
            spec.setSubtitle(lead: entity)
            spec.markTemplateChange()
            out.spec = spec
            return out
        }
        var byMetric: [String: [Int: Observation]] = [:]
        for o in obs { byMetric[o.metric, default: [:]][o.year] = o }
        // Each series: its own years, then the earlier field's years it has no value for.
        var series: [(metric: Metric, points: [Int: Observation], joined: Bool)] = []
        for m in metrics {
            var points = byMetric[m.id] ?? [:]
            var joined = false
            if let e = m.earlier, let earlier = byMetric[e] {
                for (y, o) in earlier where points[y] == nil { points[y] = o; joined = true }
                joined = joined && byMetric[m.id] != nil
            }
            guard !points.isEmpty else { continue }
            if points.values.allSatisfy({ $0.value == 0 }) {
                out.zeroMetrics += m.ids.filter { byMetric[$0] != nil }
            } else {
                series.append((m, points, joined))
            }
        }
        guard !series.isEmpty else {
            if !out.zeroMetrics.isEmpty { out.notes.append("not drawn, every value is zero") }
            return out
        }
        let base = requested ?? kind
        if base == .line && series.contains(where: { $0.points.count >= 2 }) {
            // A line of one point beside lines of several years reads as a trend it is not: leave it out.
            for s in series where s.points.count < 2 {
                out.notes.append("drawn without the series \(zh ? s.metric.zh : s.metric.en), which has one year only (\(s.points.keys.sorted().map(String.init).joined()))")
            }
            series.removeAll { $0.points.count < 2 }
        }
        if name == "items" && series.allSatisfy({ Set($0.points.values.map(\.value)).count == 1 }) {
            out.notes.append("not drawn, the item counts did not change")
            return out
        }
        let years = Set(series.flatMap(\.points.keys))
        var chosen: ChartKind
        if years.count == 1 {
            let year = years.first!
            if needsYears {
                out.notes.append("not drawn, one year only (\(year)), nothing to compare")
                return out
            }
            guard series.count >= 3 else {
                out.notes.append("not drawn, one year only (\(year)) and \(series.count) value(s): a table says it better than a chart")
                return out
            }
            chosen = .rank
        } else {
            chosen = base
            if (chosen == .stacked || chosen == .share) && !isComposition {
                chosen = kind == .stacked || kind == .share ? .bar : kind
                out.keptKind = true
            }
            if chosen == .line && years.count < 3 && requested == nil { chosen = .bar }
        }
        // The observations as the chart's series: an earlier field's values under the id of the field it continues.
        let used = series.flatMap { s in s.points.values.map { o -> Observation in
            var o = o
            o.metric = s.metric.id
            return o
        } }
        let ids = series.map(\.metric.id)
        guard var spec = try? ChartSpec(observations: used, metrics: ids, entities: [entity], kind: chosen,
                                        language: language, catalog: catalog) else {
            out.notes.append("not drawn, the metrics do not fit one \(chosen.rawValue) chart")
            return out
        }
        if series.count == 1 && metrics.count > 1 {
            // A title listing three rows over one drawn row would name what is not there.
            spec.title = catalog[ids[0]].map { $0.label(zh ? .zh : .en) } ?? title(language)
        } else {
            spec.title = title(language)
        }
        for (i, s) in series.enumerated() where i < spec.series.count { spec.series[i].label = zh ? s.metric.zh : s.metric.en }
        if chosen == .line || chosen == .bar { spec.annotations.valueLabels = .all }
        if ids.allSatisfy({ $0.hasPrefix("indicator.") }) {
            // Indicators are computed from 表三: name the reports of those rows, not the formula.
            let shown = Set(spec.yearsWithValues)
            spec.source = ChartSpec.sourceLine(obs.filter { $0.metric.hasPrefix("applications.") && shown.contains($0.year) },
                                               language: language, catalog: catalog) ?? spec.source
        }
        spec.limitSeries()
        spec.markTemplateChange()
        spec.setSubtitle(lead: entity, notes: subtitleNotes(series.map { ($0.metric, $0.joined) }, years: years, obs: obs,
                                                            zh: zh, catalog: catalog))
        out.spec = spec
        return out
    }

    /// What the subtitle adds: the field a joined series was before 2021, and why a chart starts later or ends
    /// earlier than the body's reports (a field of one template only, or reports the row was not read from).
    private func subtitleNotes(_ series: [(metric: Metric, joined: Bool)], years: Set<Int>, obs: [Observation], zh: Bool,
                               catalog: MetricCatalog) -> [String] {
        var notes: [String] = []
        for (m, joined) in series where joined {
            guard let e = m.earlier, let label = catalog[e]?.label(zh ? .zh : .en) else { continue }
            let field = label.split(separator: "·").last.map(String.init) ?? label
            notes.append(zh ? "\(m.zh)：2020年及以前为“\(field)”" : "\(m.en): “\(field)” until 2020")
        }
        // The body's report years (a printed 上一年项目数量 is a year before its report: not counted).
        let reportYears = Set(obs.filter { !$0.metric.hasSuffix(".items") }.map(\.year))
        guard let first = years.min(), let last = years.max(), let sFirst = reportYears.min(), let sLast = reportYears.max()
        else { return notes }
        let templates = Set(series.flatMap { s in s.metric.ids.flatMap { catalog[$0]?.templates ?? [] } })
        if first > sFirst {
            if templates == [.v2021] && first >= ChartSpec.templateChangeYear {
                notes.append(zh ? "新版年报格式（2021年起）才统计此项" : "reported since the 2021 template only")
            } else {
                // Reports of those years were read, but not this row (a blank cell, or a run that could not be split).
                let missing = reportYears.filter { $0 < first }.sorted()
                notes.append(zh ? "\(yearsInWords(missing, zh: true))年报告中未读出此项" : "not read from the \(yearsInWords(missing, zh: false)) reports")
            }
        }
        if last < sLast && templates == [.v2019] && last < ChartSpec.templateChangeYear {
            notes.append(zh ? "2021年起新版年报格式不再统计此项" : "not reported under the 2021 template")
        }
        return notes
    }
}
