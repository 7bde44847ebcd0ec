import Charts
import Foundation
@testable import Publishing
import ReportReading
import SeriesModel
import TestSupport
import Testing

/// The per-body export groups charts as the report does (issue 11, items 1 and 3), on the real `datasets/`.
@Suite("export grouping by report section")
struct ExportGroupingTests {
    /// Every observation of `datasets/` (平潭 2019, 2021, 2022 in several formats; 牡丹江 2020), merged.
    static let observations: [Observation] = InputLoader().load([RepoPaths.datasets.path]).dataset.observations()

    static func perEntity(_ kind: ChartKind? = nil) -> [ExportChart] {
        ExportPlan.charts(observations, per: .entity, kind: kind)
    }

    static let pingtan = "平潭综合实验区"
    static let mudanjiang = "牡丹江市人民政府"

    @Test("平潭's per-body export is its report's views, section by section")
    func pingtanCharts() {
        let names = Self.perEntity().filter { $0.entity == Self.pingtan }.map(\.name)
        let views = ["decisions", "applications", "applications-carried", "outcomes-share", "outcomes-granted",
                     "outcomes-denied", "outcomes-unable", "outcomes-not-processed", "outcomes-other", "applicants",
                     "applicants-processed", "disputes", "disputes-review", "disputes-litigation-direct",
                     "normative-docs", "normative-docs-in-force", "fees"]
        #expect(names == views.map { "entity_平潭综合实验区_\($0)" })
        // No chart is named after an id suffix any more (`_total`, `_amount`, `_other`, `_natural_person`).
        for suffix in ["_total", "_amount", "_other", "_natural_person", "_commercial", "_legal_service"] {
            #expect(!names.contains { $0.hasSuffix(suffix) }, "\(suffix)")
        }
    }

    @Test("the export, the demo and the briefing draw the same chart of the same view")
    func oneRule() throws {
        let export = try #require(Self.perEntity().first { $0.name == "entity_平潭综合实验区_normative-docs" })
        let demo = try #require(Gallery.selectOverview(Self.observations).charts.first { $0.name.hasSuffix("-normative-docs") && $0.spec.subtitle?.hasPrefix(Self.pingtan) == true })
        #expect(export.spec == demo.spec)
        var dataset = InputLoader().load([RepoPaths.datasets.path]).dataset
        dataset.addIndicators()
        let briefing = try BriefingBuilder(entities: [Self.pingtan]).build(BriefingInput(dataset: dataset, reports: []))
        let brief = try #require(briefing.sections[0].charts.first { $0.spec.title == export.spec.title }?.spec)
        #expect(brief.series == export.spec.series && brief.kind == export.spec.kind
                && brief.annotations.periodBreaks == export.spec.annotations.periodBreaks)
    }

    @Test("no chart holds more than 8 series, in any kind, per body or per metric", arguments: [nil] + ChartKind.allCases)
    func atMostEightSeries(_ kind: ChartKind?) {
        for chart in ExportPlan.charts(Self.observations, per: .both, kind: kind) {
            #expect(chart.spec.series.count <= ChartSpec.maxSeries || chart.spec.kind == .facets || chart.spec.kind == .rank,
                    "\(chart.name): \(chart.spec.series.count) series")
        }
    }

    @Test("a sparkline of several series becomes facets: every series drawn and named (A1)")
    func sparklineOfSeveralBodies() throws {
        let chart = try #require(ExportPlan.charts(Self.observations, per: .metric, kind: .sparkline)
            .first { $0.name == "metric_licensing.decisions" })
        #expect(chart.spec.kind == .facets && chart.spec.series.map(\.label) == [Self.pingtan, Self.mudanjiang])
        let one = try #require(ExportPlan.charts(Self.observations, per: .entity, kind: .sparkline)
            .first { $0.name == "entity_平潭综合实验区_fees" })
        #expect(one.spec.kind == .sparkline && one.spec.series.map(\.label) == ["本年收费金额"])
    }

    @Test("a total is never drawn beside its own parts, and stacked/share only where the parts make a total",
          arguments: [nil, ChartKind.stacked, .share])
    func noTotalWithItsParts(_ kind: ChartKind?) {
        let applicants = Set(MetricCatalog.applicantColumns.map(\.key))
        for chart in Self.perEntity(kind) {
            let ids = Set(chart.metrics)
            // 表三: a row's 总计 with the same row's applicant columns; 表四: a group's 总计 with its columns.
            for id in ids where id.hasSuffix(".total") {
                let stem = id.dropLast(".total".count)
                let parts = ids.filter { $0 != id && $0.hasPrefix(stem + ".") && (applicants.contains(String($0.split(separator: ".").last!))
                                                                                    || !id.hasPrefix("applications.")) }
                #expect(parts.isEmpty, "\(chart.name): \(id) with \(parts.sorted())")
            }
            // 表三's 办理结果总计 is the total of every outcome row: never with them.
            if ids.contains("applications.total_processed.total") {
                #expect(!ids.contains { $0.hasPrefix("applications.granted") || $0.hasPrefix("applications.denied") }, "\(chart.name)")
            }
            if chart.spec.kind == .stacked || chart.spec.kind == .share {
                let view = ViewCatalog.all.first { chart.name.hasSuffix("_" + $0.name) }
                #expect(view?.isComposition == true, "\(chart.name) is \(chart.spec.kind) but not a composition")
            }
        }
        // 平潭's 本年新收 applications are not a part of anything: with --kind share they stay bars.
        if kind == .share {
            let applications = Self.perEntity(.share).first { $0.name == "entity_平潭综合实验区_applications" }
            #expect(applications?.spec.kind == .bar)
        }
    }

    @Test("metrics zero in every year are left out of every chart and listed once")
    func zeroMetricsListedOnce() {
        let plan = LazyExportPlan(Self.observations, per: .both)
        let charts = ExportPlan.charts(Self.observations, per: .both)
        // 平潭: 规章 and 复议后起诉 are zero in 2019, 2021 and 2022 (the reports print 0).
        for id in ["regulations.made", "regulations.issued", "litigation_after_review.total", "review.pending"] {
            let values = Self.observations.filter { $0.entity == Self.pingtan && $0.metric == id }.map(\.value)
            #expect(!values.isEmpty && values.allSatisfy { $0 == 0 }, "\(id)")
            let listed = plan.omitted.filter { $0.entity == Self.pingtan && $0.metrics.contains(id) }
            #expect(listed.count == 1 && listed.first?.reason == ExportPlan.zeroReason, "\(id)")
            #expect(!charts.contains { $0.entity == Self.pingtan && $0.metrics.contains(id) }, "\(id) drawn")
        }
        // Per metric: a metric zero for every body in every year has no chart and is listed once, for no body.
        let everywhereZero = Set(Self.observations.map(\.metric)).filter { id in
            Self.observations.allSatisfy { $0.metric != id || $0.value == 0 }
        }
        #expect(everywhereZero.contains("regulations.made"))
        let metricList = plan.omitted.filter { $0.entity == nil }
        #expect(metricList.count == 1 && Set(metricList[0].metrics) == everywhereZero)
        #expect(!charts.contains { $0.entity == nil && everywhereZero.contains($0.metrics[0]) })
        // No series of any chart is zero throughout.
        for chart in charts where chart.entity != nil {
            for s in chart.spec.series { #expect(s.presentValues.contains { $0 != 0 }, "\(chart.name): \(s.label)") }
        }
        // Each metric is listed at most once per body.
        for entity in [Self.pingtan, Self.mudanjiang] {
            let ids = plan.omitted.filter { $0.entity == entity && $0.chart == nil }.flatMap(\.metrics)
            #expect(ids.count == Set(ids).count)
        }
        #expect(ExportPlan.omissionSummary(plan)?.contains("zero in every year") == true)
    }

    @Test("every chart whose years cross 2020→2021 carries the template break; the others none")
    func periodBreaks() {
        var crossing = 0
        for chart in ExportPlan.charts(Self.observations, per: .both) + Gallery.overview(Self.observations).map({
            ExportChart(name: $0.name, metrics: [], entity: nil, spec: $0.spec) }) {
            let years = chart.spec.comparedYears?.years ?? Set(chart.spec.yearsWithValues)
            let crosses = years.contains { $0 <= 2020 } && years.contains { $0 >= 2021 }
            #expect(chart.spec.annotations.periodBreaks.map(\.afterYear) == (crosses ? [2020] : []), "\(chart.name)")
            if crosses { crossing += 1 }
            // The old single-series point note is gone.
            #expect(!chart.spec.annotations.notes.contains { $0.text == "模板变更" }, "\(chart.name)")
        }
        #expect(crossing >= 15)
        let decisions = Self.perEntity().first { $0.name == "entity_平潭综合实验区_decisions" }
        #expect(decisions?.spec.annotations.periodBreaks == [.init(afterYear: 2020, label: "2021年起执行新版年报格式")])
    }

    @Test("本年新制作 and 本年制发 are one series with the break; the stocks have charts of their own")
    func joinedSeriesAndStocks() throws {
        let charts = Self.perEntity()
        let docs = try #require(charts.first { $0.name == "entity_平潭综合实验区_normative-docs" }?.spec)
        #expect(docs.series.map(\.label) == ["本年制发", "本年新公开", "本年废止"])
        // 2019 本年新制作数量 89 (the 2019 report), 2021 and 2022 本年制发件数 69 and 88.
        #expect(docs.series[0].value(in: 2019) == 89 && docs.series[0].value(in: 2021) == 69 && docs.series[0].value(in: 2022) == 88)
        #expect(docs.subtitle?.contains("本年制发：2020年及以前为“本年新制作数量”") == true)
        #expect(docs.annotations.periodBreaks.map(\.afterYear) == [2020])
        for chart in ExportPlan.charts(Self.observations, per: .both) + Gallery.overview(Self.observations).map({
            ExportChart(name: $0.name, metrics: [], entity: nil, spec: $0.spec) }) {
            let labels = chart.spec.series.map(\.label)
            let stock = labels.contains { $0.contains("对外公开总数量") || $0.contains("现行有效件数") }
                || chart.metrics.contains { $0.hasSuffix(".total") && ($0.hasPrefix("normative_docs") || $0.hasPrefix("regulations")) }
                || chart.metrics.contains { $0.hasSuffix(".in_force") }
            if stock { #expect(chart.spec.series.count == 1 || chart.entity == nil, "\(chart.name): \(labels)") }
            #expect(!(chart.metrics.contains("normative_docs.total") && chart.metrics.contains("normative_docs.in_force")))
        }
        // 现行有效件数 starts in 2021 while the section starts in 2019: the subtitle says why.
        let inForce = try #require(charts.first { $0.name == "entity_平潭综合实验区_normative-docs-in-force" }?.spec)
        #expect(inForce.series.map(\.label) == ["现行有效件数"] && inForce.series[0].presentValues == [665, 698])
        #expect(inForce.subtitle == "平潭综合实验区 · 2021—2022年 · 新版年报格式（2021年起）才统计此项")
    }

    @Test("one year: a rank of three or more values, never a chart of one or two (牡丹江 2020)")
    func oneYearBody() throws {
        let charts = Self.perEntity().filter { $0.entity == Self.mudanjiang }
        let decisions = try #require(charts.first { $0.name == "entity_牡丹江市人民政府_decisions" }?.spec)
        #expect(decisions.kind == .rank)
        #expect(decisions.series.first { $0.label == "行政处罚" }?.value(in: 2020) == 653308)
        // 本年新收 130 and 办理结果总计 127: two numbers, said by a table, not drawn.
        #expect(!charts.contains { $0.name == "entity_牡丹江市人民政府_applications" })
        let plan = LazyExportPlan(Self.observations, per: .entity)
        let note = plan.omitted.first { $0.entity == Self.mudanjiang && $0.chart == "applications" }
        #expect(note?.reason == "not drawn, one year only (2020) and 2 value(s): a table says it better than a chart")
        for chart in charts where chart.spec.yearsWithValues.count == 1 {
            #expect(chart.spec.kind == .rank && chart.spec.series.count >= 3, "\(chart.name)")
        }
    }

    @Test("one series is named, and a title names only what is drawn (A7)")
    func singleSeriesNamed() throws {
        let charts = Self.perEntity()
        let direct = try #require(charts.first { $0.name == "entity_平潭综合实验区_disputes-litigation-direct" }?.spec)
        #expect(direct.series.map(\.label) == ["结果维持"])
        #expect(direct.title == "行政诉讼·未经复议直接起诉·结果维持")
        for chart in charts {
            #expect(!chart.spec.series.contains { $0.label == chart.entity }, "\(chart.name): a series named after the body")
        }
    }

    @Test("source lines name the report and table in words, never a file (A11)")
    func sourceLinesInWords() throws {
        for chart in ExportPlan.charts(Self.observations, per: .both) {
            let source = try #require(chart.spec.source)
            #expect(!source.contains(".txt") && !source.contains(".html") && !source.contains(".csv") && !source.contains(".pdf"),
                    "\(chart.name): \(source)")
            #expect(source.contains("年政府信息公开工作年度报告表"), "\(chart.name): \(source)")
        }
        let decisions = Self.perEntity().first { $0.name == "entity_平潭综合实验区_decisions" }
        #expect(decisions?.spec.source == "数据来源：平潭综合实验区2019、2021、2022年政府信息公开工作年度报告表二")
        // 上一年项目数量 (2018) is printed in the 2019 report.
        let items = try ChartSpec(observations: Self.observations, metrics: ["licensing.items"], entities: [Self.pingtan])
        #expect(items.series[0].years.contains(2018))
        #expect(items.source == "数据来源：平潭综合实验区2019年政府信息公开工作年度报告表二")
        #expect(yearsInWords([2019, 2020, 2021, 2022, 2024], zh: true) == "2019—2022、2024")
        // Two bodies: each report with its table.
        let both = ExportPlan.charts(Self.observations, per: .metric).first { $0.name == "metric_licensing.decisions" }
        #expect(both?.spec.source == "数据来源：平潭综合实验区2019、2021、2022年政府信息公开工作年度报告表二；牡丹江市人民政府2020年政府信息公开工作年度报告表二")
    }

    @Test("bodies in stroke order of their names (C10), in the export and the demo")
    func strokeOrder() {
        #expect(EntityOrder.sorted(["牡丹江市人民政府", "平潭综合实验区", "上海市人民政府办公厅"])
                == ["上海市人民政府办公厅", "平潭综合实验区", "牡丹江市人民政府"])
        let entities = Self.perEntity().compactMap(\.entity).uniquedInOrder()
        #expect(entities == [Self.pingtan, Self.mudanjiang])
    }

    @Test("the index lists charts in plan order (by section), the manifest lists the omissions")
    func indexBySection() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-grouping-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pingtanOnly = Self.observations.filter { $0.entity == Self.pingtan }
        let plan = LazyExportPlan(pingtanOnly, per: .entity)
        let outcome = try await ExportRunner(directory: dir, jobs: 2).run(plan, formats: [.svg])
        #expect(outcome.failures.isEmpty && outcome.written.count == plan.chartCount)
        let html = String(decoding: try #require(FileManager.default.contents(atPath: dir + "/index.html")), as: UTF8.self)
        let order = plan.map(\.name).compactMap { name in html.range(of: "href=\"\(name).svg\"")?.lowerBound }
        #expect(order.count == plan.chartCount && order == order.sorted())
        #expect(html.contains("以下指标各年均为0，未作图：") && html.contains("regulations.made"))
        let manifest = try #require(ExportManifest.read(from: dir))
        #expect(manifest.omitted == plan.omitted && !manifest.omitted.isEmpty)
        // A rerun reads the manifest with its omissions and skips every file.
        let rerun = try await ExportRunner(directory: dir, jobs: 2).run(plan, formats: [.svg])
        #expect(rerun.written.isEmpty && rerun.skipped.count == plan.chartCount)
    }
}
