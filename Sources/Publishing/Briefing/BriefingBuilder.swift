import Charts
import ReportReading
import SeriesModel

/// Makes the content of a briefing from a dataset: per body the key findings (``Findings``) and the planned
/// charts with their tables; then the sources, the checker's findings and the dataset's conflicts.
///
/// ```swift
/// let builder = BriefingBuilder(language: .zh, entities: ["平潭综合实验区"])
/// let briefing = try builder.build(BriefingInput(dataset: dataset, reports: results))
/// briefing.sections[0].charts.count     // 6
/// ```
public struct BriefingBuilder: Sendable {
    /// The language of every generated word.
    public var language: Language
    /// Metric ids to chart (one chart each; a trailing `*` matches a prefix); empty = ``BriefChartPlan/standard``.
    public var metrics: [String]
    /// Bodies to cover; empty = every body in the data, one section each.
    public var entities: [String]
    /// The canvas of each chart (drawn scaled to the page width).
    public var chartSize: ChartSize

    public init(language: Language = .zh, metrics: [String] = [], entities: [String] = [],
                chartSize: ChartSize = ChartSize(width: 640, height: 400)) {
        self.language = language; self.metrics = metrics; self.entities = entities; self.chartSize = chartSize
    }

    private var zh: Bool { language == .zh }

    /// The briefing of `input`.
    /// - Throws: ``BriefError`` when the data is empty, a body is not in it, or no chart can be drawn.
    public func build(_ input: BriefingInput) throws -> Briefing {
        var dataset = input.dataset
        if !dataset.metrics.contains(where: { $0.hasPrefix("indicator.") }) { dataset.addIndicators() }
        guard !dataset.entities.isEmpty else {
            throw BriefError("no observations in the input: expected report files (.txt, .html, .md) or tidy CSV/JSON with rows")
        }
        let bodies = try chosenEntities(dataset)
        let all = dataset.observations()
        let plan = metrics.isEmpty ? BriefChartPlan.standard : BriefChartPlan.metrics(metrics, available: dataset.metrics)
        let findings = Findings(language: zh ? .zh : .en)

        var sections: [BriefSection] = []
        for entity in bodies {
            let obs = all.filter { $0.entity == entity }
            let facts = findings.findings(dataset, entity: entity).map { BriefFinding(text: $0.text, sources: $0.sources) }
            let charts = try plan.items.compactMap { try chart($0, obs, entity) }
            sections.append(BriefSection(entity: entity, years: Self.reportYears(obs), findings: facts, charts: charts))
        }
        if !metrics.isEmpty && sections.allSatisfy({ $0.charts.isEmpty }) {
            throw BriefError("no data for --metric \(metrics.joined(separator: ", ")) for \(bodies.joined(separator: ", ")): "
                             + "see `trendplot metrics` for the ids and `trendplot trends DATA` for what the data holds")
        }
        let years = Array(Set(sections.flatMap(\.years))).sorted()
        return Briefing(language: language, title: BriefWords.title(zh), bodies: bodies, years: years,
                        generatedFrom: BriefWords.generatedFrom(zh, reports: input.reports.map(\.report.file),
                                                                tidy: input.tidyFiles.map(\.file)),
                        sections: sections, sources: sources(input, all), checks: checks(input, dataset),
                        conflicts: dataset.conflicts.map(\.description))
    }

    /// The years the data is about: a year known only from a 上一年项目数量 (`*.items` of the year before a
    /// 2019-template report) does not count.
    static func reportYears(_ obs: [Observation]) -> [Int] {
        let years = Set(obs.filter { !$0.metric.hasSuffix(".items") }.map(\.year))
        return (years.isEmpty ? Set(obs.map(\.year)) : years).sorted()
    }

    private func chosenEntities(_ dataset: Dataset) throws -> [String] {
        guard !entities.isEmpty else { return dataset.entities }
        return try entities.map { raw in
            let name = EntityName.normalize(raw)
            if dataset.entities.contains(name) { return name }
            if let partial = dataset.entities.first(where: { $0.contains(name) }) { return partial }
            throw BriefError("no data for the body “\(raw)” in the input; it holds: \(dataset.entities.joined(separator: ", "))")
        }
    }

    private func chart(_ item: BriefChartPlan.Item, _ obs: [Observation], _ entity: String) throws -> BriefChart? {
        var spec: ChartSpec
        if let name = item.view, let view = ViewCatalog.view(name) {
            // The demo's chart of the same view: same series, kind, notes and template break.
            guard let drawn = view.chart(obs, entity: entity, language: language).spec else { return nil }
            spec = drawn
        } else if item.outcomeShares {
            guard let s = Gallery.outcomeShares(obs, entity: entity, language: language) else { return nil }
            spec = s
        } else {
            let present = item.metrics.filter { m in obs.contains { $0.metric == m } }
            guard !present.isEmpty else { return nil }
            let years = Set(obs.filter { present.contains($0.metric) }.map(\.year))
            let kind = item.kind ?? (years.count >= 3 ? .line : .bar)
            spec = try ChartSpec(observations: obs, metrics: present, entities: [entity], kind: kind, language: language)
            if let t = zh ? item.titleZh : item.titleEn { spec.title = t }
            let labels = zh ? item.labelsZh : item.labelsEn
            if present.count > 1, labels.count == item.metrics.count {
                // The catalog's short labels, as the demo draws the same view.
                for (i, m) in present.enumerated() where i < spec.series.count {
                    if let k = item.metrics.firstIndex(of: m) { spec.series[i].label = labels[k] }
                }
            }
            if present.allSatisfy({ $0.hasPrefix("indicator.") }) {
                // An indicator's source is its formula; the files are those of its inputs.
                let inputs = Set(MetricCatalog.indicatorDefinitions.filter { present.contains($0.id) }.flatMap(\.inputs))
                spec.source = ChartSpec.sourceLine(obs.filter { inputs.contains($0.metric) }, language: language)
            }
        }
        spec.size = chartSize
        var table = BriefTable(spec)
        // One series of one metric is labelled with the body in the chart; in the table the metric says more.
        if spec.series.count == 1, spec.series[0].label == entity { table.rows[0][0] = spec.title }
        return BriefChart(spec: spec, table: table)
    }

    private func sources(_ input: BriefingInput, _ all: [Observation]) -> [BriefSource] {
        var used: [String: Int] = [:]
        for o in all where !o.derived || !o.metric.hasPrefix("indicator.") { used[ChartSpec.sourceFile(o.source), default: 0] += 1 }
        var out = input.reports.map { r in
            BriefSource(file: r.report.file,
                        contribution: BriefWords.reportContribution(zh, r, used: used[r.report.file] ?? 0))
        }
        for t in input.tidyFiles {
            let name = ChartSpec.sourceFile(t.file)
            out.append(BriefSource(file: name, contribution: BriefWords.tidyContribution(zh, rows: t.rows, used: used[name] ?? 0)))
        }
        return out
    }

    private func checks(_ input: BriefingInput, _ dataset: Dataset) -> BriefChecks {
        let report = ReportChecker.run(input.reports)
        var lines = report.findings.map { BriefWords.checkLine(zh, $0) }
        lines += dataset.errors.map { BriefWords.readProblem(zh) + "　" + $0.description }
        return BriefChecks(summary: BriefWords.checkSummary(zh, report, reports: input.reports.count), findings: lines)
    }
}
