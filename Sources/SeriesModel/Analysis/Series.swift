/// The values of one metric for one body over the years, oldest first; a missing year stays a gap.
///
/// ```swift
/// let s = dataset.series(entity: "平潭综合实验区", metric: "licensing.decisions")!
/// s.years              // [2019, 2021, 2022]
/// s.gaps               // [2020]
/// s.value(in: 2022)    // 10690
/// ```
public struct Series: Sendable, Hashable {
    /// One year's value and where it came from.
    public struct Point: Sendable, Hashable, Codable {
        /// The calendar year.
        public var year: Int
        /// The value.
        public var value: Double
        /// True when the tool computed the value.
        public var derived: Bool
        /// The observation's source.
        public var source: String

        /// Creates a point.
        public init(year: Int, value: Double, derived: Bool = false, source: String = "") {
            self.year = year
            self.value = value
            self.derived = derived
            self.source = source
        }
    }

    /// The body.
    public var entity: String
    /// The metric id.
    public var metric: String
    /// One point per year, in ascending year order.
    public var points: [Point]

    /// Creates a series; points are sorted by year (one per year is expected).
    public init(entity: String, metric: String, points: [Point]) {
        self.entity = entity
        self.metric = metric
        self.points = points.sorted { $0.year < $1.year }
    }

    /// The years with a value.
    public var years: [Int] { points.map(\.year) }

    /// The values, in year order.
    public var values: [Double] { points.map(\.value) }

    /// The years between the first and the last that have no value.
    public var gaps: [Int] {
        var out: [Int] = []
        for (a, b) in zip(points, points.dropFirst()) where b.year > a.year + 1 {
            out.append(contentsOf: (a.year + 1)..<b.year)
        }
        return out
    }

    /// The point of `year`, if present.
    public func point(in year: Int) -> Point? {
        var lo = 0, hi = points.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if points[mid].year < year { lo = mid + 1 } else { hi = mid }
        }
        return lo < points.count && points[lo].year == year ? points[lo] : nil
    }

    /// The value of `year`, if present.
    public func value(in year: Int) -> Double? { point(in: year)?.value }

    /// The key of the observation behind `year`'s value.
    public func key(_ year: Int) -> ObservationKey { ObservationKey(entity: entity, year: year, metric: metric) }

    /// The points whose year lies in `from...to` (either bound optional).
    public func restricted(from: Int?, to: Int?) -> Series {
        var s = self
        s.points = points.filter { p in p.year >= (from ?? Int.min) && p.year <= (to ?? Int.max) }
        return s
    }
}
