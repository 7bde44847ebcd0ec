import SeriesModel

/// The shape of a report file.
public enum ReportFormat: String, Sendable, Hashable, Codable {
    /// Plain text: text out of a PDF (one cell per line) or text copied from a web page (cells run together).
    case text
    /// An HTML page; tables are read cell by cell.
    case html
    /// Markdown with pipe tables.
    case markdown
}

/// One cell of a table after rowspan/colspan expansion.
struct GridCell: Sendable, Hashable {
    /// The cell's text (whitespace kept; it is normalised later).
    var text: String
    /// False for the copies a rowspan/colspan makes of its cell.
    var isOrigin: Bool
}

/// A table as a rectangular grid of cells.
struct GridTable: Sendable {
    /// Rows of cells; every row has the same number of columns.
    var rows: [[GridCell]]
    /// The 1-based source line of each row (Markdown), or nil (HTML).
    var lines: [Int]?
}

/// A piece of a report in reading order: a line of running text or a table.
enum DocumentBlock: Sendable {
    case line(String, number: Int)
    case table(GridTable)
}

/// A report file turned into blocks, independent of its format.
struct SourceDocument: Sendable {
    var format: ReportFormat
    var blocks: [DocumentBlock]
}
