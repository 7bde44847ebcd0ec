/// The headline statistics of one series: span, growth, trend line and largest moves.
///
/// ```swift
/// let s = series.summary()
/// s.firstYear, s.lastYear   // 2019, 2022
/// s.cagr                    // .ratio(3.894 − 1)
/// s.trend?.slope            // change per year
/// ```
public struct SeriesSummary: Sendable, Hashable, Codable {
    /// The body.
    public var entity: String
    /// The metric id.
    public var metric: String
    /// The first year with a value.
    public var firstYear: Int
    /// The last year with a value.
    public var lastYear: Int
    /// The first value.
    public var firstValue: Double
    /// The last value.
    public var lastValue: Double
    /// The number of years with a value.
    public var count: Int
    /// Years between the first and the last without a value.
    public var gaps: [Int]
    /// Compound annual growth rate from the first to the last year.
    public var cagr: Relative
    /// The change from the first to the last year.
    public var totalChange: Relative
    /// The least-squares line, nil with fewer than two points.
    public var trend: TrendFit?
    /// The largest increase from one year to the next.
    public var largestRise: YearChange?
    /// The largest decrease from one year to the next.
    public var largestFall: YearChange?

    /// Summarises `series` (which must have at least one point; an empty one gives year 0 and value 0).
    public init(_ series: Series) {
        entity = series.entity
        metric = series.metric
        let first = series.points.first, last = series.points.last
        firstYear = first?.year ?? 0
        lastYear = last?.year ?? 0
        firstValue = first?.value ?? 0
        lastValue = last?.value ?? 0
        count = series.points.count
        gaps = series.gaps
        cagr = series.cagr()
        totalChange = series.points.count >= 2 ? Relative(value: lastValue, base: firstValue) : .notAvailable
        trend = series.trend()
        let changes = series.yearOverYear()
        var rise: YearChange?, fall: YearChange?
        for c in changes {
            guard let a = c.absolute else { continue }
            if a > 0, a > (rise?.absolute ?? 0) { rise = c }
            if a < 0, a < (fall?.absolute ?? 0) { fall = c }
        }
        largestRise = rise
        largestFall = fall
    }
}
