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

    /// The largest magnitude a value may have (10¹⁵). The largest real figures, national amounts in 万元, stay below
    /// 10¹⁰; anything beyond this bound is a broken cell (or `1e308`), and refusing it keeps every sum finite.
    public static let maxMagnitude = 1e15

    /// The units a record may give for a catalog unit, as powers of ten to that unit (`元` → 万元 is −4).
    /// A record in one of these units is converted on reading; any other unit of a catalog metric is refused.
    public static let unitShifts: [String: [String: Int]] = [
        "万元": ["万元": 0, "元": -4, "千元": -1, "百万元": 2, "亿元": 4],
        "件": ["件": 0, "万件": 4],
        "项": ["项": 0, "万项": 4],
    ]

    /// How a record's unit becomes its metric's catalog unit.
    public struct UnitConversion: Sendable, Hashable {
        /// The unit the record gave.
        public let from: String
        /// The catalog unit.
        public let to: String
        /// Powers of ten from `from` to `to`.
        public let shift: Int

        /// `value` in the catalog unit (an exact division by a power of ten for a smaller unit).
        public func apply(_ value: Double) -> Double {
            shift < 0 ? value / TidyRecord.powerOfTen(-shift) : value * TidyRecord.powerOfTen(shift)
        }

        /// The note added to the source: `75394432.52元 → 7539.443252万元`.
        public func note(_ value: Double) -> String {
            "\(NumberText.plain(value))\(from) → \(NumberText.plain(apply(value)))\(to)"
        }
    }

    static func powerOfTen(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// The conversion of `unit` for `metric`: nil when none is needed (no unit, the catalog's unit, or a metric the
    /// catalog does not know — its unit is the user's own).
    /// - Throws: ``Problem/badUnit(found:expected:)`` for a catalog metric in a unit that cannot be converted.
    public static func conversion(metric: String, unit: String) throws(Problem) -> UnitConversion? {
        guard !unit.isEmpty, let m = MetricCatalog.standard[metric], unit != m.unit else { return nil }
        guard let shift = unitShifts[m.unit]?[unit] else {
            let known = (unitShifts[m.unit]?.keys.sorted() ?? [m.unit]).filter { $0 != m.unit }
            throw .badUnit(found: unit, expected: ([m.unit] + known).joined(separator: ", "))
        }
        return UnitConversion(from: unit, to: m.unit, shift: shift)
    }

    /// `value` when it is within ``maxMagnitude``.
    /// - Throws: ``Problem/badValue(found:)`` or ``Problem/tooLarge(found:)``.
    public static func checked(_ value: Double, text: String) throws(Problem) -> Double {
        guard value.isFinite else { throw .badValue(found: text) }
        guard abs(value) <= maxMagnitude else { throw .tooLarge(found: text) }
        return value
    }

    /// What is wrong with one field of a record.
    public enum Problem: Error, Sendable, Hashable {
        case noEntity
        case badYear(found: String)
        case noMetric
        case badValue(found: String)
        case badDerived(found: String)
        /// A catalog metric given in a unit that cannot be converted to the catalog's.
        case badUnit(found: String, expected: String)
        /// A value beyond ``TidyRecord/maxMagnitude``.
        case tooLarge(found: String)

        /// The field (CSV column, JSON key) the problem is in.
        public var field: String {
            switch self {
            case .noEntity: return "entity"
            case .badYear: return "year"
            case .noMetric: return "metric"
            case .badValue, .tooLarge: return "value"
            case .badUnit: return "unit"
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
            case let .badUnit(found, expected):
                return "expected the unit \(expected) (converted on reading), found “\(found)”; "
                    + "convert the values to the catalog's unit or leave the unit empty"
            case let .tooLarge(found):
                return "expected a value of at most 10^15 in magnitude, found “\(found)”"
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
            number = try checked(v, text: t)
        case let .number(v):
            number = try checked(v, text: "\(v)")
        }
        guard let isDerived = derived(derivedText ?? "") else { throw .badDerived(found: (derivedText ?? "").lowercased()) }
        let m = MetricCatalog.standard[metric]
        func given(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        var value = number
        var unitOut = given(unit) ?? m?.unit ?? ""
        var sourceOut = given(source) ?? defaultSource
        if let c = try conversion(metric: metric, unit: unitOut) {
            value = c.apply(number)
            unitOut = c.to
            var ref = SourceRef(parsing: sourceOut)
            ref.notes.append(c.note(number))
            sourceOut = ref.description
        }
        return Observation(entity: EntityName.normalize(entity), year: year, metric: metric, value: value,
                           unit: unitOut, label: given(label) ?? m?.labelZh ?? metric,
                           source: sourceOut, derived: isDerived)
    }
}
