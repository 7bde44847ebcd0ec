import Charts
import Foundation
import ReportReading
import SeriesModel

/// Makes the content of a briefing from a dataset: the cover fields, the key conclusions ranked by magnitude,
/// the cross-body comparison (several bodies), per body the findings grouped by the template's sections and the
/// planned figures with numbered captions and tables (or key-figure tiles for a one-year body), the endnotes in
/// words, and the appendix (sources, checks, methods, cell references).
///
/// ```swift
/// let builder = BriefingBuilder(language: .zh, entities: ["平潭综合实验区"])
/// let briefing = try builder.build(BriefingInput(dataset: dataset, reports: results))
/// briefing.sections[0].charts.count     // 6
/// ```
public struct BriefingBuilder: Sendable {
    /// How the bodies of a briefing are ordered.
    public enum BodyOrder: String, Sendable, Hashable, CaseIterable {
        /// By the Hanyu Pinyin of the name (汉语拼音顺序).
        case pinyin
        /// By the number of new requests in the latest common year, largest first.
        case size
        /// As the input gives them (the first report read first).
        case input
    }

    /// The language of every generated word.
    public var language: Language
    /// Metric ids to chart (one chart each; a trailing `*` matches a prefix); empty = ``BriefChartPlan/standard``.
    public var metrics: [String]
    /// Bodies to cover; empty = every body in the data, one section each.
    public var entities: [String]
    /// The canvas of each chart, in points as printed: small enough that the smallest chart text prints at ≥ 8 pt.
    public var chartSize: ChartSize
    /// 编制单位, 日期, 期号.
    public var cover: BriefCover
    /// Chart titles state the finding ("行政许可2022年增至1.07万件"), the descriptive title becomes the subtitle.
    public var headline: Bool
    /// The order of the bodies.
    public var order: BodyOrder

    public init(language: Language = .zh, metrics: [String] = [], entities: [String] = [],
                chartSize: ChartSize = ChartSize(width: 400, height: 260), cover: BriefCover = BriefCover(),
                headline: Bool = false, order: BodyOrder = .pinyin) {
        self.language = language; self.metrics = metrics; self.entities = entities; self.chartSize = chartSize
        self.cover = cover; self.headline = headline; self.order = order
    }

    private var zh: Bool { language == .zh }

    /// The briefing of `input`.
    /// - Throws: ``BriefError`` when the data is empty, a body is not in it, or no chart can be drawn.
    public func build(_ input: BriefingInput) throws -> Briefing {
        var dataset = input.dataset
        if !dataset.metrics.contains(where: { $0.hasPrefix("indicator.") }) { dataset.addIndicators() }
        guard !dataset.entities.isEmpty else {
            throw BriefError(zh ? "输入中没有数值：应为年度报告文件（.txt、.html、.md、.pdf、.docx）或含数据行的整理数据文件（CSV/JSON）"
                                : "no observations in the input: expected report files (.txt, .html, .md) or tidy CSV/JSON with rows")
        }
        let chosen = try chosenEntities(dataset)
        let all = dataset.observations()
        let bodies = ordered(chosen, all)
        let plan = metrics.isEmpty ? BriefChartPlan.standard : BriefChartPlan.metrics(metrics, available: dataset.metrics)
        let generator = Findings(language: zh ? .zh : .en)
        var notes = Endnotes(zh: zh, dataset: dataset)
        var numbers = Numbers()

        var comparison: BriefComparison?
        if bodies.count >= 2 {
            comparison = try BriefComparisonBuilder(language: language, chartSize: chartSize, headline: headline)
                .build(all, bodies: bodies, numbers: &numbers)
        }

        var sections: [BriefSection] = []
        var ranked: [(finding: BriefFinding, entity: String, metric: String?)] = []
        for entity in bodies {
            let obs = all.filter { $0.entity == entity }
            let years = Self.reportYears(obs)
            let facts = generator.findings(dataset, entity: entity)
            var groups: [Finding.Topic: [BriefFinding]] = [:]
            var dataNotes: [String] = []
            for f in facts {
                if f.topic == .dataNote { dataNotes.append(f.text); continue }
                // A one-year body's plain figures ("2020年行政许可处理决定38.76万件") are in its table.
                if years.count <= 1 && ((f.kind == .change && f.uses.count == 1) || f.kind == .movers) { continue }
                let b = notes.finding(f)
                groups[f.topic, default: []].append(b)
                if f.kind != .movers && f.kind != .shares { ranked.append((b, entity, f.metric)) }
            }
            if bodies.count > Self.chartedBodies {
                // Many bodies: each keeps its largest findings (the comparison section holds the rest), in group order.
                let keep = Set(groups.values.flatMap { $0 }.sorted { $0.magnitude > $1.magnitude }.prefix(Self.compactFindings))
                for k in groups.keys { groups[k] = groups[k]!.filter { keep.contains($0) } }
                groups = groups.filter { !$0.value.isEmpty }
            }
            let grouped = groups.keys.sorted().map { BriefFindingGroup(title: $0.title(language), findings: groups[$0]!) }
            var charts: [BriefChart] = []
            var tiles: [BriefTile] = []
            var keyTable: BriefChart.NumberedTable?
            if years.count <= 1 && metrics.isEmpty {
                (tiles, keyTable) = oneYear(obs, entity: entity, numbers: &numbers)
            } else if bodies.count > Self.chartedBodies && metrics.isEmpty {
                // Many bodies: the comparison charts them all; each body's section keeps its findings and a table.
                keyTable = keyFigures(obs, entity: entity, years: years, numbers: &numbers)
            } else {
                var zeros: [String] = []
                for item in plan.items {
                    guard let c = try chart(item, obs, entity, zeros: &zeros, numbers: &numbers) else { continue }
                    charts.append(c)
                }
                if !zeros.isEmpty {
                    dataNotes.append(zh ? "以下图表的数值各年均为0，不另作图：\(zeros.joined(separator: "、"))。"
                                        : "All zero in every year, not charted: \(zeros.joined(separator: "; ")).")
                }
            }
            sections.append(BriefSection(entity: entity, years: years, groups: grouped, notes: dataNotes, charts: charts,
                                         tiles: tiles, keyTable: keyTable))
        }
        if !metrics.isEmpty && sections.allSatisfy({ $0.charts.isEmpty }) {
            throw BriefError(zh ? "输入中\(bodies.joined(separator: "、"))没有 --metric \(metrics.joined(separator: ", ")) 的数据：指标代码见 `trendplot metrics`，数据内容见 `trendplot trends DATA`"
                                : "no data for --metric \(metrics.joined(separator: ", ")) for \(bodies.joined(separator: ", ")): "
                                  + "see `trendplot metrics` for the ids and `trendplot trends DATA` for what the data holds")
        }

        // 核心结论: the largest moves, one per metric and body, with the comparison's lead sentence first.
        var conclusions: [BriefFinding] = []
        if let lead = comparison?.findings.first { conclusions.append(lead) }
        var seen = Set<String>()
        for r in ranked.sorted(by: { $0.finding.magnitude > $1.finding.magnitude }) where conclusions.count < 5 {
            guard r.finding.magnitude > 0, seen.insert(r.entity + "|" + (r.metric ?? r.finding.text)).inserted else { continue }
            var f = r.finding
            if bodies.count > 1 { f.text = r.entity + (zh ? "：" : ": ") + f.text }
            conclusions.append(f)
        }
        if conclusions.count < 3 {
            for s in sections { for f in s.findings where conclusions.count < 3 && !conclusions.contains(f) { conclusions.append(f) } }
        }

        var checks = checks(input, dataset)
        for name in bodies where name.hasPrefix("年") || name.hasPrefix("度") {
            checks.findings.insert(BriefWords.readProblem(zh) + (zh ? "主体名称“\(name)”以“\(name.prefix(1))”开头，疑为从标题截取有误，请核对报告标题"
                                                                   : " the body name “\(name)” starts with “\(name.prefix(1))”: probably cut from the title wrongly"), at: 0)
        }
        let years = Array(Set(sections.flatMap(\.years))).sorted()
        return Briefing(language: language, title: BriefWords.title(zh), cover: cover, bodies: bodies,
                        orderRule: bodies.count > 1 ? BriefWords.orderRule(zh, order, comparison: comparison) : "",
                        years: years,
                        generatedFrom: BriefWords.generatedFrom(zh, bodies: bodies, years: years, reports: input.reports.count,
                                                                tidy: input.tidyFiles.count),
                        conclusions: conclusions, comparison: comparison, sections: sections,
                        endnotes: notes.list, sources: sources(input, all), checks: checks,
                        conflicts: dataset.conflicts.map { BriefWords.conflictLine(zh, $0) },
                        methods: BriefWords.methods(zh, metrics: Set(all.map(\.metric))),
                        references: notes.references.map { r in
                            BriefReference(note: r.note, references: r.references.map { BriefWords.reference(zh, $0) }.uniquedInOrder())
                        })
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
            throw BriefError(zh ? "输入中没有主体“\(raw)”的数据；其中有：\(dataset.entities.joined(separator: "、"))"
                                : "no data for the body “\(raw)” in the input; it holds: \(dataset.entities.joined(separator: ", "))")
        }
    }

    /// The bodies in the order of ``order``.
    func ordered(_ bodies: [String], _ obs: [Observation]) -> [String] {
        switch order {
        case .input: return bodies
        case .pinyin: return bodies.sorted { Self.pinyin($0) != Self.pinyin($1) ? Self.pinyin($0) < Self.pinyin($1) : $0 < $1 }
        case .size:
            let key = BriefComparisonBuilder.keyMetric
            let year = BriefComparisonBuilder.commonYear(obs, metric: key, bodies: bodies)
            func v(_ e: String) -> Double { obs.first { $0.entity == e && $0.metric == key && $0.year == year }?.value ?? -1 }
            return bodies.sorted { v($0) != v($1) ? v($0) > v($1) : Self.pinyin($0) < Self.pinyin($1) }
        }
    }

    /// The toneless pinyin of a name, for sorting (`pingtanzonghe…`).
    static func pinyin(_ s: String) -> String {
        let latin = s.applyingTransform(.mandarinToLatin, reverse: false) ?? s
        return (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin).replacingOccurrences(of: " ", with: "")
    }

    // MARK: Figures

    private func chart(_ item: BriefChartPlan.Item, _ obs: [Observation], _ entity: String, zeros: inout [String],
                       numbers: inout Numbers) throws -> BriefChart? {
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
        let values = spec.series.flatMap { $0.points.compactMap(\.value) }
        if !values.isEmpty && values.allSatisfy({ $0 == 0 }) {
            zeros.append(spec.title)
            return nil
        }
        spec.size = chartSize
        let years = spec.yearsWithValues
        if spec.annotations.periodBreaks.isEmpty, years.contains(where: { $0 <= 2020 }), years.contains(where: { $0 >= 2021 }) {
            spec.annotations.periodBreaks = [Annotations.PeriodBreak(afterYear: 2020, label: zh ? "2021年起执行新版年报格式" : "2021 template")]
        }
        var table = BriefTable(spec)
        // One series of one metric is labelled with the body in the chart; in the table the metric says more.
        if spec.series.count == 1, spec.series[0].label == entity { table.rows[0][0] = spec.title }
        return figure(spec, table: table, entity: entity, sectionYears: Self.reportYears(obs), numbers: &numbers)
    }

    /// Numbers a chart and writes its caption and takeaway; with ``headline`` the finding becomes the chart title.
    /// `table: nil` for a chart whose values a numbered table elsewhere holds (the comparison's): no 表N under it.
    func figure(_ spec: ChartSpec, table: BriefTable?, entity: String?, sectionYears: [Int] = [], numbers: inout Numbers) -> BriefChart {
        var spec = spec
        let years = BriefWords.yearSpan(zh, spec.yearsWithValues)
        let caption = (entity.map { zh ? $0 : $0 + ": " } ?? "") + spec.title + (years.isEmpty ? "" : (zh ? "（\(years)）" : " (\(years))"))
        var takeaway = Headline.title(for: spec).map { $0 + (zh ? "。" : ".") } ?? BriefWords.shareTakeaway(zh, spec)
        // A chart that starts later than its section says why.
        if let first = spec.yearsWithValues.first, let sectionFirst = sectionYears.first, first > sectionFirst {
            let missing = BriefWords.yearSpan(zh, sectionYears.filter { $0 < first })
            takeaway += zh ? "\(missing)数值未能从报告中识别，见附录。" : " No values could be read for \(missing): see the appendix."
        }
        if headline { Headline.apply(to: &spec) }
        let n = numbers.nextFigure()
        guard let table else {
            return BriefChart(spec: spec, table: BriefTable(header: [], rows: [], unitLine: ""), number: n, caption: caption,
                              takeaway: takeaway, tableNumber: 0)
        }
        return BriefChart(spec: spec, table: table, number: n, caption: caption, takeaway: takeaway, tableNumber: numbers.nextTable())
    }

    /// Above this many bodies a section shows no charts of its own (the comparison section charts every body).
    public static let chartedBodies = 5
    /// How many findings a body's section keeps above ``chartedBodies`` bodies.
    public static let compactFindings = 5

    /// The key figures of a body over its years, as one numbered table.
    private func keyFigures(_ obs: [Observation], entity: String, years: [Int], numbers: inout Numbers) -> BriefChart.NumberedTable? {
        var rows: [[String]] = []
        for key in BriefComparisonBuilder.keyFigures {
            let cells = years.map { y in obs.first { $0.metric == key.metric && $0.year == y }.map { BriefWords.cell($0.value, unit: key.unit) } ?? "—" }
            guard cells.contains(where: { $0 != "—" }) else { continue }
            rows.append([(zh ? key.zh : key.en) + (key.unit == "%" ? (zh ? "（%）" : " (%)") : "")] + cells)
        }
        guard !rows.isEmpty else { return nil }
        let table = BriefTable(header: [zh ? "项目" : "Item"] + years.map { zh ? "\($0)年" : "\($0)" }, rows: rows,
                               unitLine: zh ? "单位：件" : "Unit: cases")
        let title = entity + (zh ? "主要数据（\(BriefWords.yearSpan(true, years))）" : ": key figures (\(BriefWords.yearSpan(false, years)))")
        return BriefChart.NumberedTable(number: numbers.nextTable(), title: title, table: table)
    }

    /// A one-year body: its first key figures as tiles and the others in one table, no charts.
    private func oneYear(_ obs: [Observation], entity: String, numbers: inout Numbers) -> ([BriefTile], BriefChart.NumberedTable?) {
        guard let year = Self.reportYears(obs).last else { return ([], nil) }
        var tiles: [BriefTile] = []
        var rows: [[String]] = []
        for key in BriefComparisonBuilder.keyFigures {
            guard let o = obs.first(where: { $0.metric == key.metric && $0.year == year }) else { continue }
            let value = BriefWords.amount(zh, o.value, unit: key.unit)
            if tiles.count < 3 {
                tiles.append(BriefTile(label: zh ? key.zh : key.en, value: value))
            } else {
                rows.append([(zh ? key.zh : key.en) + (key.unit == "%" ? (zh ? "（%）" : " (%)") : ""), BriefWords.cell(o.value, unit: key.unit)])
            }
        }
        guard !rows.isEmpty else { return (tiles, nil) }
        let table = BriefTable(header: [zh ? "项目" : "Item", zh ? "\(year)年" : "\(year)"], rows: rows,
                               unitLine: zh ? "单位：件" : "Unit: cases")
        let title = entity + (zh ? "主要数据（\(year)年）" : ": key figures (\(year))")
        return (tiles, BriefChart.NumberedTable(number: numbers.nextTable(), title: title, table: table))
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
        lines += dataset.errors.map { BriefWords.readProblemLine(zh, $0) }
        return BriefChecks(summary: BriefWords.checkSummary(zh, report, reports: input.reports.count), findings: lines)
    }
}

/// Figure and table numbers, counted through the document.
struct Numbers {
    private(set) var figures = 0
    private(set) var tables = 0
    mutating func nextFigure() -> Int { figures += 1; return figures }
    mutating func nextTable() -> Int { tables += 1; return tables }
}

/// Collects the endnotes of the findings: one per finding, the sources in words.
struct Endnotes {
    let zh: Bool
    let dataset: Dataset
    private(set) var list: [BriefEndnote] = []
    private(set) var references: [BriefReference] = []

    init(zh: Bool, dataset: Dataset) { self.zh = zh; self.dataset = dataset }

    mutating func finding(_ f: Finding) -> BriefFinding {
        guard !f.uses.isEmpty else { return BriefFinding(text: f.text, sources: f.sources, magnitude: f.magnitude) }
        let text = BriefWords.endnote(zh, uses: f.uses, dataset: dataset)
        let n: Int
        if let same = list.first(where: { $0.text == text }) {
            n = same.number
        } else {
            n = list.count + 1
            list.append(BriefEndnote(number: n, text: text))
            references.append(BriefReference(note: n, references: f.sources))
        }
        return BriefFinding(text: f.text, notes: [n], sources: f.sources, magnitude: f.magnitude)
    }
}
