import Foundation
import TestSupport
import Testing
@testable import SeriesModel

@Suite struct AnalysisPropertyTests {
    typealias RNG = SplitMix64

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func cagrOfAGeometricSeriesIsItsRate(seed: UInt64) {
        var rng = RNG(seed: seed)
        for _ in 0..<200 {
            let rate = Double.random(in: -0.6...1.5, using: &rng)
            let start = Double.random(in: 1...1e7, using: &rng)
            let n = Int.random(in: 2...12, using: &rng)
            let first = Int.random(in: 1990...2020, using: &rng)
            let points = (0..<n).map { Series.Point(year: first + $0, value: start * pow(1 + rate, Double($0))) }
            let s = Series(entity: "e", metric: "m", points: points)
            let cagr = s.cagr().ratio ?? .nan
            #expect(abs(cagr - rate) < 1e-9 * max(1, abs(rate)))
            for c in s.yearOverYear().dropFirst() { #expect(abs(c.relative.ratio! - rate) < 1e-9) }
        }
    }

    @Test(arguments: [11, 12, 13, 14, 15] as [UInt64])
    func olsOnAnExactLineRecoversTheSlope(seed: UInt64) throws {
        var rng = RNG(seed: seed)
        for _ in 0..<200 {
            let slope = Double.random(in: -5000...5000, using: &rng)
            let intercept = Double.random(in: -1e6...1e6, using: &rng)
            var years = Set<Int>()
            let n = Int.random(in: 2...15, using: &rng)
            while years.count < n { years.insert(Int.random(in: 2000...2030, using: &rng)) }
            let ys = years.sorted()
            let values = ys.map { intercept + slope * Double($0 - 2000) }
            let fit = try #require(TrendFit(years: ys, values: values))
            #expect(abs(fit.slope - slope) < 1e-6 * max(1, abs(slope)))
            if slope != 0 { #expect(abs((fit.r2 ?? 0) - 1) < 1e-9) }
            for (y, v) in zip(ys, values) { #expect(abs(fit.value(at: y) - v) < 1e-5 * max(1, abs(v))) }
            #expect(fit.direction == (abs(slope * Double(ys.last! - ys.first!)) < 0.01 * values.map(abs).reduce(0, +) / Double(n)
                                      ? .flat : (slope > 0 ? .rising : .falling)))
        }
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func noisyLinesHaveR2BetweenZeroAndOne(seed: UInt64) throws {
        var rng = RNG(seed: seed)
        for _ in 0..<200 {
            let ys = Array(2015...2024)
            let values = ys.map { _ in Double.random(in: 0...1000, using: &rng) }
            let fit = try #require(TrendFit(years: ys, values: values))
            let r2 = try #require(fit.r2)
            #expect(r2 >= 0 && r2 <= 1)
            #expect(fit.slope.isFinite && fit.intercept.isFinite)
        }
    }

    /// 表三 outcomes that satisfy identity 2 (the outcome rows sum to （七）总计): their shares sum to 100 %.
    @Test(arguments: [31, 32, 33, 34] as [UInt64])
    func outcomeSharesSumToOneHundredPercent(seed: UInt64) throws {
        var rng = RNG(seed: seed)
        for trial in 0..<100 {
            let template: TemplateVersion = trial % 2 == 0 ? .v2019 : .v2021
            var obs: [Observation] = []
            var total = 0.0
            for row in MetricCatalog.applicationRows(for: template)
            where !["new_received", "carried_over", "total_processed", "carried_forward"].contains(row.key) {
                let v = Double(Int.random(in: 0...500, using: &rng))
                total += v
                obs.append(Observation(entity: "甲", year: 2020, metric: "applications.\(row.key).total", value: v, source: "gen"))
            }
            obs.append(Observation(entity: "甲", year: 2020, metric: "applications.total_processed.total", value: total, source: "gen"))
            let d = Dataset(obs)
            let shares = ShareGroup.applicationOutcomes.shares(in: d, entity: "甲", year: 2020)
            #expect(shares.count == 6)
            if total > 0 {
                let sum = shares.compactMap(\.share.ratio).reduce(0, +)
                #expect(abs(sum - 1) < 1e-12)
            } else {
                #expect(shares.allSatisfy { $0.share == .notAvailable })
            }
        }
    }

    @Test(arguments: [41, 42] as [UInt64])
    func shiftsAreDifferencesOfShares(seed: UInt64) {
        var rng = RNG(seed: seed)
        for _ in 0..<50 {
            var obs: [Observation] = []
            for year in [2020, 2021] {
                let np = Double(Int.random(in: 0...100, using: &rng))
                let orgs = (0..<5).map { _ in Double(Int.random(in: 0...20, using: &rng)) }
                for (c, v) in zip(["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"],
                                  [np] + orgs + [np + orgs.reduce(0, +)]) {
                    obs.append(Observation(entity: "甲", year: year, metric: "applications.new_received.\(c)", value: v, source: "gen"))
                }
            }
            let d = Dataset(obs)
            let g = ShareGroup.applicants
            let a = g.shares(in: d, entity: "甲", year: 2020), b = g.shares(in: d, entity: "甲", year: 2021)
            for shift in g.shifts(in: d, entity: "甲") {
                let before = a.first { $0.part == shift.part }!.share.ratio!, after = b.first { $0.part == shift.part }!.share.ratio!
                #expect(abs(shift.points - (after - before) * 100) < 1e-9)
            }
            let pts = g.shifts(in: d, entity: "甲").map(\.points)
            if pts.count == 2 { #expect(abs(pts[0] + pts[1]) < 1e-9) }
        }
    }

    @Test func ranksShareTies() {
        let obs = [("甲", 5.0), ("乙", 9), ("丙", 5), ("丁", 1)].map {
            Observation(entity: $0.0, year: 2020, metric: "licensing.decisions", value: $0.1, source: "t")
        }
        let r = Ranking.ranks(in: Dataset(obs), metric: "licensing.decisions", year: 2020)
        #expect(r.map(\.rank) == [1, 2, 2, 4])
        #expect(r.map(\.entity) == ["乙", "丙", "甲", "丁"])
    }
}
