import Charts
import SeriesModel

/// A chart whose values cannot be drawn: a value that is not finite or beyond ``TidyRecord/maxMagnitude`` (a spec file
/// can hold `1e308`), or one year's values whose sum is (a stacked bar of two `1e308`).
public struct UndrawableValues: Error, Sendable, CustomStringConvertible {
    /// The chart's title.
    public let chart: String
    /// The series and year of the first value that cannot be drawn.
    public let series: String
    public let year: Int
    /// The value (or the year's sum) as written.
    public let value: String

    public var description: String {
        "chart “\(chart)”: series “\(series)”, \(year): the value \(value) cannot be drawn "
            + "(expected a finite number of at most 10^15 in magnitude)"
    }
}

extension ChartSpec {
    /// Refuses values that no axis can show, before any layout runs.
    /// - Throws: ``UndrawableValues`` naming the series and the year.
    public func checkDrawableValues() throws(UndrawableValues) {
        let bound = TidyRecord.maxMagnitude
        var sums: [Int: Double] = [:]
        for s in series {
            for p in s.points {
                guard let v = p.value else { continue }
                guard v.isFinite, abs(v) <= bound else {
                    throw UndrawableValues(chart: title, series: s.label, year: p.year, value: "\(v)")
                }
                sums[p.year, default: 0] += abs(v)
            }
        }
        for (year, sum) in sums.sorted(by: { $0.key < $1.key }) where !(sum <= bound * 1e3) {
            throw UndrawableValues(chart: title, series: series.map(\.label).joined(separator: " + "), year: year, value: "\(sum)")
        }
    }
}
