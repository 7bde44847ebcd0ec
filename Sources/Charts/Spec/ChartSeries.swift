/// One named series of yearly values. A nil value, or a year left out, is a gap — never zero.
///
/// ```swift
/// let s = ChartSeries(label: "行政许可·项目数量", values: [2019: 5434, 2020: 4794])
/// s.points.map(\.year)   // [2019, 2020]
/// ```
public struct ChartSeries: Sendable, Hashable, Codable {
    /// One year's value (nil = not reported).
    public struct YearValue: Sendable, Hashable, Codable {
        /// The calendar year.
        public var year: Int
        /// The value, nil when not reported.
        public var value: Double?
        public init(year: Int, value: Double?) { self.year = year; self.value = value }
    }

    /// The label shown in legends, direct labels and alt text.
    public var label: String
    /// Points sorted by year, one per year.
    public var points: [YearValue]

    /// Creates a series; points are sorted by year and a repeated year keeps its last value.
    public init(label: String, points: [YearValue]) {
        self.label = label
        var byYear: [Int: Double?] = [:]
        for p in points { byYear[p.year] = p.value.flatMap { $0.isFinite ? $0 : nil } }
        self.points = byYear.keys.sorted().map { YearValue(year: $0, value: byYear[$0]!) }
    }

    /// Creates a series from a year → value dictionary.
    public init(label: String, values: [Int: Double]) {
        self.init(label: label, points: values.map { YearValue(year: $0.key, value: $0.value) })
    }

    /// The value in `year`, or nil when missing.
    public func value(in year: Int) -> Double? {
        points.first { $0.year == year }?.value ?? nil
    }

    /// Years with a value.
    public var years: [Int] { points.compactMap { $0.value == nil ? nil : $0.year } }

    /// Values present, in year order.
    public var presentValues: [Double] { points.compactMap(\.value) }

    /// The last year with a value and that value.
    public var last: (year: Int, value: Double)? {
        for p in points.reversed() { if let v = p.value { return (p.year, v) } }
        return nil
    }
}
