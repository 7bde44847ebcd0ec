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
        let sheets = ReportWorkbook.sheets(data: data, reports: reports, checks: checks)
        try XLSXWriter.write(sheets, to: path, title: "trendplot")
    }

    /// Writes `text` to `path`: atomically for a regular file, directly for `/dev/…`. CSV written to a file starts
    /// with a UTF-8 byte order mark, which Excel and WPS need to read it as UTF-8 (without it, Chinese text is
    /// garbled on Chinese Windows); the tidy and trends readers accept it.
    static func writeText(_ text: String, csv: Bool, to path: String) throws {
        if path.hasPrefix("/dev/") {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return
        }
        let file = try AtomicFile(path: path)
        if csv { try file.write(TidyTable.byteOrderMark) }
        try file.write(text)
        try file.commit()
    }
}
