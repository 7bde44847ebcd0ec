import Charts
import TestSupport
import Testing

/// One test per review item the engine fixes (../shared/reviews/visual.md), on the review's own numbers.
@Suite("Review items")
struct ReviewItemTests {
    static func stress(_ name: String, _ kind: ChartKind) throws -> ChartSpec {
        var s = try #require(ReviewStressSpecs.all().first { $0.name == name }?.spec)
        s.kind = kind
        return s
    }

    @Test func valueLabelsSitBelowValleysAndAbovePeaks() throws {
        // B4: "-1,200" sat on the V of neg-line.
        let spec = ChartSpec(title: "谷与峰", unit: "项", series: [ChartSeries(label: "甲", values: [2019: 500, 2020: -1200, 2021: 300, 2022: 900, 2023: 100])])
        let scene = try Chart.scene(for: spec)
        let points = scene.marks.compactMap { m -> Point? in if case .point(let p, _) = m.shape { return p } else { return nil } }
            .sorted { $0.x < $1.x }
        func label(_ t: String) throws -> Rect { try #require(scene.texts(.valueLabel).first { $0.text == t }).frame }
        #expect(try label("\u{2212}1,200").minY > points[1].y)   // valley: below
        #expect(try label("900").maxY < points[3].y)             // peak: above
    }

    @Test func countAxesNeverGetFractionalTicks() throws {
        // B2: 0, 2.5, 5.0 … on a 件 axis at 1200×500.
        var spec = ChartSpec(kind: .bar, title: "复议与诉讼", unit: "件", series: [
            ChartSeries(label: "行政复议", values: [2019: 3, 2021: 15, 2022: 9]),
            ChartSeries(label: "行政诉讼", values: [2019: 1, 2021: 6, 2022: 4])])
        for (w, h) in [(1200.0, 500.0), (720, 420), (1200, 750)] {
            spec.size = ChartSize(width: w, height: h)
            let ticks = try Chart.scene(for: spec).texts(.tickLabel).map(\.text).filter { !$0.hasPrefix("20") }
            #expect(!ticks.isEmpty && ticks.allSatisfy { !$0.contains(".") }, "\(w)×\(h): \(ticks)")
        }
    }

    @Test func rateDifferencesAreInPercentagePoints() throws {
        // A5: 50.72% → 47.97% was "▼2.8%" with ticks −2.5% … 0.0%.
        let scene = try Chart.scene(for: try Self.stress("rate", .change))
        #expect(scene.texts(.valueLabel).map(\.text) == ["▼2.8个百分点"])
        #expect(scene.texts(.axisTitle).map(\.text).contains("单位：个百分点（2025年较2021年）"))
        #expect(!scene.texts.contains { $0.text.hasSuffix("%") })
        #expect(scene.texts(.note).map(\.text).contains("无2025年数据"))   // 牡丹江's row says why (B8)
    }

    @Test func compositionsWithMissingPartsOrSignsAreNotShownComplete() throws {
        // A3: gaps-share drew 2023 as 100% 新收申请 and 2024 as 100% 办结.
        let share = try Chart.scene(for: try Self.stress("gaps", .share))
        #expect(share.texts(.note).map(\.text).filter { $0 == "数据不全" }.count == 2)
        #expect(!share.texts(.valueLabel).contains { $0.text == "100%" || $0.text == "100.0%" })
        // gaps-stacked printed 81 and 218 as complete totals.
        let stacked = try Chart.scene(for: try Self.stress("gaps", .stacked))
        let totals = stacked.texts(.valueLabel).map(\.text)
        #expect(totals.contains("81*") && totals.contains("218*"))
        #expect(stacked.texts(.note).map(\.text).contains("*部分构成项缺失，合计不完整"))
        // neg-share turned −640, −451 and +67 into 100% 行政强制.
        #expect { try Chart.scene(for: try Self.stress("neg", .share)) } throws: { "\($0)".contains("含负值，不宜作构成图") }
        // A year whose parts are all zero says 合计为0.
        let zeros = ChartSpec(kind: .share, title: "构成", unit: "件", series: [
            ChartSeries(label: "甲", values: [2021: 0, 2022: 3]), ChartSeries(label: "乙", values: [2021: 0, 2022: 1])])
        #expect(try Chart.scene(for: zeros).texts(.note).map(\.text) == ["合计为0"])
    }

    @Test(arguments: [ChartKind.line, .bar, .stacked, .share, .facets])
    func periodBreaksAreDrawnAcrossThePlot(kind: ChartKind) throws {
        // A6: one labelled rule between 2020 and 2021 across the plot.
        var spec = try Self.stress("gaps", kind)
        spec.series = [ChartSeries(label: "新收申请", values: [2019: 23, 2020: 30, 2021: 70, 2022: 74])]
        let scene = try Chart.scene(for: spec)
        let labels = scene.texts.filter { $0.text == "2021年起执行新版年报格式" }
        #expect(labels.count == (kind == .facets ? 1 : 1))
        let x2020 = try #require(scene.texts(.tickLabel).first { $0.text == "2020" }).frame.midX
        let x2021 = try #require(scene.texts(.tickLabel).first { $0.text == "2021" }).frame.midX
        let rules = scene.marks.filter { m in
            if case .segment(let a, let b, _) = m.shape, m.series == nil, a.x == b.x { return abs(a.x - (x2020 + x2021) / 2) < 2 }
            return false
        }
        #expect(rules.count == 1)
        #expect(scene.overlappingTexts().isEmpty)
    }

    @Test func numbersUseOneDisplayForm() throws {
        // B5: hugecount-bar printed 0 as "0.00", 999 and 123,456 as "<0.01", 10亿 as "10.00".
        let bar = try Chart.scene(for: try Self.stress("hugecount", .bar)).texts(.valueLabel).map(\.text)
        #expect(bar == ["0", "999件", "12.35万件", "10"])
        // 999,999,999万元 is 10万亿元, not 100,000亿元; ticks use U+2212 (neg-bar).
        let huge = try Chart.scene(for: try Self.stress("huge", .bar))
        #expect(huge.texts(.axisTitle).map(\.text).contains("单位：万亿元"))
        let neg = try Chart.scene(for: try Self.stress("neg", .bar)).texts(.tickLabel).map(\.text)
        #expect(neg.contains { $0.hasPrefix("\u{2212}") } && !neg.contains { $0.hasPrefix("-") })
    }

    @Test func allZeroChartsInventNoScale() throws {
        // B8: zeros-* drew a 0–5 axis with "0 0" label pairs.
        for kind in ChartKind.allCases {
            let scene = try Chart.scene(for: try Self.stress("zeros", kind))
            #expect(scene.texts(.tickLabel).isEmpty, "\(kind)")
            #expect(scene.texts.contains { $0.text.contains("2019—2022年均为0件") }, "\(kind): \(scene.texts.map(\.text))")
        }
    }

    @Test func theSparklineCanvasIsRefusedByOtherKindsAndImpliedBySparklines() throws {
        // A9.
        var spec = try Self.stress("gaps", .bar)
        spec.size = .sparkline
        #expect { try Chart.scene(for: spec) } throws: { "\($0)".contains("too small") }
        var o = SpecOverrides()
        o.kind = .sparkline
        var s = try Self.stress("gaps", .line)
        o.apply(to: &s)
        #expect(s.size == .sparkline)
    }

    @Test func signColoursAreNoSeriesColour() throws {
        // B6: "increase" was #0072B2, 行政许可's blue.
        for name in Theme.Name.allCases {
            let t = Theme.named(name)
            #expect(!t.palette.contains(t.positive) && !t.palette.contains(t.negative) && !t.palette.contains(t.neutral), "\(name)")
        }
        // C11: the hue of each slot is kept in the dark theme (only lightness changes).
        func hue(_ c: Color) -> Double {
            let mx = max(c.red, c.green, c.blue), mn = min(c.red, c.green, c.blue)
            guard mx > mn else { return -1 }
            var h: Double
            if mx == c.red { h = (c.green - c.blue) / (mx - mn) } else if mx == c.green { h = 2 + (c.blue - c.red) / (mx - mn) } else { h = 4 + (c.red - c.green) / (mx - mn) }
            h *= 60
            return h < 0 ? h + 360 : h
        }
        for (a, b) in zip(Theme.okabeIto, Theme.okabeItoDark) where hue(a) >= 0 {
            #expect(abs(hue(a) - hue(b)) < 12, "\(a.hexString) vs \(b.hexString)")
        }
    }
}
