import Charts
import TestSupport
import Testing

/// Hard inputs every chart kind must lay out with no text overlapping other text or leaving the canvas.
enum StressInput: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case longTitle, thirtyEntities, hugeRange, singleYear, allZeros, negativeChanges, gap

    var testDescription: String { rawValue }

    func spec(_ kind: ChartKind) -> ChartSpec {
        let regions = ["行政许可", "行政处罚", "行政强制", "其他对外管理服务事项"]
        var spec: ChartSpec
        switch self {
        case .longTitle:
            let title = String(repeating: "牡丹江市人民政府政府信息公开工作年度报告主动公开情况", count: 3).prefix(60)
            spec = ChartSpec(title: String(title), subtitle: "副标题也很长：牡丹江市人民政府办公室 · 2019—2022年 · 单位为件",
                             unit: "件", series: regions.enumerated().map { i, r in
                                 ChartSeries(label: r, values: [2019: Double(1000 * (i + 1)), 2020: Double(1200 * (i + 1)),
                                                                2021: Double(900 * (i + 2)), 2022: Double(1500 + 300 * i)])
                             })
        case .thirtyEntities:
            var many: [ChartSeries] = []
            for i in 1...30 {
                let a = Double(i * 137 % 997 + 40), b = Double(i * 311 % 1013 + 25)
                many.append(ChartSeries(label: "第\(i)区人民政府", values: [2021: a, 2022: b]))
            }
            spec = ChartSpec(title: "三十个区县行政许可处理决定数量", unit: "件", series: many)
        case .hugeRange:
            spec = ChartSpec(title: "跨度极大的数值", unit: "件", series: [
                ChartSeries(label: "甲", values: [2018: 0, 2019: 10, 2020: 1_000, 2021: 1_000_000, 2022: 1_000_000_000]),
                ChartSeries(label: "乙", values: [2018: 5, 2019: 50, 2020: 5_000, 2021: 5_000_000, 2022: 500_000_000]),
            ])
        case .singleYear:
            spec = ChartSpec(title: "只有一年", unit: "件", series: regions.enumerated().map { i, r in
                ChartSeries(label: r, values: [2022: Double(387_576 / (i + 1))])
            })
        case .allZeros:
            spec = ChartSpec(title: "全部为零", unit: "件", series: regions.map { ChartSeries(label: $0, values: [2020: 0, 2021: 0, 2022: 0]) })
        case .negativeChanges:
            spec = ChartSpec(title: "本年增减", unit: "项", series: regions.enumerated().map { i, r in
                ChartSeries(label: r, values: [2020: Double(-640 + i * 200), 2021: Double(-451 + i * 150), 2022: Double(146 - i * 300)])
            })
        case .gap:
            spec = ChartSpec(title: "缺少2020年数据", unit: "件", series: [
                ChartSeries(label: "行政许可", points: [.init(year: 2019, value: 181), .init(year: 2020, value: nil),
                                                    .init(year: 2021, value: 2293), .init(year: 2022, value: 10690)]),
                ChartSeries(label: "行政处罚", values: [2019: 430, 2021: 1282, 2022: 2113]),
            ])
        }
        spec.kind = kind
        spec.source = "数据来源：各地政府信息公开工作年度报告"
        spec.annotations.valueLabels = .all
        if kind == .sparkline { spec.size = ChartSize.sparkline }
        return spec
    }
}

@Suite("Layout under stress")
struct LayoutStressTests {
    @Test(arguments: ChartKind.allCases, StressInput.allCases)
    func textStaysInsideAndApart(kind: ChartKind, input: StressInput) throws {
        if kind == .share && input == .negativeChanges {
            // A share of signed values is refused, saying why (A3).
            #expect(throws: ChartError.self) { try Chart.scene(for: input.spec(kind)) }
            return
        }
        let scene = try Chart.scene(for: input.spec(kind))
        #expect(scene.overlappingTexts().isEmpty, "\(scene.layoutProblems)")
        #expect(scene.textsOutsideCanvas().isEmpty, "\(scene.layoutProblems)")
    }

    @Test(arguments: [Theme.Name.briefing, .print, .dark], ["default", "slide", "a4-half", "square"])
    func themesAndSizesKeepTheLayoutClean(theme: Theme.Name, size: String) throws {
        var spec = StressInput.longTitle.spec(.line)
        spec.theme = theme
        spec.size = ChartSize.preset(size)!
        let scene = try Chart.scene(for: spec)
        #expect(scene.layoutProblems.isEmpty, "\(scene.layoutProblems)")
        #expect(scene.background == Theme.named(theme).background)
    }

    @Test func longTitleWrapsInsideTheMargins() throws {
        let scene = try Chart.scene(for: StressInput.longTitle.spec(.line))
        let title = try #require(scene.texts(.title).first)
        #expect(title.text.filter { $0 != "\n" }.count == 60)
        #expect(title.frame.height > title.style.size * 2)   // two lines or more
        #expect(title.frame.maxX <= scene.size.width - 20)
    }

    @Test func hugeRangeUsesOneUnitOnTheAxis() throws {
        let scene = try Chart.scene(for: StressInput.hugeRange.spec(.line))
        #expect(scene.texts(.axisTitle).map(\.text).contains("单位：亿件"))
        let ticks = scene.texts(.tickLabel).map(\.text).filter { !$0.hasPrefix("20") }
        #expect(ticks.allSatisfy { !$0.contains("万") && !$0.contains("亿") })
        #expect(ticks.contains("10"))
    }
}
