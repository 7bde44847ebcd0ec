import SeriesModel

/// Chooses charts to draw from a set of observations (the demo and the gallery).
///
/// ```swift
/// for (name, spec) in Gallery.overview(observations) {
///     try write(Chart.render(spec, format: .png), to: name + ".png")   // e.g. "mudanjiang-items-line"
/// }
/// ```
public enum Gallery {
    /// The briefing set per body: one line chart per 表二 family with two or more years (e.g. all 处理决定数量),
    /// one per metric of those families, the applications received (表三) and the outcome shares.
    public static func overview(_ observations: [Observation], language: ChartLanguage = .zh) -> [(name: String, spec: ChartSpec)] {
        var out: [(String, ChartSpec)] = []
        for (slug, entity, obs) in byEntity(observations) {
            for (group, metrics) in multiYearGroups(obs) {
                // All-zero metrics (e.g. no 规章 at all) make empty charts: leave them out.
                let rowMetrics = metrics.filter { m in isTable2Row(m) && obs.contains { $0.metric == m && $0.value != 0 } }
                if rowMetrics.isEmpty { continue }
                if rowMetrics.count > 1, let spec = try? ChartSpec(observations: obs, metrics: rowMetrics, entities: [entity], language: language) {
                    out.append(("\(slug)-\(group)-line", spec))
                }
                for m in rowMetrics {
                    if var spec = try? ChartSpec(observations: obs, metrics: [m], entities: [entity], language: language) {
                        spec.annotations.valueLabels = .all
                        out.append(("\(slug)-\(m)-line", spec))
                    }
                }
            }
            let received = "applications.new_received.total"
            if Set(obs.filter { $0.metric == received }.map(\.year)).count >= 2,
               var spec = try? ChartSpec(observations: obs, metrics: [received], entities: [entity], kind: .bar, language: language) {
                spec.annotations.valueLabels = .all
                out.append(("\(slug)-\(received)-bar", spec))
            }
            if let share = outcomeShares(obs, entity: entity, language: language) {
                out.append(("\(slug)-outcomes-share", share))
            }
        }
        return out
    }

    /// A 表二 row metric such as `licensing.decisions` (two id parts; not 表三 or 表四).
    static func isTable2Row(_ id: String) -> Bool {
        id.split(separator: ".").count == 2 && !id.hasPrefix("review") && !id.hasPrefix("litigation")
            && !id.hasPrefix("indicator") && !id.hasPrefix("applications")
    }

    /// Observations split by body, in order of first appearance, each with an ASCII slug for file names.
    static func byEntity(_ observations: [Observation]) -> [(slug: String, entity: String, observations: [Observation])] {
        let entities = ChartSpec.ordered(observations.map(\.entity))
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
        let metrics = ChartSpec.ordered(obs.map(\.metric)).filter { (years[$0]?.count ?? 0) >= 2 }
        var groups: [(String, [String])] = []
        for m in metrics {
            let g = String(m.split(separator: ".").last ?? Substring(m))
            if let i = groups.firstIndex(where: { $0.0 == g }) { groups[i].1.append(m) } else { groups.append((g, [m])) }
        }
        return groups
    }

    /// Every chart kind drawn from the data: per body, each kind on the metrics that suit it; across bodies, a rank
    /// and a slope chart when two or more bodies share a metric.
    public static func charts(_ observations: [Observation], language: ChartLanguage = .zh) -> [(name: String, spec: ChartSpec)] {
        var out: [(String, ChartSpec)] = []
        let zh = language == .zh
        for (slug, entity, obs) in byEntity(observations) {
            func make(_ kind: ChartKind, _ metrics: [String], _ edit: (inout ChartSpec) -> Void = { _ in }) {
                guard !metrics.isEmpty,
                      var spec = try? ChartSpec(observations: obs, metrics: metrics, entities: [entity], kind: kind, language: language)
                else { return }
                edit(&spec)
                out.append(("\(slug)-\(kind.rawValue)", spec))
            }
            let level = levelGroup(obs)
            let years = Set(obs.filter { level.contains($0.metric) }.map(\.year))
            let spansTemplates = years.contains { $0 <= 2020 } && years.contains { $0 >= 2021 }
            make(.line, level) { s in
                if spansTemplates, s.series.first?.value(in: 2021) != nil {
                    s.annotations.notes = [.init(year: 2021, text: zh ? "模板变更" : "new template")]
                }
                if years.count >= 4 { s.annotations.trendLine = true }
            }
            make(.bar, level) { $0.annotations.reference = .mean }
            make(.stacked, level)
            if let share = outcomeShares(obs, entity: entity, language: language) {
                out.append(("\(slug)-share", share))
            } else {
                make(.share, level)
            }
            let changes = ChartSpec.ordered(obs.map(\.metric)).filter { $0.hasSuffix("_change") }
            let changesMove = obs.contains { changes.contains($0.metric) && $0.value != 0 }
            make(.change, changesMove ? changes : level) { s in
                if changesMove { s.title = zh ? "各类事项数量本年增减" : "Change in items this year" }
            }
            make(.slope, level)
            make(.facets, level) { $0.facetScale = .free }
            make(.rank, rankGroup(obs, fallback: level))
            let items = ChartSpec.ordered(obs.map(\.metric)).filter { $0.hasSuffix(".items") }
            make(.waterfall, items.count >= 2 ? items : level)
            make(.sparkline, Array(level.prefix(1))) { $0.size = ChartSize.preset("sparkline")! }
        }
        // Across bodies: a metric two or more bodies report.
        let entities = ChartSpec.ordered(observations.map(\.entity))
        if entities.count >= 2 {
            var bodies: [String: Set<String>] = [:]
            for o in observations { bodies[o.metric, default: []].insert(o.entity) }
            if let metric = ChartSpec.ordered(observations.map(\.metric)).first(where: { (bodies[$0]?.count ?? 0) >= 2 }) {
                for kind in [ChartKind.rank, .slope] {
                    if let spec = try? ChartSpec(observations: observations, metrics: [metric], kind: kind, language: language) {
                        out.append(("all-\(metric)-\(kind.rawValue)", spec))
                    }
                }
            }
        }
        return out
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
        let ms = ChartSpec.ordered(obs.filter { $0.metric.hasSuffix(".decisions") && $0.year == last }.map(\.metric))
        return ms.count >= 2 ? ms : fallback
    }

    /// The outcomes of 表三 (总计 column) by year, grouped as the template groups them: a share chart.
    static func outcomeShares(_ obs: [Observation], entity: String, language: ChartLanguage) -> ChartSpec? {
        let zh = language == .zh
        let groups: [(String, String, String)] = [
            ("granted", "予以公开", "granted"), ("partial_granted", "部分公开", "partially granted"),
            ("denied_", "不予公开", "denied"), ("unable_", "无法提供", "unable to provide"),
            ("not_processed_", "不予处理", "not processed"), ("other_", "其他处理", "other handling"),
        ]
        var series: [ChartSeries] = []
        var used: [Observation] = []
        for (prefix, labelZh, labelEn) in groups {
            var byYear: [Int: Double] = [:]
            for o in obs where o.entity == entity && o.metric.hasPrefix("applications.") && o.metric.hasSuffix(".total") {
                let row = o.metric.dropFirst("applications.".count).dropLast(".total".count)
                let matches = prefix.hasSuffix("_") ? row.hasPrefix(prefix) : row == prefix
                if matches { byYear[o.year, default: 0] += o.value; used.append(o) }
            }
            if !byYear.isEmpty { series.append(ChartSeries(label: zh ? labelZh : labelEn, values: byYear)) }
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
