/// The one validation of a tidy record (`entity,year,metric,value,unit,label,source,derived`) and its messages,
/// shared by the tidy CSV readers (``TidyTable`` and the streaming ``TidyCSVScanner``) and ``TidyJSON``.
///
/// ```swift
/// let o = try TidyRecord.observation(entity: "平潭综合实验区", year: "2021", metric: "licensing.decisions",
///                                    value: .text("2,293"), defaultSource: "p.csv:2")
/// o?.value    // 2293
/// ```
public enum TidyRecord {
    /// Years a record may have.
    public static let years = 1900...2200

    /// What is wrong with one field of a record.
    public enum Problem: Error, Sendable, Hashable {
        case noEntity
        case badYear(found: String)
        case noMetric
        case badValue(found: String)
        case badDerived(found: String)

        /// The field (CSV column, JSON key) the problem is in.
        public var field: String {
            switch self {
            case .noEntity: return "entity"
            case .badYear: return "year"
            case .noMetric: return "metric"
            case .badValue: return "value"
            case .badDerived: return "derived"
            }
        }

        /// What was expected and what was found.
        public var message: String {
            switch self {
            case .noEntity: return "expected the name of a body, found nothing"
            case let .badYear(found): return "expected a year such as 2020, found “\(found)”"
            case .noMetric: return "expected a metric id such as licensing.decisions"
            case let .badValue(found): return "expected a number, found “\(found)”"
            case let .badDerived(found): return "expected true or false, found “\(found)”"
            }
        }
    }

    /// A value field as the file holds it.
    public enum Value: Sendable, Hashable {
        /// Nothing there (JSON null, a missing key): not reported.
        case missing
        /// Text, to be parsed (`1,234`, `+146`); empty text is "not reported".
        case text(String)
        /// A number the file format already parsed.
        case number(Double)
    }

    /// The year in `text`, when it is a plain year in ``years``.
    public static func year(_ text: String) -> Int? {
        guard let y = Int(text), years.contains(y) else { return nil }
        return y
    }

    /// `true`/`1`/`yes` → true, `false`/`0`/`no`/empty → false (any case); nil for anything else.
    public static func derived(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "", "false", "0", "no": return false
        default: return nil
        }
    }

    /// The observation of one record, or nil when its value is not reported. Unit and label default to the
    /// catalog's, the source to `defaultSource`; the entity is normalised with ``EntityName``.
    /// - Throws: the first ``Problem`` of the record.
    public static func observation(entity: String?, year yearText: String?, metric: String?, value: Value,
                                   unit: String? = nil, label: String? = nil, source: String? = nil,
                                   derived derivedText: String? = nil, defaultSource: String) throws(Problem) -> Observation? {
        guard let entity, !entity.isEmpty else { throw .noEntity }
        guard let year = yearText.flatMap(year) else { throw .badYear(found: yearText ?? "") }
        guard let metric, !metric.isEmpty else { throw .noMetric }
        let number: Double
        switch value {
        case .missing: return nil
        case let .text(t):
            if t.isEmpty { return nil }
            guard let v = TidyTable.parseNumber(t) else { throw .badValue(found: t) }
            number = v
        case let .number(v):
            guard v.isFinite else { throw .badValue(found: "\(v)") }
            number = v
        }
        guard let isDerived = derived(derivedText ?? "") else { throw .badDerived(found: (derivedText ?? "").lowercased()) }
        let m = MetricCatalog.standard[metric]
        func given(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        return Observation(entity: EntityName.normalize(entity), year: year, metric: metric, value: number,
                           unit: given(unit) ?? m?.unit ?? "", label: given(label) ?? m?.labelZh ?? metric,
                           source: given(source) ?? defaultSource, derived: isDerived)
    }
}
