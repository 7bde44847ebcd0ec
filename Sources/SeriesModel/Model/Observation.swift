/// One number for one body, one year and one metric — the unit of every dataset.
///
/// ```swift
/// let o = Observation(entity: "牡丹江市人民政府", year: 2020, metric: "licensing.decisions",
///                     value: 387576, unit: "件", label: "行政许可·处理决定数量",
///                     source: "mudanjiang_2020.txt:251")
/// ```
public struct Observation: Sendable, Hashable, Codable {
    /// The government body, normalised (see ``EntityName``).
    public var entity: String
    /// The calendar year the value describes (not the year the report was published).
    public var year: Int
    /// A metric id from ``MetricCatalog`` such as `licensing.decisions`.
    public var metric: String
    /// The value as printed, after normalising (amounts in 万元).
    public var value: Double
    /// The unit, e.g. `件`, `项`, `万元`.
    public var unit: String
    /// The Chinese label, e.g. `行政许可·处理决定数量`.
    public var label: String
    /// Where the value came from: `file:line` for text, `file#table3[r5c2]` for HTML, plus any conversion.
    public var source: String
    /// True when the tool computed the value rather than reading it.
    public var derived: Bool

    /// Creates an observation.
    public init(entity: String, year: Int, metric: String, value: Double, unit: String,
                label: String, source: String, derived: Bool = false) {
        self.entity = entity
        self.year = year
        self.metric = metric
        self.value = value
        self.unit = unit
        self.label = label
        self.source = source
        self.derived = derived
    }

    /// Creates an observation whose unit and label come from the catalog entry of `metric`.
    public init(entity: String, year: Int, metric: String, value: Double, source: String, derived: Bool = false) {
        let m = MetricCatalog.standard[metric]
        self.init(entity: entity, year: year, metric: metric, value: value, unit: m?.unit ?? "",
                  label: m?.labelZh ?? metric, source: source, derived: derived)
    }

    /// The key that identifies an observation in a dataset.
    public var key: ObservationKey { ObservationKey(entity: entity, year: year, metric: metric) }
}

/// (entity, year, metric): at most one value per key in a merged dataset.
public struct ObservationKey: Sendable, Hashable, Comparable, Codable {
    public var entity: String
    public var year: Int
    public var metric: String

    /// Creates a key.
    public init(entity: String, year: Int, metric: String) {
        self.entity = entity
        self.year = year
        self.metric = metric
    }

    public static func < (a: ObservationKey, b: ObservationKey) -> Bool {
        (a.entity, a.metric, a.year) < (b.entity, b.metric, b.year)
    }
}
