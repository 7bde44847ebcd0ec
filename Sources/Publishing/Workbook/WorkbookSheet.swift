/// One worksheet as a value: a name, cells by row and column, column widths, frozen panes, a filter, merged ranges.
///
/// ``XLSXWriter`` turns a list of sheets into an XLSX file; nothing here touches libxlsxwriter, so sheets are built
/// and tested as plain values.
public struct WorkbookSheet: Sendable, Hashable {
    /// How a cell looks: its number format and emphasis.
    public enum Style: Sendable, Hashable {
        /// Plain text or a number in the General format.
        case plain
        /// A bold header on a grey fill, wrapped.
        case header
        /// A bold title.
        case title
        /// An integer with thousands separators: `#,##0`.
        case integer
        /// A number with thousands separators and `decimals` decimals: `#,##0.00`.
        case decimal(Int)
        /// A year (no separator): `0`.
        case year
        /// A cell whose value is uncertain (an ambiguous run): text on a yellow fill.
        case flagged
    }

    /// A cell's content.
    public enum Value: Sendable, Hashable {
        case text(String)
        case number(Double)
        case boolean(Bool)
    }

    /// One cell.
    public struct Cell: Sendable, Hashable {
        public var value: Value
        public var style: Style

        /// A cell.
        public init(_ value: Value, style: Style = .plain) {
            self.value = value
            self.style = style
        }

        /// A text cell.
        public static func text(_ s: String, _ style: Style = .plain) -> Cell { Cell(.text(s), style: style) }
        /// A number cell.
        public static func number(_ v: Double, _ style: Style) -> Cell { Cell(.number(v), style: style) }
    }

    /// A rectangle of cells, 0-based and inclusive.
    public struct Range: Sendable, Hashable {
        public var firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int

        /// A range.
        public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
            self.firstRow = firstRow
            self.firstColumn = firstColumn
            self.lastRow = lastRow
            self.lastColumn = lastColumn
        }
    }

    /// The sheet name (unique in the workbook, at most 31 characters; see ``WorkbookSheet/sheetName(_:taken:)``).
    public var name: String
    /// Rows of cells; nil is an empty cell.
    public var rows: [[Cell?]] = []
    /// Column widths in characters, by column; missing columns keep Excel's width.
    public var widths: [Int: Double] = [:]
    /// Rows and columns kept in view (frozen) above and left of the scrolling part.
    public var frozen: (rows: Int, columns: Int) = (0, 0)
    /// The range the filter buttons cover (its first row is the header), if any.
    public var filter: Range?
    /// Ranges shown as one cell (their first cell's content).
    public var merged: [Range] = []

    /// An empty sheet named `name`.
    public init(name: String) { self.name = name }

    /// Appends a row.
    public mutating func append(_ row: [Cell?]) { rows.append(row) }

    /// The cell at a 0-based row and column, if any.
    public func cell(row: Int, column: Int) -> Cell? {
        guard row < rows.count, column < rows[row].count else { return nil }
        return rows[row][column]
    }

    public static func == (a: WorkbookSheet, b: WorkbookSheet) -> Bool {
        a.name == b.name && a.rows == b.rows && a.widths == b.widths && a.frozen == b.frozen && a.filter == b.filter
            && a.merged == b.merged
    }

    public func hash(into h: inout Hasher) {
        h.combine(name)
        h.combine(rows)
    }

    /// A sheet name Excel accepts, unique among `taken` (compared ignoring case): the characters `[]:*?/\` become
    /// `_`, leading and trailing apostrophes go, the name is cut to 31 UTF-16 units, and a clash gets ` (2)`, ` (3)`, ….
    /// The result is added to `taken`.
    public static func sheetName(_ wanted: String, taken: inout Set<String>) -> String {
        var base = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        func cut(_ s: String, to units: Int) -> String {
            var out = ""
            for ch in s {
                if out.utf16.count + String(ch).utf16.count > units { break }
                out.append(ch)
            }
            return out
        }
        var name = cut(base, to: 31)
        var n = 2
        while taken.contains(name.lowercased()) {
            let suffix = " (\(n))"
            name = cut(base, to: 31 - suffix.utf16.count) + suffix
            n += 1
        }
        taken.insert(name.lowercased())
        return name
    }
}
