import Charts
import Foundation
import ReportReading
import SeriesModel

extension ChartSpec {
    /// A chart of `metrics` for `entities` (all bodies when empty) from a dataset: the same as
    /// ``init(observations:metrics:entities:kind:language:catalog:)`` with the dataset's merged observations.
    ///
    /// ```swift
    /// var dataset = InputLoader().load(["datasets/"]).dataset
    /// dataset.addIndicators()
    /// let spec = try ChartSpec(dataset: dataset, metrics: ["indicator.disclosure_rate"], entities: ["平潭综合实验区"])
    /// ```
    public init(dataset: Dataset, metrics: [String], entities: [String] = [], kind: ChartKind = .line,
                language: Language = .zh) throws {
        try self.init(observations: dataset.observations(), metrics: metrics, entities: entities, kind: kind, language: language)
    }

    /// A spec built from observations: one series per metric (one entity) or per entity (one metric).
    ///
    /// The title is the metric label (or the part several labels share, e.g. `项目数量`), the subtitle the body
    /// and years the kind shows, the bodies in the order of `entities` (else in ``EntityOrder``), the unit the catalog
    /// unit, the source line the reports and tables the values came from, in words (``sourceLine(_:language:catalog:)``).
    ///
    /// ```swift
    /// let spec = try ChartSpec(observations: obs, metrics: ["licensing.items"], kind: .line)
    /// spec.title                    // "行政许可·项目数量"
    /// spec.series[0].points.count   // 2 (2019 and 2020)
    /// ```
    /// - Throws: ``ChartError`` when nothing matches or the metrics have different units.
    public init(observations: [Observation], metrics: [String], entities: [String] = [], kind: ChartKind = .line,
                language: Language = .zh, catalog: MetricCatalog = .standard) throws {
        let zh = language == .zh
        let wantedEntities = Set(entities.map(EntityName.normalize))
        let chosen = observations.filter { o in
            metrics.contains(o.metric) && (wantedEntities.isEmpty || wantedEntities.contains(o.entity))
        }
        let names = metrics.map { id in catalog[id].map { $0.label(zh ? .zh : .en) } ?? (chosen.first { $0.metric == id }?.label ?? id) }
        let titleGuess = names.joined(separator: "、")
        guard !metrics.isEmpty else {
            throw ChartError.noMetric()
        }
        // Bodies in the order asked for, else in stroke order of their names (EntityOrder), never in file order.
        let present = Set(chosen.map(\.entity))
        let asked = entities.map(EntityName.normalize).uniquedInOrder().filter(present.contains)
        let entityOrder = asked.count == present.count ? asked : EntityOrder.sorted(Array(present))
        for id in metrics where !chosen.contains(where: { $0.metric == id }) {
            throw ChartError.noObservations(metric: id, entities: wantedEntities.sorted(), inCatalog: catalog.contains(id),
                                            chart: titleGuess)
        }
        let units = metrics.map { id in chosen.first { $0.metric == id }?.unit ?? catalog[id]?.unit ?? "" }
        if Set(units).count > 1 && kind != .facets {
            throw ChartError.mixedUnits(Array(zip(metrics, units)), chart: titleGuess)
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
        // 表二 rows keep one colour each across charts (行政许可 blue whether beside 处罚 alone or all five rows).
        let families = MetricCatalog.itemRows2019.map(\.prefix)
        let slots = metrics.map { id in families.firstIndex(of: String(id.prefix { $0 != "." })) }
        if metrics.count > 1 && entityOrder.count == 1 && slots.allSatisfy({ $0 != nil }) && series.count == metrics.count {
            for i in series.indices { series[i].slot = slots[i] }
        }
        let title: String
        if metrics.count == 1 { title = names[0] } else if let s = sharedLast { title = zh ? s : s.prefix(1).uppercased() + s.dropFirst() } else { title = titleGuess }
        let sourceLine = Self.sourceLine(chosen, language: language)
        let unit = units.first ?? ""
        self.init(kind: kind, title: title, subtitle: nil,
                  source: sourceLine,
                  unit: unit == "%" ? "" : (zh ? unit : (catalog[metrics[0]]?.unitEn ?? unit)),
                  valueFormat: unit == "%" ? .percent : .number, series: series, language: language)
        if metrics.allSatisfy({ $0.hasSuffix("_change") }) { changeMeasure = .value }
        size = kind.defaultSize
        // The body (when one) and the years the kind shows (a rank chart: its one year), as every subtitle says them.
        setSubtitle(lead: entityOrder.count == 1 ? entityOrder[0] : nil)
    }

    /// The source line in words: the bodies, the report years and the tables the values were read from, e.g.
    /// `数据来源：平潭综合实验区2019、2021、2022年政府信息公开工作年度报告表二` — never a file name (file names and cells are
    /// for the briefing's appendix and the tidy data). The report year of a value is its year, except a printed
    /// 上一年项目数量 (`*.items` for year Y−1 in the report of year Y). More than three bodies are counted, not named.
    static func sourceLine(_ obs: [Observation], language: Language, catalog: MetricCatalog = .standard) -> String? {
        let zh = language == .zh
        guard !obs.isEmpty else { return nil }
        var reports: [(entity: String, years: Set<Int>)] = []
        var position: [String: Int] = [:]
        var tables = Set<Int>()
        for o in obs {
            let year = o.metric.hasSuffix(".items") && !o.derived ? o.year + 1 : o.year
            if let i = position[o.entity] { reports[i].years.insert(year) } else {
                position[o.entity] = reports.count
                reports.append((o.entity, [year]))
            }
            if let t = catalog[o.metric]?.table { tables.insert(t) } else if o.metric.hasPrefix("indicator.") { tables.insert(3) }
        }
        let tableWords = tables.sorted().map { t -> String in
            zh ? "表" + (["", "一", "二", "三", "四"][min(t, 4)]) : "table \(t)"
        }
        let tablePart = tableWords.isEmpty ? "" : (zh ? tableWords.joined(separator: "、") : ", " + tableWords.joined(separator: " and "))
        if reports.count > 3 {
            let years = yearsInWords(reports.flatMap(\.years), zh: zh)
            return zh ? "数据来源：\(reports[0].entity)等\(reports.count)个单位\(years)年政府信息公开工作年度报告\(tablePart)"
                      : "Source: annual information-disclosure reports \(years) of \(reports.count) bodies\(tablePart)"
        }
        let parts = reports.map { r -> String in
            let ys = yearsInWords(Array(r.years), zh: zh)
            return zh ? "\(r.entity)\(ys)年政府信息公开工作年度报告\(tablePart)"
                      : "\(r.entity) annual information-disclosure reports \(ys)\(tablePart)"
        }
        return zh ? "数据来源：" + parts.joined(separator: "；") : "Source: " + parts.joined(separator: "; ")
    }

    /// The file part of a source such as `mudanjiang_2020.txt:259` or `pingtan_2021.html#table3[r5c2]`.
    static func sourceFile(_ source: String) -> String {
        SourceRef.fileName(of: source).trimmingCharacters(in: .whitespaces)
    }
}

