import Charts
import ReportReading
import SeriesModel

/// Observations held compactly while an export draws: every text is kept once, each observation is 16 bytes
/// (its value, its body and an index into the distinct metric/unit/label/source/year/derived combinations).
///
/// ```swift
/// let data = CompactObservations(try ObservationLoader.load(["datasets"]))
/// data.observations(ofEntity: 0)   // the first body's observations, in input order
/// ```
struct CompactObservations: Sendable {
    private struct Row: Sendable {
        var value: Double
        var entity: Int32
        var attributes: Int32
    }

    private struct Attributes: Hashable, Sendable {
        var metric: Int32, unit: Int32, label: Int32, source: Int32
        var year: Int
        var derived: Bool
    }

    private var texts: [String] = []
    private var attributes: [Attributes] = []
    private var rows: [Row] = []
    /// The bodies in order of first appearance.
    private(set) var entities: [String] = []
    /// Row indices of each body, in input order.
    private var rowsOfEntity: [[Int32]] = []
    /// The metric ids in order of first appearance.
    private(set) var metrics: [String] = []

    init(_ observations: [Observation]) {
        var textIndex: [String: Int32] = [:], attributeIndex: [Attributes: Int32] = [:]
        var entityIndex: [String: Int32] = [:], seenMetrics = Set<String>()
        func intern(_ text: String) -> Int32 {
            if let i = textIndex[text] { return i }
            texts.append(text)
            textIndex[text] = Int32(texts.count - 1)
            return Int32(texts.count - 1)
        }
        rows.reserveCapacity(observations.count)
        for o in observations {
            let a = Attributes(metric: intern(o.metric), unit: intern(o.unit), label: intern(o.label),
                               source: intern(o.source), year: o.year, derived: o.derived)
            let ai: Int32
            if let i = attributeIndex[a] { ai = i } else {
                attributes.append(a)
                ai = Int32(attributes.count - 1)
                attributeIndex[a] = ai
            }
            let ei: Int32
            if let i = entityIndex[o.entity] { ei = i } else {
                entities.append(texts[Int(intern(o.entity))])
                rowsOfEntity.append([])
                ei = Int32(entities.count - 1)
                entityIndex[o.entity] = ei
            }
            if seenMetrics.insert(o.metric).inserted { metrics.append(texts[Int(a.metric)]) }
            rowsOfEntity[Int(ei)].append(Int32(rows.count))
            rows.append(Row(value: o.value, entity: ei, attributes: ai))
        }
    }

    var count: Int { rows.count }

    /// The observations of body number `entity` (an index into ``entities``), in input order.
    func observations(ofEntity entity: Int) -> [Observation] {
        rowsOfEntity[entity].map { observation(Int($0)) }
    }

    /// The observations of `metric`, in input order.
    func observations(ofMetric metric: String) -> [Observation] {
        var out: [Observation] = []
        for i in rows.indices where texts[Int(attributes[Int(rows[i].attributes)].metric)] == metric {
            out.append(observation(i))
        }
        return out
    }

    private func observation(_ i: Int) -> Observation {
        let row = rows[i], a = attributes[Int(row.attributes)]
        return Observation(entity: entities[Int(row.entity)], year: a.year, metric: texts[Int(a.metric)], value: row.value,
                           unit: texts[Int(a.unit)], label: texts[Int(a.label)], source: texts[Int(a.source)],
                           derived: a.derived)
    }
}
