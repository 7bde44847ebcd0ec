import Foundation

/// A value for one year, e.g. an index or a moving average.
public struct YearValue: Sendable, Hashable, Codable {
    /// The year.
    public var year: Int
    /// The value.
    public var value: Double

    /// Creates a year value.
    public init(year: Int, value: Double) {
        self.year = year
        self.value = value
    }
}

extension Series {
    /// The change from the previous calendar year, one entry per point.
    ///
    /// ```swift
    /// // licensing.items of 牡丹江市人民政府: 5434 (2019), 4794 (2020)
    /// s.yearOverYear().last!.absolute   // -640
    /// s.yearOverYear().last!.relative   // .ratio(-0.11778)
    /// ```
    public func yearOverYear() -> [YearChange] {
        var out: [YearChange] = []
        out.reserveCapacity(points.count)
        var prev: Point?
        for p in points {
            let base = prev.flatMap { $0.year == p.year - 1 ? $0.value : nil }
            out.append(YearChange(year: p.year, value: p.value, previous: base))
            prev = p
        }
        return out
    }

    /// The change of the value from `from` to `to` (any two years), nil values where a year is missing.
    public func change(from: Int, to: Int) -> (absolute: Double?, relative: Relative) {
        let a = value(in: from), b = value(in: to)
        let abs: Double? = if let a, let b { b - a } else { nil }
        return (abs, Relative(value: b, base: a))
    }

    /// The compound annual growth rate from `from` to `to`: `(end / start)^(1 / years) − 1`.
    ///
    /// `.new` when the start is zero and the end positive; `.notAvailable` when a year is missing, the span is
    /// not positive, or a value is negative.
    public func cagr(from: Int, to: Int) -> Relative {
        Series.cagr(start: value(in: from), end: value(in: to), years: to - from)
    }

    /// The compound annual growth rate from the first to the last point.
    public func cagr() -> Relative {
        guard let f = points.first, let l = points.last else { return .notAvailable }
        return Series.cagr(start: f.value, end: l.value, years: l.year - f.year)
    }

    /// The compound annual growth rate of `start` growing to `end` in `years` years.
    public static func cagr(start: Double?, end: Double?, years: Int) -> Relative {
        guard let start, let end, years > 0, start >= 0, end >= 0 else { return .notAvailable }
        if start == 0 { return end == 0 ? .notAvailable : .new }
        let r = Foundation.pow(end / start, 1 / Double(years)) - 1
        return r.isFinite ? .ratio(r) : .notAvailable
    }

    /// The series as an index with the value of `base` (default: the first year) = 100.
    ///
    /// Empty when the base year is missing or its value is zero (an index of a zero base does not exist).
    public func index(base: Int? = nil) -> [YearValue] {
        guard let baseYear = base ?? points.first?.year, let b = value(in: baseYear), b != 0 else { return [] }
        return points.map { YearValue(year: $0.year, value: Self.index($0.value, base: b) ?? 0) }
    }

    /// The index of `value` against `base` (= 100), or nil for a zero base: the one formula of every index column.
    @inline(__always)
    static func index(_ value: Double, base: Double) -> Double? { base != 0 ? value / base * 100 : nil }

    /// The trailing moving average ending at position `end` over `window` consecutive years, for any storage of a
    /// series' years and values in year order starting at `first`; nil when the window reaches before `first` or
    /// has a gap. The one formula behind ``movingAverage(window:)`` and the trends CSV writer's column.
    @inline(__always)
    static func movingAverage(endingAt end: Int, window: Int, first: Int, year: (Int) -> Int, value: (Int) -> Double) -> Double? {
        let start = end - window + 1
        guard window >= 1, start >= first, year(end) - year(start) == window - 1 else { return nil }
        var sum = 0.0
        for i in start...end { sum += value(i) }
        return sum / Double(window)
    }

    /// The trailing moving average over `window` consecutive years; a year whose window has a gap has none.
    public func movingAverage(window: Int = 3) -> [YearValue] {
        guard window >= 1, points.count >= window else { return [] }
        var out: [YearValue] = []
        for end in (window - 1)..<points.count {
            guard let avg = Self.movingAverage(endingAt: end, window: window, first: 0, year: { points[$0].year },
                                               value: { points[$0].value }) else { continue }
            out.append(YearValue(year: points[end].year, value: avg))
        }
        return out
    }

    /// The least-squares line through the points (nil with fewer than two).
    public func trend() -> TrendFit? {
        TrendFit(years: points.map(\.year), values: points.map(\.value))
    }

    /// The largest year-over-year increase (consecutive years only), if any value rose.
    public func largestRise() -> YearChange? { summary().largestRise }

    /// The largest year-over-year decrease (consecutive years only), if any value fell.
    public func largestFall() -> YearChange? { summary().largestFall }

    /// The summary of the whole series.
    public func summary() -> SeriesSummary { SeriesSummary(self) }
}
