import CXlsxWriter
import Foundation

/// Writes ``WorkbookSheet``s as an XLSX file through libxlsxwriter.
///
/// The same sheets give the same bytes: the document properties (title, author, created date) are fixed, and
/// libxlsxwriter dates the zip entries with the created date. libxlsxwriter writes to a path, so the file is
/// written under a temporary name beside the target (`.NAME.PID.tmp.xlsx`) and renamed into place; on an error the
/// temporary file is removed and the target keeps its old content.
///
/// Every libxlsxwriter object lives inside one call of ``write(_:to:title:)`` and never leaves it.
public enum XLSXWriter {
    /// The created date of every workbook: 2019-01-01 00:00 UTC (the year of the first national template).
    public static let createdDate: time_t = 1_546_300_800

    /// Writes `sheets` (in order) to `path` atomically; `title` becomes the document title.
    /// - Throws: ``FileWritingError`` naming the file and what failed.
    public static func write(_ sheets: [WorkbookSheet], to path: String, title: String = "trendplot") throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp.xlsx").path
        defer { unlink(temporary) }
        try writeFile(sheets, path: temporary, target: path, title: title)
        guard rename(temporary, path) == 0 else {
            throw FileWritingError(path: path, action: "move into place", reason: String(cString: strerror(errno)))
        }
    }

    private static func writeFile(_ sheets: [WorkbookSheet], path: String, target: String, title: String) throws {
        var options = lxw_workbook_options(constant_memory: 0, tmpdir: nil, use_zip64: 1)
        guard let wb = workbook_new_opt(path, &options) else {
            throw FileWritingError(path: target, action: "create", reason: "libxlsxwriter could not start the workbook")
        }
        var closed = false
        defer { if !closed { _ = workbook_close(wb) } }
        try withFixedProperties(title: title) { props in
            let e = workbook_set_properties(wb, props)
            if e != LXW_NO_ERROR { throw problem(target, e) }
        }
        var formats = Formats(workbook: wb)
        for sheet in sheets {
            guard let ws = workbook_add_worksheet(wb, sheet.name) else {
                throw FileWritingError(path: target, action: "write",
                                       reason: "the sheet name “\(sheet.name)” is not accepted (at most 31 characters, unique)")
            }
            for (column, width) in sheet.widths.sorted(by: { $0.key < $1.key }) {
                _ = worksheet_set_column(ws, lxw_col_t(column), lxw_col_t(column), width, nil)
            }
            for m in sheet.merged {
                let first = sheet.cell(row: m.firstRow, column: m.firstColumn)
                let f = formats.format(first?.style ?? .plain)
                var text = ""
                if case let .text(t)? = first?.value { text = t }
                _ = worksheet_merge_range(ws, lxw_row_t(m.firstRow), lxw_col_t(m.firstColumn), lxw_row_t(m.lastRow),
                                          lxw_col_t(m.lastColumn), text, f)
            }
            let mergedStarts = Set(sheet.merged.map { [$0.firstRow, $0.firstColumn] })
            for (r, row) in sheet.rows.enumerated() {
                for (c, cell) in row.enumerated() {
                    guard let cell, !mergedStarts.contains([r, c]) else { continue }
                    let f = formats.format(cell.style)
                    let e: lxw_error
                    switch cell.value {
                    case let .text(s): e = worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), s, f)
                    case let .number(v): e = worksheet_write_number(ws, lxw_row_t(r), lxw_col_t(c), v, f)
                    case let .boolean(b): e = worksheet_write_boolean(ws, lxw_row_t(r), lxw_col_t(c), b ? 1 : 0, f)
                    }
                    if e != LXW_NO_ERROR { throw problem(target, e, place: "sheet “\(sheet.name)”, row \(r + 1), column \(c + 1)") }
                }
            }
            if sheet.frozen.rows > 0 || sheet.frozen.columns > 0 {
                worksheet_freeze_panes(ws, lxw_row_t(sheet.frozen.rows), lxw_col_t(sheet.frozen.columns))
            }
            if let f = sheet.filter {
                _ = worksheet_autofilter(ws, lxw_row_t(f.firstRow), lxw_col_t(f.firstColumn), lxw_row_t(f.lastRow),
                                         lxw_col_t(f.lastColumn))
            }
        }
        closed = true
        let e = workbook_close(wb)
        if e != LXW_NO_ERROR { throw problem(target, e) }
    }

    private static func problem(_ path: String, _ e: lxw_error, place: String? = nil) -> FileWritingError {
        let why = String(cString: lxw_strerror(e))
        return FileWritingError(path: path, action: "write", reason: (place.map { "\($0): " } ?? "") + why)
    }

    /// Calls `body` with properties whose strings live for the call.
    private static func withFixedProperties(title: String, _ body: (UnsafeMutablePointer<lxw_doc_properties>) throws -> Void) throws {
        try title.withCString { t in
            try "trendplot".withCString { author in
                var props = lxw_doc_properties()
                props.title = UnsafeMutablePointer(mutating: t)
                props.author = UnsafeMutablePointer(mutating: author)
                props.created = createdDate
                try withUnsafeMutablePointer(to: &props) { try body($0) }
            }
        }
    }

    /// The formats of one workbook, made once per style.
    private struct Formats {
        let workbook: UnsafeMutablePointer<lxw_workbook>
        var made: [WorkbookSheet.Style: UnsafeMutablePointer<lxw_format>] = [:]

        init(workbook: UnsafeMutablePointer<lxw_workbook>) { self.workbook = workbook }

        mutating func format(_ style: WorkbookSheet.Style) -> UnsafeMutablePointer<lxw_format>? {
            if style == .plain { return nil }
            if let f = made[style] { return f }
            guard let f = workbook_add_format(workbook) else { return nil }
            switch style {
            case .plain: break
            case .header:
                format_set_bold(f)
                format_set_bg_color(f, 0xD9D9D9)
                format_set_text_wrap(f)
                format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
            case .title:
                format_set_bold(f)
                format_set_font_size(f, 13)
            case .integer:
                format_set_num_format(f, "#,##0")
            case let .decimal(d):
                format_set_num_format(f, d > 0 ? "#,##0." + String(repeating: "0", count: d) : "#,##0")
            case .year:
                format_set_num_format(f, "0")
            case .flagged:
                format_set_bg_color(f, 0xFFEB9C)
            }
            made[style] = f
            return f
        }
    }
}
