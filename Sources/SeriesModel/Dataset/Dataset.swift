/// Observations merged into one value per (entity, year, metric), grouped into series.
///
/// Build one with ``DatasetLoader`` (files and folders), ``DatasetBuilder`` or ``init(_:aliases:)``.
/// Entities are in name order, metrics in catalog order, years ascending.
///
/// ```swift
/// var dataset = Dataset(observations)
/// dataset.addIndicators()
/// let s = dataset.series(entity: "牡丹江市人民政府", metric: "licensing.items")!
/// s.yearOverYear().last!.absolute     // -640
/// dataset.conflicts                    // values two sources disagree on
/// ```
public struct Dataset: Sendable {
    struct Storage: Sendable {
        var entities: [String] = []
        var metrics = ByteInterner()
        var sources = ByteInterner()
        var units = ByteInterner()
        var labels = ByteInterner()
        var attributes = AttributeTable()
        // Point columns (entity and metric are only used while building the series table).
        var entity: [Int32] = []
        var metric: [Int32] = []
        var year: [Int16] = []
        var value: [Double] = []
        var derived: [Bool] = []
        var source: [Int32] = []
        var attribute: [Int32] = []
        // Series table, sorted by (entity, metric order).
        var seriesEntity: [Int32] = []
        var seriesMetric: [Int32] = []
        var seriesStart: [Int32] = []
        var seriesCount: [Int32] = []
    }

    var storage: Storage
    /// Values two sources disagreed on, with the one kept and the one dropped.
    public internal(set) var conflicts: [DatasetConflict]
    /// Problems with single inputs (the other inputs were read).
    public private(set) var errors: [InputError]
    /// The files read, in input order.
    public private(set) var files: [String]

    init(storage: Storage, conflicts: [DatasetConflict], errors: [InputError], files: [String]) {
        self.storage = storage
        self.conflicts = conflicts
        self.errors = errors
        self.files = files
        buildSeriesTable()
    }

    /// Merges `observations` (in order: the first of two printed values wins).
    public init(_ observations: [Observation], aliases: EntityAliases = EntityAliases()) {
        var b = DatasetBuilder(aliases: aliases)
        b.add(contentsOf: observations)
        self = b.build()
    }

    private mutating func buildSeriesTable() {
        var s = storage
        storage = Storage()
        s.seriesEntity = []; s.seriesMetric = []; s.seriesStart = []; s.seriesCount = []
        var i = 0
        let n = s.value.count
        while i < n {
            let e = s.entity[i], m = s.metric[i]
            var j = i + 1
            while j < n && s.entity[j] == e && s.metric[j] == m { j += 1 }
            s.seriesEntity.append(e)
            s.seriesMetric.append(m)
            s.seriesStart.append(Int32(i))
            s.seriesCount.append(Int32(j - i))
            i = j
        }
        s.entity = []
        s.metric = []
        storage = s
    }

    // MARK: Size and contents

    /// The number of observations.
    public var count: Int { storage.value.count }

    /// The number of series (entity, metric pairs).
    public var seriesCount: Int { storage.seriesEntity.count }

    /// The entities, in name order.
    public var entities: [String] { storage.entities }

    /// The metric ids present, in catalog order.
    public var metrics: [String] {
        let ranks = Dataset.ranks(of: storage.metrics.strings)
        var present = Set<Int32>(storage.seriesMetric)
        var out: [(Int32, String)] = []
        for (i, m) in storage.metrics.strings.enumerated() where present.remove(Int32(i)) != nil { out.append((ranks[i], m)) }
        return out.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// Every year with at least one value, ascending.
    public var years: [Int] { Set(storage.year).sorted().map(Int.init) }

    /// The series at `index` (0 ..< seriesCount), in (entity, metric) order.
    public func series(at index: Int) -> Series {
        let s = storage
        let start = Int(s.seriesStart[index]), count = Int(s.seriesCount[index])
        var points: [Series.Point] = []
        points.reserveCapacity(count)
        for i in start..<(start + count) {
            points.append(Series.Point(year: Int(s.year[i]), value: s.value[i], derived: s.derived[i],
                                       source: s.sources.strings[Int(s.source[i])]))
        }
        return Series(entity: s.entities[Int(s.seriesEntity[index])], metric: s.metrics.strings[Int(s.seriesMetric[index])],
                      sortedPoints: points)
    }

    /// The entity of series `index`.
    public func entity(ofSeries index: Int) -> String { storage.entities[Int(storage.seriesEntity[index])] }

    /// The metric of series `index`.
    public func metric(ofSeries index: Int) -> String { storage.metrics.strings[Int(storage.seriesMetric[index])] }

    /// The unit and label of series `index` for display: the catalog's in `language`, or for a metric the
    /// catalog does not know, those of the series' first observation.
    public func unitAndLabel(ofSeries index: Int, language: Language = .zh) -> (unit: String, label: String) {
        let id = metric(ofSeries: index)
        if let m = MetricCatalog.standard[id] { return (language == .zh ? m.unit : m.unitEn, m.label(language)) }
        let a = storage.attributes[storage.attribute[Int(storage.seriesStart[index])]]
        return (storage.units.strings[Int(a.unit)], storage.labels.strings[Int(a.label)])
    }

    /// The index of the series of `entity` and `metric`.
    public func seriesIndex(entity: String, metric: String) -> Int? {
        guard let e = entityIndex(entity), let m = storage.metrics.id(of: metric) else { return nil }
        let range = seriesRange(entity: e)
        return range.first { storage.seriesMetric[$0] == m }
    }

    /// The series of `entity` and `metric`, if any value exists.
    public func series(entity: String, metric: String) -> Series? {
        seriesIndex(entity: entity, metric: metric).map { series(at: $0) }
    }

    /// The indices of the series of `entity`.
    public func seriesIndices(entity: String) -> Range<Int> {
        guard let e = entityIndex(entity) else { return 0..<0 }
        return seriesRange(entity: e)
    }

    /// The observation of `key`, if present.
    public func observation(_ key: ObservationKey) -> Observation? {
        guard let si = seriesIndex(entity: key.entity, metric: key.metric) else { return nil }
        let start = Int(storage.seriesStart[si]), count = Int(storage.seriesCount[si])
        for i in start..<(start + count) where Int(storage.year[i]) == key.year { return observation(at: i, key: key) }
        return nil
    }

    /// The value of `metric` for `entity` in `year`, if present.
    public func value(entity: String, year: Int, metric: String) -> Double? {
        observation(ObservationKey(entity: entity, year: year, metric: metric))?.value
    }

    /// Every observation, in (entity, metric, year) order.
    public func observations() -> [Observation] {
        var out: [Observation] = []
        out.reserveCapacity(count)
        for si in 0..<seriesCount {
            let e = entity(ofSeries: si), m = metric(ofSeries: si)
            let start = Int(storage.seriesStart[si]), n = Int(storage.seriesCount[si])
            for i in start..<(start + n) {
                out.append(observation(at: i, key: ObservationKey(entity: e, year: Int(storage.year[i]), metric: m)))
            }
        }
        return out
    }

    private func observation(at i: Int, key: ObservationKey) -> Observation {
        let a = storage.attributes[storage.attribute[i]]
        return Observation(entity: key.entity, year: key.year, metric: key.metric, value: storage.value[i],
                           unit: storage.units.strings[Int(a.unit)], label: storage.labels.strings[Int(a.label)],
                           source: storage.sources.strings[Int(storage.source[i])], derived: storage.derived[i])
    }

    private func entityIndex(_ name: String) -> Int? {
        var lo = 0, hi = storage.entities.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if storage.entities[mid] < name { lo = mid + 1 } else { hi = mid }
        }
        return lo < storage.entities.count && storage.entities[lo] == name ? lo : nil
    }

    private func seriesRange(entity e: Int) -> Range<Int> {
        let se = storage.seriesEntity
        var lo = 0, hi = se.count
        while lo < hi { let mid = (lo + hi) / 2; if Int(se[mid]) < e { lo = mid + 1 } else { hi = mid } }
        var end = lo
        hi = se.count
        while end < hi { let mid = (end + hi) / 2; if Int(se[mid]) <= e { end = mid + 1 } else { hi = mid } }
        return lo..<end
    }

    // MARK: Helpers

    /// Catalog order for known metric ids, then unknown ids by name.
    static func ranks(of metricIDs: [String]) -> [Int32] {
        let catalog = MetricCatalog.standard
        let order = metricIDs.indices.sorted { a, b in
            let oa = catalog.order(of: metricIDs[a]), ob = catalog.order(of: metricIDs[b])
            return oa != ob ? oa < ob : metricIDs[a] < metricIDs[b]
        }
        var rank = [Int32](repeating: 0, count: metricIDs.count)
        for (r, m) in order.enumerated() { rank[m] = Int32(r) }
        return rank
    }

    /// Two values are the same observation when they agree to 1e-9 (relative).
    static func same(_ a: Double, _ b: Double) -> Bool {
        a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }
}
