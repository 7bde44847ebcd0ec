import Publishing
import Charts
import SeriesModel
import TestSupport
import Testing

@Suite("Chart kinds on the bundled reports' numbers")
struct ChartKindTests {
    @Test(arguments: ChartKind.allCases)
    func everyKindRendersInEveryFormat(kind: ChartKind) throws {
        let spec = try ChartSpec(observations: Fixtures.pingtan(), metrics: Fixtures.decisionMetrics, kind: kind)
        let png = try Chart.render(spec, format: .png)
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        #expect(String(decoding: try Chart.render(spec, format: .svg).prefix(5), as: UTF8.self) == "<?xml")
        #expect(String(decoding: try Chart.render(spec, format: .pdf).prefix(5), as: UTF8.self) == "%PDF-")
        let scene = try Chart.scene(for: spec)
        #expect(scene.overlappingTexts().isEmpty && scene.textsOutsideCanvas().isEmpty, "\(scene.layoutProblems)")
    }

    @Test func lineLeavesTheMissingYearAsAGap() throws {
        let spec = try ChartSpec(observations: Fixtures.pingtan(), metrics: ["licensing.decisions"])
        #expect(spec.series[0].presentValues == [181, 2293, 10690])
        let scene = try Chart.scene(for: spec)
        let colour = try #require(scene.seriesColors.first ?? nil)
        let lines = scene.items.compactMap { item -> [Point]? in
            if case .polyline(let pts, let s) = item, s.color == colour { return pts } else { return nil }
        }
        // One line 2021→2022; 2019 stands alone because there is no 2020 report.
        #expect(lines.count == 1)
        #expect(lines.first?.count == 2)
        #expect(scene.texts(.tickLabel).map(\.text).contains("2020"))
        #expect(scene.texts(.note).map(\.text) == ["无数据"])
        #expect(scene.altText.description.contains("2020年无数据"))
    }

    @Test func changeOfItemsShowsSignedPrintedChanges() throws {
        let metrics = Fixtures.itemMetrics.map { $0 + "_change" }
        let spec = try ChartSpec(observations: Fixtures.mudanjiang(), metrics: metrics, kind: .change)
        #expect(spec.changeMeasure == .value)
        let scene = try Chart.scene(for: spec)
        #expect(scene.texts(.valueLabel).map(\.text) == ["▼640", "▲146", "▼451", "▲67", "0"])
        #expect(scene.altText.description.contains("行政许可减少640项"))
    }

    @Test func yearOnYearPercentNamesAZeroBase() throws {
        var spec = ChartSpec(kind: .change, title: "行政强制·处理决定数量", unit: "件",
                             series: [ChartSeries(label: "平潭", values: [2020: 0, 2021: 42, 2022: 0])])
        spec.changeMeasure = .percent
        let scene = try Chart.scene(for: spec)
        #expect(scene.texts(.note).map(\.text) == ["基数为0"])
        #expect(scene.texts(.valueLabel).map(\.text) == ["▼100.0%"])
    }

    @Test func waterfallRunsFromOneYearsTotalToTheNext() throws {
        // Mudanjiang: 25,231 → 24,353, the largest change −640 is 2.5% of the total: slivers on a waterfall, so
        // the chart shows the changes as a change chart and says why (A10).
        let spec = try ChartSpec(observations: Fixtures.mudanjiang(), metrics: Fixtures.itemMetrics, kind: .waterfall)
        let scene = try Chart.scene(for: spec)
        #expect(scene.texts(.valueLabel).map(\.text) == ["▼640", "▲146", "▼451", "▲67", "0"])
        #expect(scene.texts(.note).map(\.text).contains("注：各项变化均不足合计的5%，以增减图显示"))
        // Changes that are a visible part of the total: a waterfall, years as on every axis.
        let big = ChartSpec(kind: .waterfall, title: "甲乙", unit: "件",
                            series: [ChartSeries(label: "甲", values: [2021: 100, 2022: 160]),
                                     ChartSeries(label: "乙", values: [2021: 50, 2022: 20])])
        let w = try Chart.scene(for: big)
        #expect(w.texts(.valueLabel).map(\.text) == ["150", "▲60", "▼30", "180"])
        #expect(w.texts(.tickLabel).map(\.text).suffix(4) == ["2021", "甲", "乙", "2022"])
    }

    @Test func rankSortsTheYearsValuesAndScalesTo万() throws {
        let metrics = ["licensing.decisions", "other_services.decisions", "penalty.decisions", "coercion.decisions"]
        let spec = try ChartSpec(observations: Fixtures.mudanjiang(), metrics: metrics, kind: .rank)
        let scene = try Chart.scene(for: spec)
        let rows = scene.texts(.tickLabel).filter { !$0.text.first!.isNumber }.sorted { $0.frame.minY < $1.frame.minY }.map(\.text)
        #expect(rows == ["行政处罚", "其他对外管理服务事项", "行政许可", "行政强制"])
        #expect(scene.texts(.axisTitle).map(\.text) == ["单位：万件（2020年）"])
        #expect(scene.texts(.valueLabel).map(\.text) == ["65.33", "54.96", "38.76", "0.23"])
    }

    @Test func shareOfOutcomesMatchesTheReport() throws {
        let obs = try Fixtures.pingtan()
        let granted = obs.first { $0.year == 2021 && $0.metric == "applications.granted.total" }?.value
        let total = obs.first { $0.year == 2021 && $0.metric == "applications.total_processed.total" }?.value
        #expect(granted == 30 && total == 69)
        let gallery = Gallery.charts(obs)
        let share = try #require(gallery.first { $0.name == "pingtan-share" }?.spec)
        #expect(share.series.map(\.label) == ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"])
        // The outcome rows add up to 办理结果总计 in every year (identity 2 of the template).
        for year in [2019, 2021, 2022] {
            let sum = share.series.compactMap { $0.value(in: year) }.reduce(0, +)
            #expect(sum == obs.first { $0.year == year && $0.metric == "applications.total_processed.total" }?.value)
        }
        let scene = try Chart.scene(for: share)
        #expect(scene.texts(.valueLabel).map(\.text).contains("43.5%"))   // 30 / 69
        #expect(scene.texts(.tickLabel).map(\.text).contains("100%"))
    }

    @Test func slopeLabelsBothEnds() throws {
        let spec = try ChartSpec(observations: Fixtures.pingtan(), metrics: Fixtures.decisionMetrics, kind: .slope)
        let labels = try Chart.scene(for: spec).texts(.seriesLabel).map(\.text)
        // Right: 10,690, 2,113 and 0 are far apart, every row is named. Left: 430, 181 and 25 lie within one label
        // height on a 0–10,690 scale; spread apart, "行政许可  181" would stand nearer 25's point than its own, so
        // it is left out there (A4) and the line is named at its right end.
        #expect(labels.suffix(3) == ["10,690  行政许可", "2,113  行政处罚", "0  行政强制"])
        #expect(labels.prefix(2) == ["行政处罚  430", "行政强制  25"])
    }

    @Test func amountsIn万元AreShownIn亿元() throws {
        let spec = try ChartSpec(observations: Fixtures.pingtan(), metrics: ["fees.amount"], kind: .bar)
        let scene = try Chart.scene(for: spec)
        #expect(scene.texts(.axisTitle).map(\.text).contains("单位：亿元"))
        #expect(scene.texts(.valueLabel).map(\.text) == ["2.43", "0.91"])   // 24,252.31 and 9,116.36 万元
    }

    @Test func sparklineShowsTheLastValueWithItsUnit() throws {
        let spec = try ChartSpec(observations: Fixtures.pingtan(), metrics: ["licensing.decisions"], kind: .sparkline)
        #expect(spec.size == ChartSize.preset("sparkline"))
        let scene = try Chart.scene(for: spec)
        #expect(scene.texts(.valueLabel).map(\.text) == ["10,690件"])
        #expect(scene.textsOutsideCanvas().isEmpty)
    }

    @Test func galleryHasEveryKindForBothBodies() throws {
        let names = Gallery.charts(try Fixtures.pingtan() + Fixtures.mudanjiang()).map(\.name)
        for kind in ChartKind.allCases {
            #expect(names.contains("pingtan-\(kind.rawValue)"))
            // 牡丹江's fixture is 表二 only: no composition (表三's outcomes) to draw as shares.
            #expect(names.contains("mudanjiang-\(kind.rawValue)") == (kind != .share))
        }
    }

    @Test func overviewKeepsToTheBriefingSet() throws {
        let names = Gallery.overview(try Fixtures.pingtan()).map(\.name)
        #expect(names.contains("pingtan-decisions"))
        #expect(names.contains("pingtan-applications"))
        #expect(names.contains("pingtan-applicants"))
        #expect(names.contains("pingtan-outcomes-share"))
        // 平潭 made no 规章 in any year: no empty chart for it, and no chart per 表三 cell.
        #expect(!names.contains { $0.contains("regulations") })
        #expect(!names.contains { $0.contains("natural_person") })
    }

    @Test func trendLineIsTheLeastSquaresLine() throws {
        // On points that lie on a line, the fitted line passes through the first and the last marker.
        var spec = ChartSpec(title: "行政许可·项目数量", unit: "项",
                             series: [ChartSeries(label: "牡丹江市人民政府", values: [2019: 3000, 2020: 4000, 2021: 5000])])
        spec.annotations.trendLine = true
        let scene = try Chart.scene(for: spec)
        let dashed = scene.items.compactMap { item -> [Point]? in
            if case .polyline(let pts, let s) = item, !s.dash.isEmpty { return pts } else { return nil }
        }
        let markers = scene.items.compactMap { item -> Point? in
            if case .marker(let p, _, _, _, _) = item { return p } else { return nil }
        }
        #expect(dashed.count == 1)
        let line = try #require(dashed.first)
        let first = try #require(markers.first), last = try #require(markers.last)
        #expect(abs(line[0].x - first.x) < 1e-9 && abs(line[0].y - first.y) < 1e-9)
        #expect(abs(line[1].x - last.x) < 1e-9 && abs(line[1].y - last.y) < 1e-9)
    }
}
