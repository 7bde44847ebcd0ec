import CXlsxWriter
import Foundation

/// Writes ``WorkbookSheet``s as an XLSX file through libxlsxwriter.
///
/// The same sheets give the same bytes: the document properties (title, author, created date) are fixed, and
/// libxlsxwriter dates the zip entries with the created date. libxlsxwriter writes to a path, so the file is
/// written under a temporary name beside the target (`.NAME.PID.tmp.xlsx`) and renamed into place; on an error the
/// temporary file is removed and the target keeps its old content.
///
/// Rows go out in libxlsxwriter's constant-memory mode: each sheet's rows are written to a temporary file (beside the
/// target, unlinked at once) as soon as the next row starts, so a workbook of any size holds one row per sheet in
/// memory; text cells are then stored inline rather than in a shared-string table. That mode keeps one temporary file
/// open per sheet until the workbook is closed, so the open-file limit is raised (up to the hard limit) when a
/// workbook has more sheets than it allows; past the hard limit the workbook is built in memory instead (the same
/// cells, other bytes: shared strings).
///
/// Every libxlsxwriter object lives inside one ``XLSXStream`` (or one call of ``write(_:to:title:)``) and never
/// leaves it.
public enum XLSXWriter {
    /// The created date of every workbook: 2019-01-01 00:00 UTC (the year of the first national template).
    public static let createdDate: time_t = 1_546_300_800

    /// Writes `sheets` (in order) to `path` atomically; `title` becomes the document title.
    /// - Throws: ``FileWritingError`` naming the file and what failed.
    public static func write(_ sheets: [WorkbookSheet], to path: String, title: String = "trendplot") throws {
        try write(sheets, to: path, title: title, constantMemory: nil)
    }

    /// The same, in constant-memory mode or not (nil: constant memory when the sheets' temporary files can stay open).
    package static func write(_ sheets: [WorkbookSheet], to path: String, title: String, constantMemory: Bool?) throws {
        try write(to: path, sheetNames: sheets.map(\.name), title: title, constantMemory: constantMemory) { stream in
            for (i, sheet) in sheets.enumerated() { try stream.append(sheet, toSheet: i, last: true) }
        }
    }

    /// Writes a workbook of the sheets `sheetNames` (in tab order) to `path` atomically; `body` fills it, piece by
    /// piece and in any order of sheets (rows of one sheet in order).
    static func write(to path: String, sheetNames: [String], title: String, constantMemory: Bool? = nil,
                      _ body: (XLSXStream) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).\(getpid()).tmp.xlsx"
        defer { unlink(temporary) }
        do {
            let constant = constantMemory ?? canKeepOpen(sheets: sheetNames.count)
            let stream = try XLSXStream(path: temporary, target: path, temporaryFolder: folder, sheetNames: sheetNames,
                                        title: title, constantMemory: constant)
            try body(stream)
            try stream.close()
        }
        guard rename(temporary, path) == 0 else {
            throw FileWritingError(path: path, action: "move into place", reason: String(cString: strerror(errno)))
        }
    }

    /// True when `sheets` sheets can each keep a temporary file open (raising the soft open-file limit if needed).
    static func canKeepOpen(sheets: Int) -> Bool {
        let needed = rlim_t(sheets + 256)
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return false }
        if limit.rlim_cur >= needed { return true }
        guard limit.rlim_max >= needed else { return false }
        limit.rlim_cur = needed
        return setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0
    }
}

/// One workbook being written: every sheet added up front (tab order), then rows appended piece by piece.
///
/// Not Sendable: create it, fill it and close it in one call (``XLSXWriter``).
final class XLSXStream {
    private let workbook: UnsafeMutablePointer<lxw_workbook>
    private let target: String
    private var worksheets: [UnsafeMutablePointer<lxw_worksheet>] = []
    private var names: [String]
    /// The next row of each sheet.
    private var nextRow: [Int]
    private var formats: Formats
    private var closed = false

    /// A workbook at `path` (reported as `target` in errors) with the sheets `sheetNames`; in `constantMemory` mode
    /// each sheet's rows go to a temporary file in `temporaryFolder` as they are written.
    init(path: String, target: String, temporaryFolder: String, sheetNames: [String], title: String,
         constantMemory: Bool) throws {
        self.target = target
        names = sheetNames
        nextRow = Array(repeating: 0, count: sheetNames.count)
        let constant: UInt8 = constantMemory ? 1 : 0
        let made = temporaryFolder.withCString { folder in
            var options = lxw_workbook_options(constant_memory: constant, tmpdir: UnsafeMutablePointer(mutating: folder),
                                               use_zip64: 1)
            return workbook_new_opt(path, &options)
        }
        guard let made else {
            throw FileWritingError(path: target, action: "create", reason: "libxlsxwriter could not start the workbook")
        }
        workbook = made
        formats = Formats(workbook: made)
        do {
            try Self.withFixedProperties(title: title) { props in
                let e = workbook_set_properties(made, props)
                if e != LXW_NO_ERROR { throw Self.problem(target, e) }
            }
            for name in sheetNames {
                guard let ws = workbook_add_worksheet(made, name) else {
                    throw FileWritingError(path: target, action: "write",
                                           reason: "the sheet name “\(name)” is not accepted (at most 31 characters, unique)")
                }
                worksheets.append(ws)
            }
        } catch {
            closed = true
            _ = workbook_close(made)
            throw error
        }
    }

    deinit { if !closed { _ = workbook_close(workbook) } }

    /// Appends the rows of `piece` to sheet `index` after the rows already there. Its merged ranges are in the
    /// sheet's rows (0-based, counted from the sheet's first row) and must start in this piece's rows. With `last`,
    /// its widths, frozen panes and filter become the sheet's.
    func append(_ piece: WorkbookSheet, toSheet index: Int, last: Bool) throws {
        let ws = worksheets[index]
        let first = nextRow[index]
        var mergesByRow: [Int: [WorkbookSheet.Range]] = [:]
        for m in piece.merged { mergesByRow[m.firstRow, default: []].append(m) }
        for (offset, row) in piece.rows.enumerated() {
            let r = first + offset
            var mergedStarts: Set<Int> = []
            for m in mergesByRow.removeValue(forKey: r) ?? [] {
                let cell = row.indices.contains(m.firstColumn) ? row[m.firstColumn] : nil
                var text = ""
                if case let .text(t)? = cell?.value { text = t }
                let e = worksheet_merge_range(ws, lxw_row_t(r), lxw_col_t(m.firstColumn), lxw_row_t(m.lastRow),
                                              lxw_col_t(m.lastColumn), text, formats.format(cell?.style ?? .plain))
                if e != LXW_NO_ERROR { throw Self.problem(target, e, place: "sheet “\(names[index])”, row \(r + 1)") }
                mergedStarts.insert(m.firstColumn)
            }
            for (c, cell) in row.enumerated() {
                guard let cell, !mergedStarts.contains(c) else { continue }
                let f = formats.format(cell.style)
                let e: lxw_error
                switch cell.value {
                case let .text(s): e = worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), s, f)
                case let .number(v): e = worksheet_write_number(ws, lxw_row_t(r), lxw_col_t(c), v, f)
                case let .boolean(b): e = worksheet_write_boolean(ws, lxw_row_t(r), lxw_col_t(c), b ? 1 : 0, f)
                }
                if e != LXW_NO_ERROR {
                    throw Self.problem(target, e, place: "sheet “\(names[index])”, row \(r + 1), column \(c + 1)")
                }
            }
        }
        nextRow[index] = first + piece.rows.count
        if let stray = mergesByRow.keys.min() {
            throw FileWritingError(path: target, action: "write",
                                   reason: "sheet “\(names[index])”: a merged range starts in row \(stray + 1), outside the rows written with it")
        }
        guard last else { return }
        for (column, width) in piece.widths.sorted(by: { $0.key < $1.key }) {
            _ = worksheet_set_column(ws, lxw_col_t(column), lxw_col_t(column), width, nil)
        }
        if piece.frozen.rows > 0 || piece.frozen.columns > 0 {
            worksheet_freeze_panes(ws, lxw_row_t(piece.frozen.rows), lxw_col_t(piece.frozen.columns))
        }
        if let f = piece.filter {
            _ = worksheet_autofilter(ws, lxw_row_t(f.firstRow), lxw_col_t(f.firstColumn), lxw_row_t(f.lastRow),
                                     lxw_col_t(f.lastColumn))
        }
    }

    /// Writes the file (libxlsxwriter assembles the parts and zips them here).
    func close() throws {
        closed = true
        let e = workbook_close(workbook)
        if e != LXW_NO_ERROR { throw Self.problem(target, e) }
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
                props.created = XLSXWriter.createdDate
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
