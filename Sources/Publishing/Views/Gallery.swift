import Charts
import ReportReading
import SeriesModel

/// Chooses charts to draw from a set of observations (the demo and the gallery).
///
/// ```swift
/// for (name, spec) in Gallery.overview(observations) {
///     try write(Chart.render(spec, format: .png), to: name + ".png")   // e.g. "mudanjiang-items-line"
/// }
/// ```
public enum Gallery {
    /// The briefing set per body (see ``selectOverview(_:language:)``).
    public static func overview(_ observations: [Observation], language: Language = .zh) -> [(name: String, spec: ChartSpec)] {
        selectOverview(observations, language: language).charts
    }

    /// A 表二 row metric such as `licensing.decisions` (two id parts; not 表三 or 表四).
    static func isTable2Row(_ id: String) -> Bool {
        id.split(separator: ".").count == 2 && !id.hasPrefix("review") && !id.hasPrefix("litigation")
            && !id.hasPrefix("indicator") && !id.hasPrefix("applications")
    }

    /// Observations split by body, in ``EntityOrder`` (stroke order of the names), each with an ASCII slug for file
    /// names.
    static func byEntity(_ observations: [Observation]) -> [(slug: String, entity: String, observations: [Observation])] {
        let entities = EntityOrder.sorted(observations.map(\.entity))
        var used = Set<String>()
        return entities.enumerated().map { i, e in
            let obs = observations.filter { $0.entity == e }
            let file = obs.lazy.map { ChartSpec.sourceFile($0.source) }.first ?? ""
            var slug = String(file.prefix { $0 != "_" && $0 != "." }.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            if slug.isEmpty || used.contains(slug) { slug = "entity\(i + 1)" }
            used.insert(slug)
            return (slug, e, obs)
        }
    }

    /// Every chart kind drawn from the data (see ``selectCharts(_:language:)``).
    public static func charts(_ observations: [Observation], language: Language = .zh) -> [(name: String, spec: ChartSpec)] {
        selectCharts(observations, language: language).charts
    }

    /// Every chart kind drawn from the data: per body, each kind on the metrics that suit it; across bodies, a
    /// rank, a slope and a line chart of the metric and years most bodies report (see ``crossEntityRank(_:)``).
    /// Charts with nothing to draw are left out and named in `skipped`.
    public static func selectCharts(_ observations: [Observation], language: Language = .zh) -> Selection {
        var out = Selection()
        let zh = language == .zh
        for (slug, entity, obs) in byEntity(observations) {
            func make(_ kind: ChartKind, _ metrics: [String], _ edit: (inout ChartSpec) -> Void = { _ in }) {
                guard !metrics.isEmpty,
                      var spec = try? ChartSpec(observations: obs, metrics: metrics, entities: [entity], kind: kind, language: language)
                else {
                    out.skipped.append(metrics.isEmpty
                        ? "\(slug)-\(kind.rawValue): not drawn, \(entity) has no 表二 row with two or more years to compare"
                        : "\(slug)-\(kind.rawValue): not drawn, the metrics of \(entity) do not fit one \(kind.rawValue) chart")
                    return
                }
                edit(&spec)
                spec.setSubtitle(lead: entity)
                spec.markTemplateChange()
                if let years = shownYears(spec) {
                    // Name only the reports of the years drawn (a 2021→2022 waterfall does not cite 2019).
                    spec.source = ChartSpec.sourceLine(obs.filter { metrics.contains($0.metric) && years.contains($0.year) },
                                                       language: language) ?? spec.source
                }
                out.add("\(slug)-\(kind.rawValue)", spec)
            }
            let level = levelGroup(obs)
            // A body with one year only still gets the kinds that show one year: its latest 处理决定数量.
            let anyYears = level.isEmpty ? rankGroup(obs, fallback: []) : level
            let years = Set(obs.filter { level.contains($0.metric) }.map(\.year))
            make(.line, level) { s in
                if years.count >= 4 { s.annotations.trendLine = true }
            }
            make(.bar, anyYears) { $0.annotations.reference = .mean }
            make(.stacked, anyYears)
            if let share = outcomeShares(obs, entity: entity, language: language) {
                out.add("\(slug)-share", share)
            } else {
                // Shares only of a declared composition (表三's outcomes of the processed total): 处理决定 of
                // licensing, penalties and coercion are not parts of a total the report prints.
                out.skipped.append("\(slug)-share: not drawn, \(entity) has no 表三 outcomes to show as parts of the processed total")
            }
            let changes = obs.map(\.metric).uniquedInOrder().filter { $0.hasSuffix("_change") && isTable2Row($0) }
            let changesMove = obs.contains { changes.contains($0.metric) && $0.value != 0 }
            make(.change, changesMove ? changes : level) { s in
                if changesMove {
                    s.title = zh ? "各类事项数量本年增减" : "Change in items this year"
                } else if lastTwoYears(s) != nil {
                    s.title = zh ? s.title + "增减" : "Change in " + s.title.lowercased()
                }
            }
            make(.slope, level)
            make(.facets, anyYears) { $0.facetScale = .free }
            make(.rank, rankGroup(obs, fallback: anyYears))
            // A waterfall of items only when some count moved; else the level group's last two years.
            let items = obs.map(\.metric).uniquedInOrder().filter { $0.hasSuffix(".items") && isTable2Row($0) }
            let itemsMove = items.count >= 2 && items.contains { m in Set(obs.filter { $0.metric == m }.map(\.value)).count > 1 }
            make(.waterfall, itemsMove ? items : level)
            make(.sparkline, Array(level.prefix(1))) { s in
                // A sparkline has no legend: its one series is named by the metric, not the body in the subtitle.
                if let id = level.first, let metric = MetricCatalog.standard[id] { s.series[0].label = metric.label(zh ? .zh : .en) }
            }
        }
        addCrossEntityCharts(observations, language: language, to: &out)
        return out
    }

    /// The years a chart that compares years draws (the kind's ``ChartSpec/comparedYears``), or nil when it
    /// draws every year.
    static func shownYears(_ spec: ChartSpec) -> Set<Int>? {
        spec.comparedYears?.years
    }

    /// The last year with values and the latest year before it (the years change and waterfall charts compare).
    static func lastTwoYears(_ spec: ChartSpec) -> (base: Int, focus: Int)? {
        let years = spec.yearsWithValues
        guard let focus = years.last, let base = years.last(where: { $0 < focus }) else { return nil }
        return (base, focus)
    }

    /// The metrics of the decisions view (处理决定数量) with two or more years, else those of the items view
    /// (项目数量): the catalog's rows, never a grouping by id suffix.
    static func levelGroup(_ obs: [Observation]) -> [String] {
        var years: [String: Set<Int>] = [:]
        for o in obs { years[o.metric, default: []].insert(o.year) }
        var fallback: [String] = []
        for name in ["decisions", "items"] {
            let ids = (ViewCatalog.view(name)?.metrics.map(\.id) ?? []).filter { (years[$0]?.count ?? 0) >= 2 }
            if ids.count >= 2 { return ids }
            if fallback.isEmpty { fallback = ids }
        }
        return fallback
    }

    /// All `*.decisions` metrics reported in the latest year (a wider ranking than the multi-year group).
    static func rankGroup(_ obs: [Observation], fallback: [String]) -> [String] {
        guard let last = obs.filter({ $0.metric.hasSuffix(".decisions") }).map(\.year).max() else { return fallback }
        let ms = (obs.filter { $0.metric.hasSuffix(".decisions") && $0.year == last }.map(\.metric)).uniquedInOrder()
        return ms.count >= 2 ? ms : fallback
    }

    /// The outcomes of 表三 (总计 column) by year, grouped as the template groups them: a share chart.
    static func outcomeShares(_ obs: [Observation], entity: String, language: Language) -> ChartSpec? {
        let zh = language == .zh
        // The parts as the template groups 表三's rows (ShareGroup.applicationOutcomes, also behind `trends --shares`).
        var values: [Int: [String: Observation]] = [:]
        for o in obs where o.entity == entity { values[o.year, default: [:]][o.metric] = o }
        var series: [ChartSeries] = []
        var used: [Observation] = []
        for (slot, part) in ShareGroup.applicationOutcomes.parts.enumerated() {
            var byYear: [Int: Double] = [:]
            for (year, row) in values {
                guard let (v, metrics) = part.sum.evaluate({ row[$0]?.value }) else { continue }
                byYear[year] = v
                used += metrics.compactMap { row[$0] }
            }
            if byYear.values.contains(where: { $0 != 0 }) {
                // Each outcome keeps its colour when another outcome is absent (all zero) for this body.
                var s = ChartSeries(label: zh ? part.zh : part.en, values: byYear)
                s.slot = slot
                series.append(s)
            }
        }
        guard series.count >= 2 else { return nil }
        let years = Array(Set(series.flatMap(\.years))).sorted()
        let span = years.count > 1 ? "\(years.first!)—\(years.last!)" : "\(years.first ?? 0)"
        var spec = ChartSpec(kind: .share, title: zh ? "政府信息公开申请办理结果构成" : "Outcomes of information requests",
                             subtitle: entity + " · " + span + (zh ? "年" : ""),
                             source: ChartSpec.sourceLine(used, language: language),
                             unit: zh ? "件" : "requests", series: series, language: language)
        spec.markTemplateChange()
        return spec
    }
}
