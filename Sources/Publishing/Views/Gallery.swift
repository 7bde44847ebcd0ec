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

    /// Observations split by body, in order of first appearance, each with an ASCII slug for file names.
    static func byEntity(_ observations: [Observation]) -> [(slug: String, entity: String, observations: [Observation])] {
        let entities = observations.map(\.entity).uniquedInOrder()
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

    /// Metrics with values in at least two years, grouped by the last part of their id (`items`, `decisions`).
    static func multiYearGroups(_ obs: [Observation]) -> [(group: String, metrics: [String])] {
        var years: [String: Set<Int>] = [:]
        for o in obs { years[o.metric, default: []].insert(o.year) }
        let metrics = obs.map(\.metric).uniquedInOrder().filter { (years[$0]?.count ?? 0) >= 2 }
        var groups: [(String, [String])] = []
        for m in metrics {
            let g = String(m.split(separator: ".").last ?? Substring(m))
            if let i = groups.firstIndex(where: { $0.0 == g }) { groups[i].1.append(m) } else { groups.append((g, [m])) }
        }
        return groups
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
            let spansTemplates = years.contains { $0 <= 2020 } && years.contains { $0 >= 2021 }
            make(.line, level) { s in
                if spansTemplates, s.series.first?.value(in: 2021) != nil {
                    s.annotations.notes = [.init(year: 2021, text: zh ? "模板变更" : "new template")]
                }
                if years.count >= 4 { s.annotations.trendLine = true }
            }
            make(.bar, anyYears) { $0.annotations.reference = .mean }
            make(.stacked, anyYears)
            if let share = outcomeShares(obs, entity: entity, language: language) {
                out.add("\(slug)-share", share)
            } else {
                make(.share, anyYears)
            }
            let changes = obs.map(\.metric).uniquedInOrder().filter { $0.hasSuffix("_change") && isTable2Row($0) }
            let changesMove = obs.contains { changes.contains($0.metric) && $0.value != 0 }
            make(.change, changesMove ? changes : level) { s in
                if changesMove {
                    s.title = zh ? "各类事项数量本年增减" : "Change in items this year"
                } else if let (base, focus) = lastTwoYears(s) {
                    s.title = zh ? s.title + "增减" : "Change in " + s.title.lowercased()
                    s.subtitle = entity + " · " + (zh ? "\(focus)年较\(base)年" : "\(focus) vs \(base)")
                }
            }
            make(.slope, level) { s in
                if let compared = s.comparedYears, let base = compared.base, base != compared.focus {
                    let focus = compared.focus
                    s.subtitle = entity + " · " + (zh ? "\(base)年与\(focus)年" : "\(base) and \(focus)")
                }
            }
            make(.facets, anyYears) { $0.facetScale = .free }
            make(.rank, rankGroup(obs, fallback: anyYears))
            // A waterfall of items only when some count moved; else the level group's last two years.
            let items = obs.map(\.metric).uniquedInOrder().filter { $0.hasSuffix(".items") && isTable2Row($0) }
            let itemsMove = items.count >= 2 && items.contains { m in Set(obs.filter { $0.metric == m }.map(\.value)).count > 1 }
            make(.waterfall, itemsMove ? items : level) { s in
                if let (base, focus) = lastTwoYears(s) {
                    s.subtitle = entity + " · " + (zh ? "\(base)年至\(focus)年" : "\(base) to \(focus)")
                }
            }
            make(.sparkline, Array(level.prefix(1)))
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

    /// The metrics of a table-2 row family with two or more years, preferring 处理决定数量 then 项目数量.
    static func levelGroup(_ obs: [Observation]) -> [String] {
        let groups = multiYearGroups(obs).map { g in (g.group, g.metrics.filter(isTable2Row)) }.filter { !$0.1.isEmpty }
        for preferred in ["decisions", "items"] {
            if let g = groups.first(where: { $0.0 == preferred }), g.1.count >= 2 { return g.1 }
        }
        return groups.max { $0.1.count < $1.1.count }?.1 ?? []
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
        return ChartSpec(kind: .share, title: zh ? "政府信息公开申请办理结果构成" : "Outcomes of information requests",
                         subtitle: entity + " · " + span + (zh ? "年" : ""),
                         source: ChartSpec.sourceLine(used, language: language),
                         unit: zh ? "件" : "requests", series: series, language: language)
    }
}
