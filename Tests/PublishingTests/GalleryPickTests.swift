import Charts
import Foundation
@testable import Publishing
import ReportReading
import SeriesModel
import TestSupport
import Testing

/// How the demo and the gallery choose charts, on the real values of the bundled reports.
@Suite struct GalleryPickTests {
    /// 平潭 (2018–2022, truth files) and 牡丹江 (2019–2020, the 表二 CSV) together.
    static func twoBodies() throws -> [Observation] { try Fixtures.pingtan() + Fixtures.mudanjiang() }

    @Test func rankAcrossBodiesPicksTheYearBothReport() throws {
        let obs = try Self.twoBodies()
        // 平潭 made no 规章 (all zeros) and the bodies share no year of 处理决定: 2019 项目数量 is the one both print.
        let pick = try #require(Gallery.crossEntityRank(obs))
        #expect(pick.metric == "licensing.items" && pick.year == 2019)
        let spec = try #require(Gallery.charts(obs).first { $0.name == "all-licensing.items-rank" }?.spec)
        #expect(spec.series.count == 2)
        #expect(spec.series.first { $0.label == "牡丹江市人民政府" }?.value(in: 2019) == 5434)
        #expect(spec.series.first { $0.label == "平潭综合实验区" }?.value(in: 2019) == 396)
        #expect(spec.subtitle?.hasSuffix("2019年") == true)
        let values = try Chart.scene(for: spec).texts(.valueLabel).map(\.text)
        #expect(values == ["5,434", "396"])
    }

    @Test func slopeAcrossBodiesNeedsTwoBodiesInBothYears() throws {
        let obs = try Self.twoBodies()
        // 平潭 has 2018–2019 items, 牡丹江 2019–2020: no two years shared, so no slope chart is written.
        #expect(Gallery.crossEntitySlope(obs) == nil)
        let picked = Gallery.selectCharts(obs)
        #expect(!picked.charts.contains { $0.name.hasPrefix("all-") && $0.spec.kind == .slope })
        #expect(picked.skipped.contains { $0.hasPrefix("all-slope") })
        // With 牡丹江 given a 2018 value, 2018→2019 is shared by both bodies and picked.
        var extra = obs
        extra.append(Observation(entity: "牡丹江市人民政府", year: 2018, metric: "penalty.items", value: 15000, source: "test"))
        let slope = try #require(Gallery.crossEntitySlope(extra))
        #expect(slope.metric == "penalty.items" && slope.base == 2018 && slope.focus == 2019)
    }

    @Test func aSeriesThatStopsEarlyIsNamedBesideItsLastPoint() throws {
        // 平潭's 行政许可 items stop in 2019 (396), 牡丹江's run to 2020 (4,794): no leader across 2020 for 平潭.
        let spec = try ChartSpec(observations: Self.twoBodies(), metrics: ["licensing.items"])
        let scene = try Chart.scene(for: spec)
        let names = scene.texts(.seriesLabel)
        let pingtan = try #require(names.first { $0.text == "平潭综合实验区" })
        let mudanjiang = try #require(names.first { $0.text == "牡丹江市人民政府" })
        let tick2020 = try #require(scene.texts(.tickLabel).first { $0.text == "2020" })
        #expect(pingtan.frame.maxX < tick2020.frame.minX)
        #expect(mudanjiang.frame.minX > tick2020.frame.maxX)
        #expect(scene.overlappingTexts().isEmpty, "\(scene.layoutProblems)")
    }

    @Test func aRowKeepsItsColourFromChartToChart() throws {
        // 平潭's 处理决定 (许可, 处罚, 强制) and 牡丹江's 项目数量 (all five rows): 行政处罚 is drawn alike in both.
        let decisions = try Chart.scene(for: ChartSpec(observations: Fixtures.pingtan(), metrics: Fixtures.decisionMetrics))
        let items = try Chart.scene(for: ChartSpec(observations: Fixtures.mudanjiang(), metrics: Fixtures.itemMetrics))
        func colour(_ scene: Scene, _ label: String) -> Color? { scene.texts(.seriesLabel).first { $0.text == label }?.style.color }
        for row in ["行政许可", "行政处罚", "行政强制"] {
            #expect(colour(decisions, row) != nil)
            #expect(colour(decisions, row) == colour(items, row), "\(row)")
        }
    }

    @Test func aBodyWithOneReportGetsTheOneYearKindsOnly() throws {
        // 平潭's 2022 report alone: 许可 10,690, 处罚 2,113, 强制 0 — bars and a rank, no line or slope.
        let obs = try Fixtures.pingtan().filter { $0.year == 2022 }
        let picked = Gallery.selectCharts(obs)
        let names = picked.charts.map(\.name)
        #expect(names.contains("pingtan-bar") && names.contains("pingtan-rank"))
        #expect(!names.contains("pingtan-line") && !names.contains("pingtan-slope") && !names.contains("pingtan-waterfall"))
        #expect(picked.skipped.contains { $0.hasPrefix("pingtan-slope:") })
        let rank = try #require(picked.charts.first { $0.name == "pingtan-rank" }?.spec)
        #expect(rank.series.first { $0.label == "行政许可" }?.value(in: 2022) == 10690)
        for (name, spec) in picked.charts { #expect(spec.hasDrawableData, "\(name)") }
    }

    @Test func everyGalleryChartHasDataToDraw() throws {
        for (name, spec) in Gallery.charts(try Self.twoBodies()) {
            #expect(spec.hasDrawableData, "\(name)")
            #expect(spec.series.contains { $0.points.contains { ($0.value ?? 0) != 0 } }, "\(name)")
        }
    }

    @Test func specWithoutDataSaysNoData() throws {
        // The slope of 规章·本年新制作数量: 平潭 2019 only, 牡丹江 2020 only — no body has both years.
        let obs = try Self.twoBodies()
        let spec = try ChartSpec(observations: obs, metrics: ["regulations.made"], kind: .slope)
        #expect(!spec.hasDrawableData)
        let scene = try Chart.scene(for: spec)
        // Every value is 0: the empty state says so instead of 无数据 (engine, B8).
        #expect(scene.texts(.note).map(\.text) == ["均为0", "2019—2020年均为0件"])
        #expect(scene.texts(.title).map(\.text) == ["规章·本年新制作数量"])
        #expect(scene.overlappingTexts().isEmpty && scene.textsOutsideCanvas().isEmpty, "\(scene.layoutProblems)")
        let png = try Chart.render(spec, format: .png)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func overviewLeavesOutAllZeroAndFlatSeries() throws {
        let picked = Gallery.selectOverview(try Fixtures.pingtan())
        let names = picked.charts.map(\.name)
        #expect(names.contains("pingtan-decisions"))
        #expect(names.contains("pingtan-applications"))
        #expect(names.contains("pingtan-outcomes-share"))
        #expect(names.contains("pingtan-disputes"))
        // 规章 are zero in every year; 平潭's item counts are 2018 = 2019 (396, 2,648, …): neither is drawn.
        #expect(!names.contains { $0.contains("regulations") || $0.contains("items") })
        #expect(picked.skipped.contains("pingtan-items: not drawn, the item counts did not change"))
        // 复议后起诉 is 0 in 2019, 2021 and 2022: the disputes chart has no series for it.
        let disputes = try #require(picked.charts.first { $0.name == "pingtan-disputes" }?.spec)
        #expect(disputes.series.map(\.label) == ["行政复议", "未经复议直接起诉"])
        #expect(disputes.series[1].value(in: 2021) == 12)
        // No series of any overview chart is zero throughout.
        for (name, spec) in picked.charts {
            for s in spec.series { #expect(s.points.contains { ($0.value ?? 0) != 0 }, "\(name): \(s.label)") }
        }
    }

    @Test func overviewOfASingleYearUsesRankCharts() throws {
        let picked = Gallery.selectOverview(try Fixtures.mudanjiang())
        // 牡丹江's 表二 CSV has 处理决定 for 2020 only: a rank of that year, not a one-point line.
        let decisions = try #require(picked.charts.first { $0.name == "mudanjiang-decisions" }?.spec)
        #expect(decisions.kind == .rank)
        #expect(decisions.series.first { $0.label == "行政处罚" }?.value(in: 2020) == 653308)
        // Its item counts changed from 2019 to 2020 (行政许可 5,434 → 4,794): two years are bars (a line needs three,
        // the rule the briefing shares).
        let items = try #require(picked.charts.first { $0.name == "mudanjiang-items" }?.spec)
        #expect(items.kind == .bar)
        #expect(items.series.first { $0.label == "行政许可" }?.value(in: 2019) == 5434)
        // 规章 are all zero: never a chart.
        #expect(!picked.charts.contains { $0.name.contains("regulations") })
    }

    @Test func overviewAndGalleryChartsLayOutCleanly() throws {
        let obs = try Self.twoBodies()
        for (name, spec) in Gallery.overview(obs) + Gallery.charts(obs) {
            let scene = try Chart.scene(for: spec)
            #expect(scene.overlappingTexts().isEmpty && scene.textsOutsideCanvas().isEmpty, "\(name): \(scene.layoutProblems)")
        }
    }
}

@Suite struct NoDataTests {
    @Test(arguments: ChartKind.allCases)
    func emptySpecRendersTheNoDataMessage(kind: ChartKind) throws {
        let spec = ChartSpec(kind: kind, title: "行政许可·处理决定数量", subtitle: "牡丹江市人民政府 · 2021年", unit: "件",
                             series: [ChartSeries(label: "牡丹江市人民政府", values: [:])])
        #expect(!spec.hasDrawableData)
        let scene = try Chart.scene(for: spec)
        #expect(scene.texts(.note).map(\.text).contains("无数据"))
        #expect(scene.texts(.tickLabel).isEmpty)
        #expect(scene.textsOutsideCanvas().isEmpty)
        for format in OutputFormat.allCases { #expect(!(try Chart.render(spec, format: format)).isEmpty) }
    }

    @Test func rankOfAYearWithoutValuesSaysSo() throws {
        // 平潭 printed no 2020 report: a rank of 2020 has nothing to draw.
        var spec = try ChartSpec(observations: Fixtures.pingtan(), metrics: Fixtures.decisionMetrics, kind: .rank)
        #expect(spec.hasDrawableData)
        spec.focusYear = 2020
        #expect(!spec.hasDrawableData)
        #expect(try Chart.scene(for: spec).texts(.note).map(\.text).contains("所选年份没有数值"))
    }
}
