/// A table cell as a document states it, before expansion: its text and how many rows and grid columns it covers.
///
/// HTML gives `rowspan`/`colspan` and leaves the column implicit (the next free one); DOCX gives the grid column
/// (`w:gridBefore` plus the `w:gridSpan`s before it) and its `w:vMerge` runs become `rowSpan`.
public struct SpanningCell: Sendable, Hashable {
    /// The cell's text.
    public var text: String
    /// Rows covered, at least 1.
    public var rowSpan: Int = 1
    /// Grid columns covered, at least 1.
    public var colSpan: Int = 1
    /// The 0-based grid column where the cell starts, or nil for the first position not yet filled.
    public var column: Int? = nil

    /// A cell holding `text` that covers `rowSpan` rows and `colSpan` grid columns from `column` (nil: the first
    /// free one).
    public init(text: String, rowSpan: Int = 1, colSpan: Int = 1, column: Int? = nil) {
        self.text = text
        self.rowSpan = rowSpan
        self.colSpan = colSpan
        self.column = column
    }
}

/// The one rowspan/colspan expansion the cell-based readers (HTML, DOCX, and .doc through HTML) share.
public enum GridExpansion {
    /// The most grid cells one table may expand to (rowspan × colspan of broken documents stay bounded).
    public static let maxGridCells = 200_000
    /// The widest span one cell may claim.
    public static let maxColSpan = 100

    /// Expands `rows` into a rectangular grid: a cell fills every position it covers with its text, and only its
    /// top-left position has `isOrigin`. Positions no cell covers become empty non-origin cells; every row is
    /// padded to the widest one.
    public static func expand(_ rows: [[SpanningCell]]) -> GridTable {
        var grid: [[GridCell?]] = Array(repeating: [], count: rows.count)
        var budget = maxGridCells
        for (r, cells) in rows.enumerated() {
            var c = 0
            for cell in cells {
                if let start = cell.column { c = max(c, start) }
                while c < grid[r].count, grid[r][c] != nil { c += 1 }
                let rowSpan = min(max(cell.rowSpan, 1), rows.count - r)
                let colSpan = min(max(cell.colSpan, 1), maxColSpan)
                for dr in 0..<rowSpan {
                    for dc in 0..<colSpan where budget > 0 {
                        budget -= 1
                        let row = r + dr, col = c + dc
                        if grid[row].count <= col {
                            grid[row].append(contentsOf: repeatElement(nil, count: col + 1 - grid[row].count))
                        }
                        grid[row][col] = GridCell(text: cell.text, isOrigin: dr == 0 && dc == 0)
                    }
                }
                c += colSpan
            }
        }
        let width = grid.map(\.count).max() ?? 0
        let empty = GridCell(text: "", isOrigin: false)
        let filled = grid.map { row in (0..<width).map { i in i < row.count ? (row[i] ?? empty) : empty } }
        return GridTable(rows: filled, lines: nil)
    }
}
