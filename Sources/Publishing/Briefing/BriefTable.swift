import Charts
import ReportReading
import SeriesModel

/// A small data table printed under a chart: one row per series, one column per year.
///
/// ```swift
/// let t = BriefTable(spec)          // spec: 行政处罚·处理决定数量, 2019: 430, 2021: 1282, 2022: 2113
/// t.header                          // ["", "2019年", "2021年", "2022年"]
/// t.rows[0]                         // ["平潭综合实验区", "430", "1,282", "2,113"]
/// ```
public struct BriefTable: Sendable, Hashable {
    /// The column headings; the first is the row-label column.
    public var header: [String]
    /// The rows: a label, then one cell per year (`—` when not reported).
    public var rows: [[String]]
    /// The unit line, e.g. `单位：件`.
    public var unitLine: String

    public init(header: [String], rows: [[String]], unitLine: String) {
        self.header = header; self.rows = rows; self.unitLine = unitLine
    }

    /// The values of `spec` in Chinese number form (`2,113`, `1.069万`), percentages with one decimal.
    public init(_ spec: ChartSpec) {
        let zh = spec.language == .zh
        let years = spec.yearsWithValues
        header = [zh ? "项目" : "Series"] + years.map { zh ? "\($0)年" : "\($0)" }
        rows = spec.series.map { s in
            [s.label] + years.map { y in s.value(in: y).map { Self.format($0, spec) } ?? "—" }
        }
        let unit = spec.valueFormat == .percent ? "%" : spec.unit
        unitLine = unit.isEmpty ? "" : (zh ? "单位：\(unit)" : "Unit: \(unit)")
    }

    /// One cell: percentages with one decimal, amounts with up to two decimals, counts exact with thousands
    /// separators (`2,113`, `10,690`): the unit line above the table states the unit once, so no cell mixes in 万.
    static func format(_ v: Double, _ spec: ChartSpec) -> String {
        if spec.valueFormat == .percent { return NumberText.positional(v, fractionDigits: 1) }
        if spec.unit.contains("万元") || v != v.rounded() {
            return NumberText.grouped(v, fractionDigits: v == v.rounded() ? 0 : 2)
        }
        return NumberText.grouped(v)
    }
}
