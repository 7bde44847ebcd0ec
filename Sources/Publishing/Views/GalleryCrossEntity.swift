import Charts
import ReportReading
import SeriesModel

/// Charts that compare bodies: the metric and year(s) are the ones the most bodies report (non-zero first).
extension Gallery {
    /// The metric and year for a rank chart across bodies: the most bodies with a non-zero value, then the most
    /// bodies with any value, then the latest year, then the metric's place in the template. Nil when no metric
    /// has two or more bodies in one year. `*_change` rows are left out (they are differences, not levels).
    ///
    /// ```swift
    /// // 牡丹江 reports 行政许可 items for 2019 (5,434, 上一年) and 2020; 平潭 for 2018 and 2019 (396):
    /// Gallery.crossEntityRank(obs)   // ("licensing.items", 2019)
    /// ```
    public static func crossEntityRank(_ observations: [Observation], catalog: MetricCatalog = .standard) -> (metric: String, year: Int)? {
        let table = valueTable(observations)
        var best: (key: [Int], metric: String, year: Int)?
        for (metric, byEntity) in table {
            let years = Set(byEntity.values.flatMap(\.keys))
            for year in years {
                let vals = byEntity.values.compactMap { $0[year] }
                guard vals.count >= 2 else { continue }
                let key = [vals.filter { $0 != 0 }.count, vals.count, year, -catalog.order(of: metric)]
                if best == nil || isBetter(key, metric, than: best!.key, best!.metric) { best = (key, metric, year) }
            }
        }
        guard let best, best.key[0] > 0 else { return nil }
        return (best.metric, best.year)
    }

    /// The metric and two years for a slope chart across bodies: two or more bodies must have values in both
    /// years. Ranked like ``crossEntityRank(_:catalog:)`` (bodies not zero in both years, bodies, the later
    /// year, the wider span, template order). Nil when no metric has two bodies sharing two years.
    public static func crossEntitySlope(_ observations: [Observation], catalog: MetricCatalog = .standard) -> (metric: String, base: Int, focus: Int)? {
        let table = valueTable(observations)
        var best: (key: [Int], metric: String, base: Int, focus: Int)?
        for (metric, byEntity) in table {
            let years = Set(byEntity.values.flatMap(\.keys)).sorted()
            for (i, base) in years.enumerated() {
                for focus in years[(i + 1)...] {
                    let pairs = byEntity.values.compactMap { v -> (Double, Double)? in
                        guard let a = v[base], let b = v[focus] else { return nil }
                        return (a, b)
                    }
                    guard pairs.count >= 2 else { continue }
                    let key = [pairs.filter { $0.0 != 0 || $0.1 != 0 }.count, pairs.count, focus, focus - base,
                               -catalog.order(of: metric)]
                    if best == nil || isBetter(key, metric, than: best!.key, best!.metric) { best = (key, metric, base, focus) }
                }
            }
        }
        guard let best, best.key[0] > 0 else { return nil }
        return (best.metric, best.base, best.focus)
    }

    /// The metric for a line chart across bodies: the most bodies with two or more years and a non-zero value,
    /// then the most points, then template order. Nil when fewer than two bodies have such a series.
    public static func crossEntityLine(_ observations: [Observation], catalog: MetricCatalog = .standard) -> String? {
        let table = valueTable(observations)
        var best: (key: [Int], metric: String)?
        for (metric, byEntity) in table {
            let good = byEntity.values.filter { $0.count >= 2 && $0.values.contains { $0 != 0 } }
            guard good.count >= 2 else { continue }
            let key = [good.count, good.reduce(0) { $0 + $1.count }, -catalog.order(of: metric)]
            if best == nil || isBetter(key, metric, than: best!.key, best!.metric) { best = (key, metric) }
        }
        return best?.metric
    }

    /// Adds the rank, slope and line charts across bodies (or notes why one was left out).
    static func addCrossEntityCharts(_ observations: [Observation], language: Language, to out: inout Selection) {
        let entities = observations.map(\.entity).uniquedInOrder()
        guard entities.count >= 2 else { return }
        let zh = language == .zh
        if let (metric, year) = crossEntityRank(observations),
           var spec = try? ChartSpec(observations: observations.filter { $0.year == year }, metrics: [metric],
                                     kind: .rank, language: language) {
            spec.focusYear = year
            spec.subtitle = bodies(spec, zh) + " · " + (zh ? "\(year)年" : "\(year)")
            out.add("all-\(metric)-rank", spec)
        } else {
            out.skipped.append("all-rank: not drawn, no metric has non-zero values for two or more bodies in the same year")
        }
        if let (metric, base, focus) = crossEntitySlope(observations),
           var spec = try? ChartSpec(observations: observations.filter { $0.year == base || $0.year == focus },
                                     metrics: [metric], kind: .slope, language: language) {
            spec.baseYear = base
            spec.focusYear = focus
            spec.series.removeAll { $0.value(in: base) == nil || $0.value(in: focus) == nil }
            spec.subtitle = bodies(spec, zh) + " · " + (zh ? "\(base)年与\(focus)年" : "\(base) and \(focus)")
            out.add("all-\(metric)-slope", spec)
        } else {
            out.skipped.append("all-slope: not drawn, no metric has values for two or more bodies in the same two years")
        }
        if let metric = crossEntityLine(observations),
           var spec = try? ChartSpec(observations: observations, metrics: [metric], kind: .line, language: language) {
            spec.subtitle = bodies(spec, zh) + " · " + (spec.subtitle ?? "")
            out.add("all-\(metric)-line", spec)
        }
    }

    /// The bodies compared, e.g. `牡丹江市人民政府、平潭综合实验区` (at most three, then 等N个主体).
    static func bodies(_ spec: ChartSpec, _ zh: Bool) -> String {
        let names = spec.series.map(\.label)
        let shown = names.prefix(3).joined(separator: zh ? "、" : ", ")
        guard names.count > 3 else { return shown }
        return shown + (zh ? "等\(names.count)个主体" : " and \(names.count - 3) more")
    }

    /// metric → entity → year → value, metrics that are differences (`*_change`) left out.
    static func valueTable(_ observations: [Observation]) -> [String: [String: [Int: Double]]] {
        var table: [String: [String: [Int: Double]]] = [:]
        for o in observations where !o.metric.hasSuffix("_change") {
            table[o.metric, default: [:]][o.entity, default: [:]][o.year] = o.value
        }
        return table
    }

    /// Lexicographic comparison of score keys; the metric id breaks ties so the pick never depends on hash order.
    static func isBetter(_ a: [Int], _ metricA: String, than b: [Int], _ metricB: String) -> Bool {
        a != b ? a.lexicographicallyPrecedes(b) == false : metricA < metricB
    }
}
