import Foundation
import TestSupport
import Testing
@testable import SeriesModel

@Suite struct AnalysisSeriesTests {
    @Test func mudanjiangLicensingItemsFell640() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.mudanjiangTable2])
        #expect(d.errors.isEmpty)
        let s = try #require(d.series(entity: "牡丹江市人民政府", metric: "licensing.items"))
        #expect(s.years == [2019, 2020])
        #expect(s.values == [5434, 4794])
        let yoy = try #require(s.yearOverYear().last)
        #expect(yoy.previous == 5434)
        #expect(yoy.absolute == -640)
        let pct = try #require(yoy.relative.percent)
        #expect(abs(pct - -11.7777) < 0.0001)
        #expect(NumberText.signedPercent(yoy.relative.ratio!) == "-11.8%")
        #expect(s.points.last?.derived == true)
        #expect(s.points.first?.source == "mudanjiang_2020.txt:259")
        #expect(abs(s.cagr().ratio! - yoy.relative.ratio!) < 1e-15)
        #expect(s.largestFall()?.absolute == -640)
        #expect(s.largestRise() == nil)
    }

    @Test func pingtanDecisionsKeepTheGapAt2020() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.pingtan])
        let s = try #require(d.series(entity: "平潭综合实验区", metric: "licensing.decisions"))
        #expect(s.years == [2019, 2021, 2022])
        #expect(s.values == [181, 2293, 10690])
        #expect(s.gaps == [2020])
        let yoy = s.yearOverYear()
        #expect(yoy[1].previous == nil)
        #expect(yoy[1].absolute == nil)
        #expect(yoy[1].relative == .notAvailable)
        #expect(yoy[2].absolute == 8397)
        #expect(abs(yoy[2].relative.percent! - 366.2015) < 0.001)
        // CAGR 2019→2022 over three years; the index and a moving average that never bridges the gap.
        #expect(abs(s.cagr().ratio! - (pow(10690.0 / 181.0, 1.0 / 3.0) - 1)) < 1e-12)
        #expect(s.index().map(\.value).first == 100)
        #expect(abs(s.index().last!.value - 10690.0 / 181.0 * 100) < 1e-9)
        #expect(s.movingAverage(window: 2).map(\.year) == [2022])
        #expect(s.movingAverage(window: 2).first?.value == 6491.5)
        #expect(s.movingAverage(window: 3).isEmpty)
        #expect(s.largestRise()?.year == 2022)
        // A span that bridges the gap: 2019 → 2021 over two years, and the plain change.
        #expect(abs(s.cagr(from: 2019, to: 2021).ratio! - (pow(2293.0 / 181.0, 0.5) - 1)) < 1e-12)
        #expect(s.cagr(from: 2019, to: 2020) == .notAvailable)
        #expect(s.change(from: 2019, to: 2021).absolute == 2112)
        #expect(s.change(from: 2020, to: 2021).relative == .notAvailable)
    }

    @Test func csvRowsLeaveTheYoYOfAGapYearEmpty() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.pingtan])
        let si = try #require(d.seriesIndex(entity: "平潭综合实验区", metric: "licensing.decisions"))
        var text = ""
        try TrendsReport.trends(d, series: [si], format: .csv) { text += $0 }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("entity,metric,year,value,yoy_abs,yoy_pct"))
        #expect(lines[1].hasPrefix("平潭综合实验区,licensing.decisions,2019,181,,,n/a,100,"))
        #expect(lines[2].hasPrefix("平潭综合实验区,licensing.decisions,2021,2293,,,n/a,"))
        #expect(lines[3].hasPrefix("平潭综合实验区,licensing.decisions,2022,10690,8397,366.2,,"))
        #expect(lines[3].hasSuffix(",false,pingtan_2022.html (transcribed)"))
    }

    @Test func jsonSummaryCarriesCAGRSlopeAndSpan() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.pingtan])
        let si = try #require(d.seriesIndex(entity: "平潭综合实验区", metric: "licensing.decisions"))
        var text = ""
        try TrendsReport.trends(d, series: [si], format: .json) { text += $0 }
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let series = try #require((root["series"] as? [[String: Any]])?.first)
        let summary = try #require(series["summary"] as? [String: Any])
        #expect(summary["first_year"] as? Int == 2019)
        #expect(summary["last_year"] as? Int == 2022)
        #expect(abs((summary["cagr"] as? Double ?? 0) - (pow(10690.0 / 181.0, 1.0 / 3.0) - 1) * 100) < 1e-9)
        // OLS by hand over (2019,181) (2021,2293) (2022,10690): slope = Sxy / Sxx.
        let xs = [2019.0, 2021, 2022], ys = [181.0, 2293, 10690]
        let mx = xs.reduce(0, +) / 3, my = ys.reduce(0, +) / 3
        let sxy = zip(xs, ys).map { ($0 - mx) * ($1 - my) }.reduce(0, +), sxx = xs.map { ($0 - mx) * ($0 - mx) }.reduce(0, +)
        #expect(abs((summary["slope"] as? Double ?? 0) - sxy / sxx) < 1e-6)
        let points = try #require(series["points"] as? [[String: Any]])
        #expect(points[1]["yoy_abs"] is NSNull)
        #expect(points[1]["yoy_note"] as? String == "n/a")
        #expect(points[2]["yoy_abs"] as? Double == 8397)
    }

    @Test func summaryCSVHasSpanGrowthAndTrend() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.pingtan])
        let indices = ["licensing.decisions", "review.total"].compactMap { d.seriesIndex(entity: "平潭综合实验区", metric: $0) }
        var text = ""
        try TrendsReport.summaries(d, series: indices, format: .csv) { text += $0 }
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == SeriesSummary.csvHeader)
        // 181 → 10690 over 2019–2022: CAGR 289.43 %, total +5806.08 %, largest rise 2022 (+8397), no fall.
        #expect(lines[1].hasPrefix("平潭综合实验区,licensing.decisions,2019,2022,3,2020,181,10690,289.43,,5806.08,3153.43,0.7509,rising,2022,8397,,"))
        // 表四 行政复议 0 (2019) → 3 (2021) → 2 (2022): no CAGR from zero, a fall of 1 in 2022.
        #expect(lines[2] == "平潭综合实验区,review.total,2019,2022,3,2020,0,2,,new,,0.79,0.6173,rising,,,2022,-1")
    }

    @Test func zeroBaseIsNewNeverInfinity() {
        let s = Series(entity: "甲", metric: "review.total", points: [.init(year: 2021, value: 0), .init(year: 2022, value: 2)])
        let c = s.yearOverYear()[1]
        #expect(c.relative == .new)
        #expect(c.absolute == 2)
        #expect(s.cagr() == .new)
        #expect(s.index().isEmpty)
        let line = TrendRow.rows(of: s)[1].csvLine(unit: "件", label: "x")
        #expect(line.hasPrefix("甲,review.total,2022,2,,,new,"))
        let flat = Series(entity: "甲", metric: "m", points: [.init(year: 2021, value: 0), .init(year: 2022, value: 0)])
        #expect(flat.yearOverYear()[1].relative == .notAvailable)
        #expect(flat.trend()?.r2 == nil)
        #expect(flat.trend()?.direction == .flat)
    }
}

@Suite struct TrendsCSVWriterTests {
    /// The fast writer and the row-by-row reference agree byte for byte.
    func reference(_ d: Dataset, from: Int? = nil, to: Int? = nil, indexBase: Int? = nil) -> String {
        var s = TrendRow.csvHeader + "\n"
        for i in 0..<d.seriesCount {
            let series = d.series(at: i).restricted(from: from, to: to)
            let m = d.unitAndLabel(ofSeries: i)
            for r in TrendRow.rows(of: series, indexBase: indexBase) { s += r.csvLine(unit: m.unit, label: m.label) + "\n" }
        }
        return s
    }

    func fast(_ d: Dataset, from: Int? = nil, to: Int? = nil, indexBase: Int? = nil) -> String {
        var bytes: [UInt8] = []
        TrendsCSVWriter.write(d, series: Array(0..<d.seriesCount), from: from, to: to, indexBase: indexBase, chunkSize: 512) { bytes += $0 }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func matchesTheReferenceOnTheFixtures() {
        let d = AnalysisFixtures.load([AnalysisFixtures.pingtan, AnalysisFixtures.mudanjiangTable2, AnalysisFixtures.mudanjiangTables34])
        #expect(fast(d) == reference(d))
        #expect(fast(d, from: 2020, to: 2021) == reference(d, from: 2020, to: 2021))
        #expect(fast(d, indexBase: 2021) == reference(d, indexBase: 2021))
        // Pingtan licensing decisions with 2021 = 100: 181 → 7.89, 2293 → 100, 10690 → 466.2.
        let rows = fast(d, indexBase: 2021).split(separator: "\n").filter { $0.hasPrefix("平潭综合实验区,licensing.decisions,") }
        #expect(rows.map { $0.split(separator: ",", omittingEmptySubsequences: false)[7] } == ["7.89", "100", "466.2"])
    }

    @Test func summariesMatchTheReference() {
        let d = AnalysisFixtures.load([AnalysisFixtures.pingtan, AnalysisFixtures.mudanjiangTable2, AnalysisFixtures.mudanjiangTables34])
        var bytes: [UInt8] = []
        TrendsCSVWriter.writeSummaries(d, series: Array(0..<d.seriesCount), chunkSize: 256) { bytes += $0 }
        var reference = SeriesSummary.csvHeader + "\n"
        for i in 0..<d.seriesCount { reference += d.series(at: i).summary().csvLine + "\n" }
        #expect(String(decoding: bytes, as: UTF8.self) == reference)
    }

    @Test(arguments: [51, 52, 53] as [UInt64])
    func matchesTheReferenceOnRandomSeries(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var obs: [Observation] = []
        for e in 0..<20 {
            for m in ["licensing.decisions", "fees.amount", "review.total", "x.custom"] {
                for y in 2015...2024 where Int.random(in: 0..<4, using: &rng) > 0 {
                    let v: Double = switch Int.random(in: 0..<5, using: &rng) {
                    case 0: 0
                    case 1: Double(Int.random(in: -50...50, using: &rng))
                    case 2: Double.random(in: -1e4...1e6, using: &rng)
                    case 3: Double(Int.random(in: 0...10_000_000, using: &rng)) / 1_000_000
                    default: Double(Int.random(in: 0...100_000, using: &rng))
                    }
                    obs.append(Observation(entity: "体\(e)", year: y, metric: m, value: v, unit: m == "x.custom" ? "个" : "件",
                                           label: "标签,\(m)", source: "s,\"\(e)\"", derived: y % 2 == 0))
                }
            }
        }
        let d = Dataset(obs)
        #expect(fast(d) == reference(d))
        #expect(fast(d, indexBase: 2019) == reference(d, indexBase: 2019))
        var bytes: [UInt8] = []
        TrendsCSVWriter.writeSummaries(d, series: Array(0..<d.seriesCount)) { bytes += $0 }
        var summaries = SeriesSummary.csvHeader + "\n"
        for i in 0..<d.seriesCount { summaries += d.series(at: i).summary().csvLine + "\n" }
        #expect(String(decoding: bytes, as: UTF8.self) == summaries)
    }
}
