import Publishing
import SeriesModel
import Testing
@testable import trendplot_bench

@Suite("ReferenceWorkload")
struct ReferenceWorkloadTests {
    @Test("chart 0 has the 2024 values WORKLOAD.md prints, and ticks 0…400,000 by 100,000")
    func chartZero() {
        let chart = ReferenceWorkload(index: 0)
        #expect(chart.values.map { $0.last } == [205_150, 287_161, 10_949])
        #expect(chart.values.allSatisfy { $0.count == 12 && $0.allSatisfy { (1_000...400_000).contains($0) } })
        #expect(chart.ticks == [0, 100_000, 200_000, 300_000, 400_000])
        #expect(chart.dumpLines.last == "0\tticks\t0,100000,200000,300000,400000")
    }

    @Test("as tidy observations, one body per chart feeds export --per entity one chart")
    func observations() {
        let observations = ReferenceWorkload(index: 7).observations
        #expect(observations.count == 36)
        #expect(Set(observations.map(\.entity)) == ["基准单位0007"])
        let charts = ExportPlan.charts(observations, per: .entity, kind: .line)
        #expect(charts.map(\.name) == ["entity_基准单位0007_decisions"])   // the decisions view of ViewCatalog
        #expect(charts.first?.spec.series.count == 3)
    }
}
