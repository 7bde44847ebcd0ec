/// One row of the trends table: a year of a series with its change from the previous year, index and
/// moving average — the records behind `trendplot trends` (CSV, JSON, table, Markdown).
///
/// ```swift
/// TrendRow.rows(of: series)   // one row per year
/// TrendRow.csvHeader          // "entity,metric,year,value,yoy_abs,yoy_pct,…"
/// ```
public struct TrendRow: Sendable, Hashable {
    /// The body.
    public var entity: String
    /// The metric id.
    public var metric: String
    /// The year.
    public var year: Int
    /// The value.
    public var value: Double
    /// The change from the previous year.
    public var change: YearChange
    /// The index, base year (default: the first year of the series) = 100; nil when the base is missing or zero.
    public var index: Double?
    /// The trailing three-year moving average, nil when the window has a gap.
    public var movingAverage: Double?
    /// True when the value was computed.
    public var derived: Bool
    /// The value's source.
    public var source: String

    /// The CSV header of ``csvLine``.
    public static let csvHeader = "entity,metric,year,value,yoy_abs,yoy_pct,yoy_note,index,moving_avg,unit,label,derived,source"

    /// The rows of `series`, one per year; the index has `indexBase` (default: the first year) = 100.
    public static func rows(of series: Series, window: Int = 3, indexBase: Int? = nil) -> [TrendRow] {
        let changes = series.yearOverYear()
        let index = Dictionary(series.index(base: indexBase).map { ($0.year, $0.value) }, uniquingKeysWith: { a, _ in a })
        let ma = Dictionary(series.movingAverage(window: window).map { ($0.year, $0.value) }, uniquingKeysWith: { a, _ in a })
        return zip(series.points, changes).map { p, c in
            TrendRow(entity: series.entity, metric: series.metric, year: p.year, value: p.value, change: c,
                     index: index[p.year], movingAverage: ma[p.year], derived: p.derived, source: p.source)
        }
    }

    /// The row as a CSV line (no line end). `yoy_abs` and `yoy_pct` are empty when the previous year is
    /// missing or zero; `yoy_note` then says `new` (zero base) or `n/a` (no previous year).
    /// `yoy_pct`, `index` and `moving_avg` have two decimals; other numbers are written in full.
    public func csvLine(unit: String, label: String) -> String {
        var f: [String] = [TidyTable.escape(entity), TidyTable.escape(metric), String(year), Self.number(value)]
        switch change.relative {
        case .ratio(let r):
            f.append(Self.number(change.absolute ?? 0))
            f.append(Self.decimal(r * 100))
            f.append("")
        case .new:
            f += ["", "", "new"]
        case .notAvailable:
            f += ["", "", "n/a"]
        }
        f.append(index.map(Self.decimal) ?? "")
        f.append(movingAverage.map(Self.decimal) ?? "")
        f.append(TidyTable.escape(unit))
        f.append(TidyTable.escape(label))
        f.append(derived ? "true" : "false")
        f.append(TidyTable.escape(source))
        return f.joined(separator: ",")
    }

    /// A value as written in tidy files, rounded to 6 decimals to hide floating-point noise.
    public static func number(_ v: Double) -> String {
        v == v.rounded() ? NumberText.plain(v) : decimalText(v, digits: 6)
    }

    /// Two decimals, trailing zeros dropped: `-11.78`, `366.2`, `100`.
    public static func decimal(_ v: Double) -> String { decimalText(v, digits: 2) }

    /// `digits` decimals, trailing zeros dropped.
    static func decimalText(_ v: Double, digits: Int) -> String { trimmed(NumberText.positional(v, fractionDigits: digits)) }

    private static func trimmed(_ s: String) -> String {
        guard s.contains(".") else { return s == "-0" ? "0" : s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t == "-0" ? "0" : t
    }
}
