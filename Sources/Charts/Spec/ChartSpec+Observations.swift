import Foundation
import SeriesModel

extension ChartSpec {
    /// A spec built from observations: one series per metric (one entity) or per entity (one metric).
    ///
    /// The title is the metric label (or the part several labels share, e.g. `项目数量`), the subtitle the body
    /// and years, the unit the catalog unit, the source line the files the values came from.
    ///
    /// ```swift
    /// let spec = try ChartSpec(observations: obs, metrics: ["licensing.items"], kind: .line)
    /// spec.title                    // "行政许可·项目数量"
    /// spec.series[0].points.count   // 2 (2019 and 2020)
    /// ```
    /// - Throws: ``ChartError`` when nothing matches or the metrics have different units.
    public init(observations: [Observation], metrics: [String], entities: [String] = [], kind: ChartKind = .line,
                language: ChartLanguage = .zh, catalog: MetricCatalog = .standard) throws {
        let zh = language == .zh
        let wantedEntities = Set(entities.map(EntityName.normalize))
        let chosen = observations.filter { o in
            metrics.contains(o.metric) && (wantedEntities.isEmpty || wantedEntities.contains(o.entity))
        }
        let names = metrics.map { id in catalog[id].map { $0.label(zh ? .zh : .en) } ?? (chosen.first { $0.metric == id }?.label ?? id) }
        let titleGuess = names.joined(separator: "、")
        guard !metrics.isEmpty else {
            throw ChartError(stage: "choosing data for", chart: "", message: "no metric given: pass --metric ID (see `trendplot metrics`)")
        }
        let entityOrder = Self.ordered(chosen.map(\.entity))
        for id in metrics where !chosen.contains(where: { $0.metric == id }) {
            let scope = wantedEntities.isEmpty ? "" : " for " + wantedEntities.sorted().joined(separator: ", ")
            let known = catalog.contains(id) ? "" : " (it is not in the metric catalog either; see `trendplot metrics`)"
            throw ChartError(stage: "choosing data for", chart: titleGuess,
                             message: "no observation of metric “\(id)”\(scope) in the data\(known)")
        }
        let units = metrics.map { id in chosen.first { $0.metric == id }?.unit ?? catalog[id]?.unit ?? "" }
        if Set(units).count > 1 && kind != .facets {
            let list = zip(metrics, units).map { "\($0) (\($1))" }.joined(separator: ", ")
            throw ChartError(stage: "choosing data for", chart: titleGuess,
                             message: "the metrics have different units: \(list); one axis shows one unit, so plot them separately or use --kind facets")
        }

        var series: [ChartSeries] = []
        let parts = names.map { $0.split(separator: "·").map { $0.trimmingCharacters(in: .whitespaces) } }
        let sharedLast = parts.count > 1 && parts.allSatisfy { $0.count > 1 && $0.last == parts[0].last } ? parts[0].last : nil
        for (mi, id) in metrics.enumerated() {
            for e in entityOrder {
                let pts = chosen.filter { $0.metric == id && $0.entity == e }.map { ChartSeries.YearValue(year: $0.year, value: $0.value) }
                if pts.isEmpty { continue }
                let metricName = sharedLast != nil ? parts[mi].dropLast().joined(separator: zh ? "·" : " · ") : names[mi]
                let label: String
                if metrics.count == 1 { label = e } else if entityOrder.count == 1 { label = metricName } else { label = e + "·" + metricName }
                series.append(ChartSeries(label: label, points: pts))
            }
        }
        let title: String
        if metrics.count == 1 { title = names[0] } else if let s = sharedLast { title = zh ? s : s.prefix(1).uppercased() + s.dropFirst() } else { title = titleGuess }
        let years = Array(Set(chosen.map(\.year))).sorted()
        var sub: [String] = []
        if entityOrder.count == 1 && metrics.count > 1 || entityOrder.count == 1 && metrics.count == 1 { sub.append(entityOrder[0]) }
        if let f = years.first, let l = years.last { sub.append(f == l ? (zh ? "\(f)年" : "\(f)") : (zh ? "\(f)—\(l)年" : "\(f)–\(l)")) }
        let files = Self.ordered(chosen.map { Self.sourceFile($0.source) })
        let fileList = files.prefix(3).joined(separator: zh ? "、" : ", ") + (files.count > 3 ? (zh ? "等" : " and others") : "")
        let unit = units.first ?? ""
        self.init(kind: kind, title: title, subtitle: sub.joined(separator: " · "),
                  source: files.isEmpty ? nil : (zh ? "数据来源：" : "Source: ") + fileList,
                  unit: unit == "%" ? "" : (zh ? unit : (catalog[metrics[0]]?.unitEn ?? unit)),
                  valueFormat: unit == "%" ? .percent : .number, series: series, language: language)
        if metrics.allSatisfy({ $0.hasSuffix("_change") }) { changeMeasure = .value }
        if kind == .sparkline { size = ChartSize.preset("sparkline")! }
    }

    /// The file part of a source such as `mudanjiang_2020.txt:259` or `pingtan_2021.html#table3[r5c2]`.
    static func sourceFile(_ source: String) -> String {
        var s = Substring(source)
        if let i = s.firstIndex(where: { $0 == "#" || $0 == ":" }) { s = s[..<i] }
        if let slash = s.lastIndex(of: "/") { s = s[s.index(after: slash)...] }
        return s.trimmingCharacters(in: .whitespaces)
    }

    /// Distinct values in order of first appearance.
    static func ordered(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}

