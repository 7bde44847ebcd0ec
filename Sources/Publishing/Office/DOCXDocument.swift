/// A Word document (WordprocessingML, `.docx`) as a flat list of blocks, written by ``DOCXWriter``.
///
/// The model is small and general: headings (level 1–3), paragraphs of runs, captions, PNG images, tables
/// (repeated header rows, merged cells), page breaks and a table of contents. Styles are the writer's fixed set
/// (serif body, 黑体 headings, Caption, Table Grid), so a user who edits the document in Word or WPS edits styles,
/// not run formatting.
///
/// ```swift
/// var doc = DOCXDocument(properties: DOCXProperties(title: "简报"))
/// doc.blocks = [.heading(1, "平潭综合实验区"), .paragraph(DOCXParagraph("2022年行政处罚决定2113件。"))]
/// let bytes = try DOCXWriter.bytes(doc)      // a ZIP archive, "PK\u{3}\u{4}…"
/// ```
public struct DOCXDocument: Sendable, Hashable {
    /// The blocks of the body, in order.
    public var blocks: [DOCXBlock]
    /// The document properties (docProps/core.xml, docProps/app.xml).
    public var properties: DOCXProperties
    /// The page footer (nil = none).
    public var footer: DOCXFooter?
    /// The language of the text (`w:lang`): `zh-CN` or `en-US`.
    public var language: String

    public init(blocks: [DOCXBlock] = [], properties: DOCXProperties, footer: DOCXFooter? = nil, language: String = "zh-CN") {
        self.blocks = blocks; self.properties = properties; self.footer = footer; self.language = language
    }

    /// A4 portrait in twentieths of a point.
    public static let pageWidthTwips = 11906
    public static let pageHeightTwips = 16838
    /// The left and right page margins (2.2 cm) in twips.
    public static let sideMarginTwips = 1247
    /// The width of the text column in twips (16.6 cm).
    public static var textWidthTwips: Int { pageWidthTwips - 2 * sideMarginTwips }
    /// English Metric Units per twip (914,400 per inch, 1,440 twips per inch).
    public static let emuPerTwip = 635
    /// The text column width in EMU, the unit of image sizes.
    public static var textWidthEMU: Int { textWidthTwips * emuPerTwip }
}

/// One block of a ``DOCXDocument``.
public enum DOCXBlock: Sendable, Hashable {
    /// A heading of level 1–3 (styles Heading1–Heading3; listed in the table of contents).
    case heading(Int, String)
    /// A body paragraph.
    case paragraph(DOCXParagraph)
    /// A caption (style Caption) under a figure or over a table.
    case caption(String)
    /// A PNG image in a paragraph of its own, centred.
    case image(DOCXImage)
    /// A table.
    case table(DOCXTable)
    /// The next block starts a new page (as `w:pageBreakBefore`, so no empty paragraph is added).
    case pageBreak
    /// A table-of-contents field over the headings up to `levels`; filled in from the document's headings (with
    /// page references Word and LibreOffice compute) and updated by Word when the file is opened.
    case tableOfContents(levels: Int)
}

/// A paragraph: runs in one paragraph style.
public struct DOCXParagraph: Sendable, Hashable {
    /// The paragraph styles of the writer's style sheet.
    public enum Style: String, Sendable, Hashable {
        /// The body text (Normal): serif, 12 pt.
        case normal = "Normal"
        /// The document title on a cover.
        case title = "Title"
        /// A line under the title.
        case subtitle = "Subtitle"
        /// A small grey line (a source reference, a unit line, a checker finding).
        case note = "Note"
        /// The heading above the table of contents (not itself listed).
        case contentsHeading = "TOCHeading"
    }

    /// The paragraph's alignment.
    public enum Alignment: String, Sendable, Hashable {
        case left = "left", center = "center", right = "right", justified = "both"
    }

    public var runs: [DOCXRun]
    public var style: Style
    public var alignment: Alignment?
    /// Left indent in twips (0 = none); `hanging` twips of it are taken back by the first line.
    public var indent: Int
    public var hanging: Int
    /// Keep the paragraph on the page of the next one.
    public var keepWithNext: Bool

    public init(_ runs: [DOCXRun], style: Style = .normal, alignment: Alignment? = nil, indent: Int = 0,
                hanging: Int = 0, keepWithNext: Bool = false) {
        self.runs = runs; self.style = style; self.alignment = alignment; self.indent = indent
        self.hanging = hanging; self.keepWithNext = keepWithNext
    }

    /// A paragraph of one plain run.
    public init(_ text: String, style: Style = .normal, alignment: Alignment? = nil) {
        self.init([DOCXRun(text)], style: style, alignment: alignment)
    }

    /// The paragraph's text (notes' marks left out).
    public var text: String { runs.map(\.text).joined() }
}

/// A run of text, or the reference mark of a footnote or endnote.
public struct DOCXRun: Sendable, Hashable {
    /// What the run is.
    public enum Kind: Sendable, Hashable {
        /// Text; a tab (`\t`) becomes `w:tab`, a line feed `w:br`.
        case text
        /// A footnote whose text is the run's `text`; the run shows its number.
        case footnote
        /// An endnote whose text is the run's `text`; the run shows its number.
        case endnote
    }

    public var text: String
    public var bold: Bool
    public var kind: Kind

    public init(_ text: String, bold: Bool = false, kind: Kind = .text) {
        self.text = text; self.bold = bold; self.kind = kind
    }
}

/// A PNG image with its printed size.
public struct DOCXImage: Sendable, Hashable {
    /// The PNG file's bytes.
    public var png: [UInt8]
    /// The printed size in EMU (914,400 per inch; ``DOCXDocument/textWidthEMU`` is the full column).
    public var widthEMU: Int
    public var heightEMU: Int
    /// The alternative text (`wp:docPr descr`), read aloud by screen readers.
    public var description: String

    public init(png: [UInt8], widthEMU: Int, heightEMU: Int, description: String) {
        self.png = png; self.widthEMU = widthEMU; self.heightEMU = heightEMU; self.description = description
    }
}

/// A table in the Table Grid style: the first `headerRows` rows are bold, shaded and repeated on every page the
/// table runs over.
public struct DOCXTable: Sendable, Hashable {
    /// One column: its share of the text width and how its cells are aligned.
    public struct Column: Sendable, Hashable {
        public var width: Double
        public var alignment: DOCXParagraph.Alignment
        public init(width: Double, alignment: DOCXParagraph.Alignment = .left) {
            self.width = width; self.alignment = alignment
        }
    }

    /// One cell. A cell with `span` > 1 covers that many grid columns (the row then has fewer cells); a
    /// vertically merged cell is `.start` in its first row and `.continued` (empty) below.
    public struct Cell: Sendable, Hashable {
        public enum VerticalMerge: Sendable, Hashable { case none, start, continued }
        public var text: String
        public var bold: Bool
        public var span: Int
        public var verticalMerge: VerticalMerge

        public init(_ text: String, bold: Bool = false, span: Int = 1, verticalMerge: VerticalMerge = .none) {
            self.text = text; self.bold = bold; self.span = span; self.verticalMerge = verticalMerge
        }
    }

    public var columns: [Column]
    public var rows: [[Cell]]
    /// How many rows from the top are header rows.
    public var headerRows: Int

    public init(columns: [Column], rows: [[Cell]], headerRows: Int = 1) {
        self.columns = columns; self.rows = rows; self.headerRows = headerRows
    }

    /// A table of plain text rows: `header` (one header row), then `rows`.
    public init(columns: [Column], header: [String], rows: [[String]]) {
        self.init(columns: columns, rows: [header.map { Cell($0) }] + rows.map { $0.map { Cell($0) } }, headerRows: 1)
    }
}

/// The document properties (fixed: no wall-clock date, so the same document gives the same bytes).
public struct DOCXProperties: Sendable, Hashable {
    public var title: String
    public var subject: String
    public var creator: String
    /// The created and modified date, W3CDTF (`2019-01-01T00:00:00Z`).
    public var date: String

    public init(title: String, subject: String = "", creator: String = "trendplot", date: String = "2019-01-01T00:00:00Z") {
        self.title = title; self.subject = subject; self.creator = creator; self.date = date
    }
}

/// The page footer: text and page fields in one centred line; none on the first page when `skipFirstPage`.
public struct DOCXFooter: Sendable, Hashable {
    public enum Part: Sendable, Hashable {
        case text(String)
        /// The PAGE field (this page's number).
        case pageNumber
        /// The NUMPAGES field (the document's page count).
        case pageCount
    }

    public var parts: [Part]
    public var skipFirstPage: Bool

    public init(_ parts: [Part], skipFirstPage: Bool = true) { self.parts = parts; self.skipFirstPage = skipFirstPage }
}

/// A document that cannot be written as DOCX, with what was wrong.
public struct DOCXError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
