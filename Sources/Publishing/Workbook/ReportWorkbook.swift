import ReportReading
import SeriesModel

/// The workbook of `extract`, `trends` and the export folder's `data.xlsx`: what the sheets hold, built as values.
///
/// | sheet | holds |
/// |---|---|
/// | 数据 | the tidy rows (or the trend rows), frozen header, filter, numbers with separators, 万元 with their decimals |
/// | 表二·BODY, 表三·BODY, 表四·BODY | per body, the report's table in its own row order, one column (表三: one block of seven columns) per year |
/// | 核查 | the check findings, then every ambiguous cell with its candidate splits, then the blank cells |
/// | 来源 | one row per value of the table sheets: sheet, cell, body, year, metric, value, file, page, place, notes |
///
/// ```swift
/// let sheets = ReportWorkbook.sheets(data: .tidy(observations), reports: results, checks: ReportChecker.run(results))
/// try XLSXWriter.write(sheets, to: "out.xlsx")
/// try ReportWorkbook.write(data: .tidy(observations), reports: results, checks: ReportChecker.run(results), to: "same.xlsx")
/// ```
public enum ReportWorkbook {
    /// The rows of the 数据 sheet.
    public enum DataRows: Sendable {
        /// Tidy observations (`entity,year,metric,value,unit,label,source,derived`), as `extract` writes them.
        case tidy([Observation])
        /// Trend rows with their unit and label, as `trends --format csv` writes them.
        case trends([(row: TrendRow, unit: String, label: String)])
    }

    /// The headers of the 数据 sheet for tidy rows, in the order of ``TidyTable/columns``.
    public static let tidyHeaders = ["主体", "年份", "指标", "数值", "单位", "名称", "来源", "推算"]
    /// The headers of the 数据 sheet for trend rows, in the order of ``TrendRow/csvHeader``.
    public static let trendHeaders = ["主体", "指标", "年份", "数值", "同比增减", "同比(%)", "同比说明", "指数", "三年移动平均",
                                      "单位", "名称", "推算", "来源"]

    /// Every sheet: 数据, the table sheets of each body, 核查, 来源 (all held at once; ``write(data:reports:checks:to:title:)``
    /// writes the same workbook without holding it).
    public static func sheets(data: DataRows, reports: [ExtractionResult], checks: CheckReport) -> [WorkbookSheet] {
        let plan = Plan(reports)
        var out = plan.names.map { WorkbookSheet(name: $0) }
        build(data: data, checks: checks, plan: plan) { index, piece, last in
            out[index].rows += piece.rows
            out[index].merged += piece.merged
            if last {
                out[index].widths = piece.widths
                out[index].frozen = piece.frozen
                out[index].filter = piece.filter
            }
        }
        return out
    }

    /// Writes the workbook of ``sheets(data:reports:checks:)`` to `path` (atomically, through ``XLSXWriter``) while
    /// it is built: the 数据 rows go out in chunks, each table sheet and its 来源 rows as soon as they are made, so the
    /// workbook is never held in memory whole (a thousand reports' workbook: see bench/README.md).
    /// - Throws: ``FileWritingError`` naming the file and what failed.
    public static func write(data: DataRows, reports: [ExtractionResult], checks: CheckReport, to path: String,
                             title: String = "trendplot") throws {
        let plan = Plan(reports)
        try XLSXWriter.write(to: path, sheetNames: plan.names, title: title) { stream in
            try build(data: data, checks: checks, plan: plan) { index, piece, last in
                try stream.append(piece, toSheet: index, last: last)
            }
        }
    }

    /// The sheets of a workbook in tab order and the bodies whose tables they show.
    struct Plan {
        /// 数据, then 表二 表三 表四 per body, then 核查, 来源.
        var names: [String]
        var bodies: [(entity: String, reports: [ExtractionResult])]
        var reports: [ExtractionResult]
        /// The index of table `table` (2, 3, 4) of body `body`.
        func tableSheet(_ body: Int, _ table: Int) -> Int { 1 + body * 3 + (table - 2) }
        var checkSheet: Int { names.count - 2 }
        var sourceSheet: Int { names.count - 1 }

        init(_ reports: [ExtractionResult]) {
            self.reports = reports
            bodies = byEntity(reports).map { (entity: $0.0, reports: $0.1) }
            var taken: Set<String> = []
            let data = WorkbookSheet.sheetName("数据", taken: &taken)
            let check = WorkbookSheet.sheetName("核查", taken: &taken)
            let source = WorkbookSheet.sheetName("来源", taken: &taken)
            var tables: [String] = []
            for (entity, _) in bodies {
                for table in [2, 3, 4] { tables.append(WorkbookSheet.sheetName("\(tableShortName(table))·\(entity)", taken: &taken)) }
            }
            names = [data] + tables + [check, source]
        }
    }

    /// Rows of the 数据 sheet per piece.
    package static let dataChunk = 4096

    /// Builds the workbook of `plan` piece by piece, in the order the pieces can be written: the 数据 sheet, each
    /// table sheet (with its 来源 rows), the 核查 sheet, the end of 来源. A piece is the next rows of sheet `index`
    /// (merged ranges in the sheet's rows); with `last`, it carries the sheet's widths, frozen panes and filter.
    static func build<E: Error>(data: DataRows, checks: CheckReport, plan: Plan,
                                emit: (_ index: Int, _ piece: WorkbookSheet, _ last: Bool) throws(E) -> Void) throws(E) {
        try dataSheet(data, name: plan.names[0]) { (piece, last) throws(E) in try emit(0, piece, last) }
        var sources = WorkbookSheet(name: plan.names[plan.sourceSheet])
        sources.append(sourceHeaders.map { .text($0, .header) })
        var sourceRows = 0
        for (b, body) in plan.bodies.enumerated() {
            for table in [2, 3, 4] {
                let index = plan.tableSheet(b, table)
                let sheet = tableSheet(table, entity: body.entity, reports: body.reports, name: plan.names[index], sources: &sources)
                try emit(index, sheet, true)
                sourceRows += sources.rows.count
                try emit(plan.sourceSheet, sources, false)
                sources.rows.removeAll(keepingCapacity: true)
            }
        }
        try emit(plan.checkSheet, checkSheet(checks, reports: plan.reports, name: plan.names[plan.checkSheet]), true)
        sourceRows += sources.rows.count
        var end = sources
        listLayout(&end, rows: sourceRows, columns: sourceHeaders.count,
                   widths: [0: 16, 1: 8, 2: 24, 3: 8, 4: 8, 5: 30, 6: 30, 7: 12, 8: 22, 9: 6, 10: 22, 11: 30])
        try emit(plan.sourceSheet, end, true)
    }

    // MARK: - 数据

    /// The 数据 sheet whole.
    static func dataSheet(_ data: DataRows, name: String) -> WorkbookSheet {
        var sheet = WorkbookSheet(name: name)
        dataSheet(data, name: name) { piece, last in
            sheet.rows += piece.rows
            if last { sheet.widths = piece.widths; sheet.frozen = piece.frozen; sheet.filter = piece.filter }
        }
        return sheet
    }

    /// The 数据 sheet in pieces of ``dataChunk`` rows.
    static func dataSheet<E: Error>(_ data: DataRows, name: String, emit: (WorkbookSheet, Bool) throws(E) -> Void) throws(E) {
        var piece = WorkbookSheet(name: name)
        var rows = 0
        func add(_ row: [Cell?]) throws(E) {
            piece.append(row)
            rows += 1
            if piece.rows.count >= dataChunk {
                try emit(piece, false)
                piece.rows.removeAll(keepingCapacity: true)
            }
        }
        switch data {
        case let .tidy(observations):
            try add(tidyHeaders.map { .text($0, .header) })
            for o in observations {
                try add([.text(o.entity), .number(Double(o.year), .year), .text(o.metric), valueCell(o.value, unit: o.unit),
                         .text(o.unit), .text(o.label), .text(o.source), Cell(.boolean(o.derived))])
            }
            listLayout(&piece, rows: rows, columns: tidyHeaders.count, widths: [0: 24, 1: 6, 2: 36, 3: 12, 4: 6, 5: 36, 6: 36, 7: 6])
        case let .trends(trendRows):
            try add(trendHeaders.map { .text($0, .header) })
            for (r, unit, label) in trendRows {
                var cells: [Cell?] = [.text(r.entity), .text(r.metric), .number(Double(r.year), .year), valueCell(r.value, unit: unit)]
                switch r.change.relative {
                case let .ratio(ratio):
                    cells += [valueCell(r.change.absolute ?? 0, unit: unit), twoDecimals(ratio * 100), nil]
                case .new: cells += [nil, nil, .text("new")]
                case .notAvailable: cells += [nil, nil, .text("n/a")]
                }
                cells += [r.index.map(twoDecimals), r.movingAverage.map(twoDecimals), .text(unit), .text(label),
                          Cell(.boolean(r.derived)), .text(r.source)]
                try add(cells)
            }
            listLayout(&piece, rows: rows, columns: trendHeaders.count,
                       widths: [0: 24, 1: 36, 2: 6, 3: 12, 4: 10, 5: 9, 6: 8, 7: 9, 8: 12, 9: 6, 10: 36, 11: 6, 12: 36])
        }
        try emit(piece, true)
    }

    typealias Cell = WorkbookSheet.Cell

    /// A value with separators: integers as `#,##0`, other numbers (and 万元 amounts) with their own decimals.
    static func valueCell(_ v: Double, unit: String) -> Cell {
        let text = TrendRow.number(v)
        guard let dot = text.firstIndex(of: ".") else { return .number(v, .integer) }
        return .number(Double(text) ?? v, .decimal(text.distance(from: dot, to: text.endIndex) - 1))
    }

    /// A percentage, index or average as the CSV writes it: two decimals.
    static func twoDecimals(_ v: Double) -> Cell { .number(Double(TrendRow.decimal(v)) ?? v, .decimal(2)) }

    /// Freezes the header row, puts the filter over the whole list and sets the widths.
    static func finishList(_ sheet: inout WorkbookSheet, widths: [Int: Double]) {
        listLayout(&sheet, rows: sheet.rows.count, columns: sheet.rows.first?.count ?? 0, widths: widths)
    }

    /// The layout of a list of `rows` rows (the header included) and `columns` columns: the header row frozen, the
    /// filter over the whole list, the widths.
    static func listLayout(_ sheet: inout WorkbookSheet, rows: Int, columns: Int, widths: [Int: Double]) {
        sheet.frozen = (1, 0)
        if columns > 0 {
            sheet.filter = .init(firstRow: 0, firstColumn: 0, lastRow: max(0, rows - 1), lastColumn: columns - 1)
        }
        sheet.widths = widths
    }

    // MARK: - 表二, 表三, 表四

    static func tableShortName(_ table: Int) -> String { table == 2 ? "表二" : table == 3 ? "表三" : "表四" }

    /// Reports grouped by body (in the order bodies first appear), each body's reports by year; of two reports of
    /// the same body and year the first is shown (the one the dataset keeps).
    static func byEntity(_ reports: [ExtractionResult]) -> [(String, [ExtractionResult])] {
        var order: [String] = []
        var groups: [String: [Int: ExtractionResult]] = [:]
        for r in reports {
            if groups[r.report.entity] == nil { order.append(r.report.entity) }
            if groups[r.report.entity, default: [:]][r.report.year] == nil {
                groups[r.report.entity, default: [:]][r.report.year] = r
            }
        }
        return order.map { e in (e, groups[e, default: [:]].sorted { $0.key < $1.key }.map(\.value)) }
    }

    /// What one printed cell of one report holds.
    enum CellContent {
        case value(Observation)
        case ambiguous(AmbiguousCells)
        case blank(BlankCell)
    }

    /// The printed cells of `report`, by (metric, year).
    static func contents(of report: ExtractionResult) -> [String: CellContent] {
        var out: [String: CellContent] = [:]
        func key(_ metric: String, _ year: Int) -> String { "\(metric)@\(year)" }
        for b in report.blankCells { out[key(b.metric, b.year)] = .blank(b) }
        for a in report.ambiguities {
            for m in a.metrics {
                let cellOffset = m.hasSuffix(".items") ? -1 : 0
                out[key(m, report.report.year + cellOffset)] = .ambiguous(a)
            }
        }
        for o in report.observations where !o.derived { out[key(o.metric, o.year)] = .value(o) }
        return out
    }

    /// The rows of table `table` over `templates`: the rows of the first template; a row of a later one with the
    /// same key and label gets its new cells, a renamed row comes next to the old one, a new row comes after the
    /// row it follows in its own template.
    static func unionRows(_ table: Int, templates: [TemplateVersion]) -> [TemplateTable.Row] {
        var rows: [TemplateTable.Row] = []
        for t in templates {
            let add = TemplateTable(table: table, template: t).rows
            for (i, row) in add.enumerated() {
                if let at = rows.firstIndex(where: { $0.key == row.key && $0.label == row.label }) {
                    // The same row in another template: keep the cells of both (2019 表二 rows have more columns).
                    var cells = rows[at].cells
                    for c in row.cells where !cells.contains(c) { cells.append(c) }
                    rows[at] = TemplateTable.Row(key: row.key, label: rows[at].label, cells: cells)
                } else if let at = rows.lastIndex(where: { $0.key == row.key }) {
                    rows.insert(row, at: at + 1)   // renamed (规范性文件 → 行政规范性文件): its own row, next to the old
                } else {
                    let before = i > 0 ? rows.firstIndex(where: { $0.key == add[i - 1].key }).map { $0 + 1 } : 0
                    rows.insert(row, at: before ?? rows.count)
                }
            }
        }
        return rows
    }

    static let sourceHeaders = ["工作表", "单元格", "主体", "报告年份", "表", "行", "列", "指标", "数值", "页", "文件", "位置及说明"]

    /// One table of one body across years. 表三: the printed grid (rows × seven applicant columns) once per year,
    /// side by side. 表二 and 表四: one row per printed cell (row, column heading), one column per year. A cell
    /// left open as ambiguous says 待核 on a yellow fill; a blank printed cell stays empty.
    static func tableSheet(_ table: Int, entity: String, reports: [ExtractionResult], name: String,
                           sources: inout WorkbookSheet) -> WorkbookSheet {
        var sheet = WorkbookSheet(name: name)
        let templates = Array(Set(reports.map(\.report.template))).sorted { $0.rawValue < $1.rawValue }
        let rows = unionRows(table, templates: templates)
        let contents = reports.map(contents(of:))
        sheet.append([.text("\(TemplateTable.title(of: table))（\(entity)）", .title)])
        let grid = table == 3
        let labelColumns = grid ? 1 : 2
        let width = grid ? MetricCatalog.applicantColumns.count : 1
        // Header: years (merged over a block), the file each year's column comes from, then the column headings.
        var years: [Cell?] = grid ? [.text("年份", .header)] : [.text("行", .header), .text("列", .header)]
        var files: [Cell?] = grid ? [.text("文件", .header)] : [.text("", .header), .text("文件", .header)]
        for (i, r) in reports.enumerated() {
            years += [.text("\(r.report.year)年", .header)] + Array(repeating: .text("", .header), count: width - 1)
            files += [.text(r.report.file, .header)] + Array(repeating: .text("", .header), count: width - 1)
            if width > 1 {
                let c = labelColumns + i * width
                sheet.merged.append(.init(firstRow: 1, firstColumn: c, lastRow: 1, lastColumn: c + width - 1))
                sheet.merged.append(.init(firstRow: 2, firstColumn: c, lastRow: 2, lastColumn: c + width - 1))
            }
        }
        sheet.append(years)
        sheet.append(files)
        if grid {
            var headings: [Cell?] = [.text("", .header)]
            for _ in reports { headings += MetricCatalog.applicantColumns.map { .text($0.zh, .header) } }
            sheet.append(headings)
        }
        let headerRows = sheet.rows.count
        for row in rows {
            let lines: [(label: [Cell?], cells: [TemplateTable.Cell])] = grid
                ? [([.text(row.label)], row.cells)]
                : row.cells.map { ([.text(row.label), .text($0.heading)], [$0]) }
            for line in lines {
                var cells = line.label
                let sheetRow = sheet.rows.count
                for (i, r) in reports.enumerated() {
                    for (j, spec) in line.cells.enumerated() {
                        let column = labelColumns + i * width + j
                        let content = contents[i]["\(spec.metric)@\(r.report.year + spec.yearOffset)"]
                        while cells.count < column { cells.append(nil) }
                        switch content {
                        case let .value(o)?:
                            cells.append(valueCell(o.value, unit: o.unit))
                            sources.append(sourceRow(name, sheetRow, column, entity, r, table, row, spec, o.value, o.source))
                        case let .ambiguous(a)?:
                            cells.append(.text("待核", .flagged))
                            sources.append(sourceRow(name, sheetRow, column, entity, r, table, row, spec, nil,
                                                     a.source + " (待核: “\(a.run)” → \(a.candidates.joined(separator: " 或 ")))"))
                        case let .blank(b)?:
                            cells.append(nil)
                            sources.append(sourceRow(name, sheetRow, column, entity, r, table, row, spec, nil, b.source + " (空白)"))
                        case nil:
                            cells.append(nil)
                        }
                    }
                }
                sheet.append(cells)
            }
        }
        sheet.frozen = (headerRows, labelColumns)
        sheet.widths = grid ? [0: 30] : [0: 22, 1: 24]
        for c in labelColumns..<(labelColumns + reports.count * width) { sheet.widths[c] = grid ? 9 : 12 }
        return sheet
    }

    /// A 来源 row: where a table sheet's cell is and where its value was read.
    static func sourceRow(_ sheet: String, _ row: Int, _ column: Int, _ entity: String, _ r: ExtractionResult, _ table: Int,
                          _ spec: TemplateTable.Row, _ cell: TemplateTable.Cell, _ value: Double?, _ source: String) -> [Cell?] {
        let ref = SourceRef(parsing: source)
        var page: Cell?
        switch ref.location {
        case let .pageCell(p, _, _, _), let .pageLine(p, _): page = .number(Double(p), .year)
        default: page = nil
        }
        return [.text(sheet), .text(cellName(row: row, column: column)), .text(entity), .number(Double(r.report.year), .year),
                .text(tableShortName(table)), .text(spec.label), .text(cell.heading), .text(cell.metric),
                value.map { valueCell($0, unit: MetricCatalog.standard[cell.metric]?.unit ?? "") }, page,
                .text(ref.file), .text(source)]
    }

    /// `C5` for 0-based row 4, column 2.
    public static func cellName(row: Int, column: Int) -> String {
        var letters = ""
        var c = column + 1
        while c > 0 {
            let r = (c - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            c = (c - 1) / 26
        }
        return letters + String(row + 1)
    }

    // MARK: - 核查

    static let checkHeaders = ["类别", "严重程度", "规则", "文件", "位置", "左边", "右边", "说明"]

    static func severityName(_ s: Severity) -> String { s == .error ? "错误" : s == .warning ? "警告" : "提示" }

    /// The check findings, then each ambiguous cell group with its candidate splits, then the blank cells.
    static func checkSheet(_ checks: CheckReport, reports: [ExtractionResult], name: String) -> WorkbookSheet {
        var sheet = WorkbookSheet(name: name)
        sheet.append(checkHeaders.map { .text($0, .header) })
        for f in checks.findings {
            sheet.append([.text("核查"), .text(severityName(f.severity)), .text(f.rule), .text(f.file), .text(f.place),
                          .text(f.lhs), .text(f.rhs), .text(f.message)])
        }
        for r in reports {
            for a in r.ambiguities {
                sheet.append([.text("待核拆分", .flagged), .text(severityName(.warning)), .text("拆分"), .text(r.report.file),
                              .text("\(tableShortName(a.table)), \(a.row) (\(a.source))"), .text(a.run),
                              .text(a.candidates.joined(separator: " 或 ") + (a.truncated ? " …" : "")),
                              .text("候选拆分不止一种，不取值：" + a.metrics.joined(separator: ", "))])
            }
        }
        for r in reports {
            for b in r.blankCells {
                sheet.append([.text("空白单元格"), .text(severityName(.info)), .text("空白"), .text(r.report.file), .text(b.source),
                              .text(b.metric), .text(String(b.year)), .text("报告未填（不是 0），无数值")])
            }
        }
        finishList(&sheet, widths: [0: 10, 1: 8, 2: 20, 3: 22, 4: 36, 5: 30, 6: 30, 7: 50])
        return sheet
    }
}
