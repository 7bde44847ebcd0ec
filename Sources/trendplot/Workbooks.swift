import Foundation
import Publishing
import ReportReading
import SeriesModel

/// Writing `-o FILE` for the extract and trends commands: a workbook for `.xlsx`, else the text (CSV with a BOM).
enum Workbooks {
    /// The workbook an export folder holds.
    static let exportFileName = "data.xlsx"

    /// True when `path` names an XLSX workbook.
    static func isWorkbook(_ path: String) -> Bool { path.lowercased().hasSuffix(".xlsx") }

    /// Writes the workbook of `data`, `reports` and `checks` to `path` (atomically).
    static func write(data: ReportWorkbook.DataRows, reports: [ExtractionResult], checks: CheckReport, to path: String) throws {
        try ReportWorkbook.write(data: data, reports: reports, checks: checks, to: path, title: "trendplot")
    }
}
