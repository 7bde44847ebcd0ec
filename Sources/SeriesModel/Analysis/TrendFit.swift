/// An ordinary least-squares line through a series: value ≈ intercept + slope × year.
///
/// ```swift
/// let fit = TrendFit(years: [2019, 2020, 2021], values: [10, 12, 14])!
/// fit.slope       // 2.0 per year
/// fit.r2          // 1.0
/// fit.direction   // .rising
/// ```
public struct TrendFit: Sendable, Hashable, Codable {
    /// Whether the line goes up, down or stays level.
    public enum Direction: String, Sendable, Hashable, Codable {
        case rising, falling, flat
    }

    /// Change per year.
    public var slope: Double
    /// The fitted value at year 0 (use ``value(at:)`` for years).
    public var intercept: Double
    /// The share of variance the line explains, 0…1; nil when every value is the same (nothing to explain).
    public var r2: Double?
    /// `flat` when the fitted change over the whole span is under 1 % of the mean absolute value.
    public var direction: Direction
    /// The number of points fitted.
    public var count: Int

    /// Fits the line; nil with fewer than two distinct years or non-finite input.
    public init?(years: [Int], values: [Double]) {
        let n = min(years.count, values.count)
        guard n >= 2 else { return nil }
        var mx = 0.0, my = 0.0
        for i in 0..<n { mx += Double(years[i]); my += values[i] }
        mx /= Double(n); my /= Double(n)
        var sxx = 0.0, sxy = 0.0, syy = 0.0, meanAbs = 0.0
        for i in 0..<n {
            let dx = Double(years[i]) - mx, dy = values[i] - my
            sxx += dx * dx; sxy += dx * dy; syy += dy * dy
            meanAbs += abs(values[i])
        }
        meanAbs /= Double(n)
        guard sxx > 0, sxy.isFinite, syy.isFinite else { return nil }
        let slope = sxy / sxx
        self.slope = slope
        self.intercept = my - slope * mx
        if syy > 0 {
            let r2 = (sxy * sxy) / (sxx * syy)
            self.r2 = min(1, max(0, r2))
        } else {
            self.r2 = nil
        }
        let span = Double(years[n - 1] - years[0])
        let fittedChange = abs(slope * span)
        if syy == 0 || fittedChange < 0.01 * meanAbs || fittedChange == 0 {
            self.direction = .flat
        } else {
            self.direction = slope > 0 ? .rising : .falling
        }
        self.count = n
    }

    /// The fitted value in `year`.
    public func value(at year: Int) -> Double { intercept + slope * Double(year) }
}
