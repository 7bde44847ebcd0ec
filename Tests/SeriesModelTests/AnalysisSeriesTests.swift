import Foundation
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
