import SeriesModel

/// The shape of a report file.
public enum ReportFormat: String, Sendable, Hashable, Codable {
    /// Plain text: text out of a PDF (one cell per line) or text copied from a web page (cells run together).
    case text
    /// An HTML page; tables are read cell by cell.
    case html
    /// Markdown with pipe tables.
    case markdown
    /// A born-digital PDF, read from its glyph boxes; tables rebuilt from their ruling lines.
    case pdf
    /// A Word 2007+ document (.docx); tables are read cell by cell.
    case docx
    /// An old binary Word document (.doc), read through wvHtml's HTML; tables are read cell by cell.
    case doc

    /// True for the formats whose tables come as cells (HTML, DOCX, DOC, ruled PDF tables) rather than as lines of text.
    public var readsTableCells: Bool { self == .html || self == .docx || self == .doc || self == .pdf }
}

/// One cell of a table after rowspan/colspan expansion.
public struct GridCell: Sendable, Hashable {
    /// The cell's text (whitespace kept; it is normalised later).
    public var text: String
    /// False for the copies a rowspan/colspan makes of its cell.
    public var isOrigin: Bool

    /// A cell holding `text`; `isOrigin` is false for the copies a merged cell leaves in the cells it covers.
    public init(text: String, isOrigin: Bool) {
        self.text = text
        self.isOrigin = isOrigin
    }
}

/// A table as a rectangular grid of cells.
public struct GridTable: Sendable {
    /// Rows of cells; every row has the same number of columns.
    public var rows: [[GridCell]]
    /// The 1-based source line of each row (Markdown), or nil (HTML).
    public var lines: [Int]?
    /// The 1-based page of each row (PDF), or nil.
    public var pages: [Int]?
    /// True when the grid was guessed from glyph positions (a PDF table without ruling lines): its numbers are
    /// not certain and are flagged, not emitted.
    public var guessed: Bool
    /// True when the cells were read by OCR: each value's source says `(OCR)` and only the values the template's
    /// identities confirm are emitted.
    public var ocr: Bool
    /// The box of each cell on its page in points `[x0, y0, x1, y1]` (PDF), `[row][column]`, or nil.
    public var boxes: [[[Double]]]?

    /// A table of `rows` (all of one length); `lines` gives each row's source line and `pages` its page where there
    /// is one; `guessed` marks a grid rebuilt from glyph positions, `ocr` one read by OCR.
    public init(rows: [[GridCell]], lines: [Int]? = nil, pages: [Int]? = nil, guessed: Bool = false, ocr: Bool = false,
                boxes: [[[Double]]]? = nil) {
        self.rows = rows
        self.lines = lines
        self.pages = pages
        self.guessed = guessed
        self.ocr = ocr
        self.boxes = boxes
    }
}

/// A piece of a report in reading order: a line of running text or a table.
public enum DocumentBlock: Sendable {
    /// A line of running text and its 1-based line number: in the file, or on its 1-based `page` (PDF).
    case line(String, number: Int, page: Int? = nil)
    /// A table.
    case table(GridTable)
}

/// A report file turned into blocks, independent of its format.
public struct SourceDocument: Sendable {
    /// The file's format.
    public var format: ReportFormat
    /// Lines and tables in reading order.
    public var blocks: [DocumentBlock]

    /// A document of `format` made of `blocks`.
    public init(format: ReportFormat, blocks: [DocumentBlock]) {
        self.format = format
        self.blocks = blocks
    }
}
