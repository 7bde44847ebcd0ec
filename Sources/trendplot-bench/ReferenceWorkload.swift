import TestSupport
import Charts
import Foundation
import Publishing
import SeriesModel

/// The reference chart workload of `../shared/bench/WORKLOAD.md`: chart `k`'s three seeded series × 12 years.
///
/// Integer arithmetic only, bit-for-bit the same as `workload.py` and `cairo_render.c`
/// (`trendplot-bench --dump 0 500 | md5sum` equals `python3 workload.py --dump 0 500 | md5sum`).
package struct ReferenceWorkload: Sendable, Equatable {
    static let years = Array(2013...2024)
    static let seriesNames = ["行政许可", "行政处罚", "行政强制"]
    static let colors: [UInt32] = [0x1F77B4, 0xD62728, 0x2CA02C]
    static let title = "牡丹江市行政许可与行政处罚处理决定数量 2013–2024"
    static let xLabel = "年份"
    static let yLabel = "处理决定数量（件）"
    private static let startRanges: [(lo: UInt64, hi: UInt64)] = [(120_000, 300_000), (30_000, 120_000), (2_000, 30_000)]

    /// The chart number.
    let index: Int
    /// `values[s][y]`: series `s` in year `years[y]`, all within 1,000 … 400,000.
    let values: [[Int]]

    init(index: Int) {
        self.index = index
        var random = SplitMix64(seed: 20_130_101 &+ UInt64(index))
        values = Self.startRanges.map { range in
            var value = Int(range.lo + random.next() % (range.hi - range.lo))
            var series = [value]
            for _ in Self.years.dropFirst() {
                let growth = 80 + Int(random.next() % 51)
                value = min(400_000, max(1_000, value * growth / 100))
                series.append(value)
            }
            return series
        }
    }

    /// The y ticks `0, step, …, top`: a 1/2/2.5/5 × 10^k step aiming at 6 intervals with 15 % headroom.
    var ticks: [Int] {
        let ymax = values.joined().max() ?? 0
        let raw = (ymax * 115 + 599) / 600
        var magnitude = 1
        while magnitude * 10 <= raw { magnitude *= 10 }
        let step = [magnitude, 2 * magnitude, 5 * magnitude / 2, 5 * magnitude, 10 * magnitude].first { $0 >= raw }!
        let top = (ymax * 115 + 100 * step - 1) / (100 * step) * step
        return Array(stride(from: 0, through: top, by: step))
    }

    /// The TSV lines of `workload.py --dump` for this chart.
    var dumpLines: [String] {
        var lines: [String] = []
        for (s, series) in values.enumerated() {
            for (year, value) in zip(Self.years, series) { lines.append("\(index)\t\(s)\t\(year)\t\(value)") }
        }
        lines.append("\(index)\tticks\t" + ticks.map(String.init).joined(separator: ","))
        return lines
    }
}

extension ReferenceWorkload {
    /// The chart as a trendplot `ChartSpec`: title, axis titles, 3 series × 12 years, 1200×750.
    func spec(kind: ChartKind) -> ChartSpec {
        let series = zip(Self.seriesNames, values).map { name, values in
            ChartSeries(label: name, values: Dictionary(uniqueKeysWithValues: zip(Self.years, values.map(Double.init))))
        }
        return ChartSpec(kind: kind, title: Self.title, unit: "件", xTitle: Self.xLabel,
                         series: series, size: ChartSize(width: 1200, height: 750))
    }
}

extension ReferenceWorkload {
    /// The metric ids the three series stand for: decisions on licences, penalties and coercive measures (件).
    static let metricIDs = ["licensing.decisions", "penalty.decisions", "coercion.decisions"]

    /// The chart's data as tidy observations of one body named after the chart (`基准单位0007`).
    var observations: [Observation] {
        zip(Self.metricIDs, values).flatMap { metric, series in
            zip(Self.years, series).map { year, value in
                Observation(entity: "基准单位" + String(format: "%04d", index), year: year, metric: metric,
                            value: Double(value), source: "workload.py:\(index)")
            }
        }
    }
}

