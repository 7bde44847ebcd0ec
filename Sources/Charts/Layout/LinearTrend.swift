/// A least-squares straight line through yearly points.
///
/// ```swift
/// let t = LinearTrend(points: [(2019, 10), (2020, 12), (2021, 14)])!
/// t.slope            // 2
/// t.value(at: 2022)  // 16
/// ```
public struct LinearTrend: Sendable, Hashable {
    /// Change per year.
    public let slope: Double
    /// The fitted value at year 0.
    public let intercept: Double

    /// The fit through `points`, or nil with fewer than two distinct years.
    public init?(points: [(year: Int, value: Double)]) {
        guard points.count >= 2 else { return nil }
        let n = Double(points.count)
        let mx = points.reduce(0) { $0 + Double($1.year) } / n
        let my = points.reduce(0) { $0 + $1.value } / n
        var sxy = 0.0, sxx = 0.0
        for p in points {
            let dx = Double(p.year) - mx
            sxy += dx * (p.value - my)
            sxx += dx * dx
        }
        guard sxx > 0 else { return nil }
        slope = sxy / sxx
        intercept = my - slope * mx
    }

    /// The fitted value in `year`.
    public func value(at year: Int) -> Double { intercept + slope * Double(year) }
}
