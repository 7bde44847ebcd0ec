/// The change of a series from the previous calendar year.
///
/// `previous` is nil when the previous year is missing (a gap or the first year): then `absolute` is nil and
/// `relative` is `.notAvailable`. A zero previous value gives `relative == .new` (or `.notAvailable` for 0 → 0).
public struct YearChange: Sendable, Hashable, Codable {
    /// The year.
    public var year: Int
    /// The year's value.
    public var value: Double
    /// The value of `year − 1`, if present.
    public var previous: Double?
    /// `value − previous`, if the previous year is present.
    public var absolute: Double?
    /// The relative change.
    public var relative: Relative

    /// Creates the change of `value` in `year` from `previous` (the value of `year − 1`).
    public init(year: Int, value: Double, previous: Double?) {
        self.year = year
        self.value = value
        self.previous = previous
        self.absolute = previous.map { value - $0 }
        self.relative = Relative(value: value, base: previous)
    }
}
