import SeriesModel

/// Options that override what the extractor detects.
///
/// ```swift
/// let opts = ExtractionOptions(entity: "牡丹江市人民政府", year: 2020, template: .v2019)
/// ```
public struct ExtractionOptions: Sendable {
    /// The body's name, instead of the one in the title.
    public var entity: String?
    /// The report year, instead of the one in the title or statistics period.
    public var year: Int?
    /// The template, instead of the one the labels suggest.
    public var template: TemplateVersion?
    /// How the file is read: OCR of scanned PDF pages (on by default) and its progress callback.
    public var reading: ReadOptions

    /// Creates options; nil means "detect".
    public init(entity: String? = nil, year: Int? = nil, template: TemplateVersion? = nil, reading: ReadOptions = .init()) {
        self.entity = entity
        self.year = year
        self.template = template
        self.reading = reading
    }
}

/// What a report is: whose, which year, which template, from which file.
public struct ReportInfo: Sendable, Hashable, Codable {
    /// The body, normalised with ``EntityName``.
    public var entity: String
    /// The year the report covers.
    public var year: Int
    /// The template its tables follow.
    public var template: TemplateVersion
    /// The file name used in sources.
    public var file: String
    /// Text, HTML or Markdown.
    public var format: ReportFormat
    /// The character encoding the file was decoded from.
    public var encoding: String
}

/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A problem met while reading a report: a missing table, a row with too many numbers, a run that cannot be split.
public struct ExtractionIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Error for lost numbers, warning for numbers kept back as ambiguous, info for notes.
    public var severity: Severity
    /// `table 3, row （一）予以公开 (pingtan_2021.txt:9)`.
    public var place: String
    /// What was found and what was expected.
    public var message: String

    public var description: String { "\(severity.rawValue): \(place): \(message)" }
}

/// Cells whose printed run can be split in more than one consistent way: no value is emitted for them.
public struct AmbiguousCells: Sendable, Hashable, Codable {
    /// 2, 3 or 4.
    public var table: Int
    /// The row label.
    public var row: String
    /// The metric ids of the cells that stay open, in row order.
    public var metrics: [String]
    /// The printed run(s), e.g. `693665`.
    public var run: String
    /// The consistent splits of the whole row, cells separated by `|`, e.g. `69|3|665`.
    public var candidates: [String]
    /// True when there were more splits than are listed.
    public var truncated: Bool
    /// Where the row is.
    public var source: String
    /// Why the cells are open when it is not an ambiguous split: `row placed by position` with a failing identity,
    /// a count printed as `38.7万`, … (nil for an ambiguous split).
    public var reason: String?
}

/// A blank table cell: the body reported nothing (which is not 0), so there is no observation.
public struct BlankCell: Sendable, Hashable, Codable {
    /// The metric id of the cell.
    public var metric: String
    /// The year the cell would describe.
    public var year: Int
    /// Where the cell is.
    public var source: String
}

/// A figure the running text states that the tables also hold (e.g. “共受理政府信息公开申请 130 件”).
public struct NarrativeFigure: Sendable, Hashable, Codable {
    /// What it counts: `normative_docs` or `applications`.
    public var topic: String
    /// The number in the text.
    public var value: Double
    /// The words around it.
    public var quote: String
    /// Where it is.
    public var source: String
}

/// Everything read from one report.
public struct ExtractionResult: Sendable, Hashable, Codable {
    /// The report's identity.
    public var report: ReportInfo
    /// Every certain number, in table order, with derived item counts after the change they come from.
    public var observations: [Observation]
    /// Cells left open because more than one split fits.
    public var ambiguities: [AmbiguousCells]
    /// Cells printed blank.
    public var blankCells: [BlankCell]
    /// Problems met while reading.
    public var issues: [ExtractionIssue]
    /// Figures from the running text, for the narrative check.
    public var narrative: [NarrativeFigure]
    /// The box of the PDF cell each observation was read from, by its source (PDF inputs only; empty otherwise).
    public var cellBoxes: [String: CellBox] = [:]
}

/// Where a PDF cell lies on its page.
public struct CellBox: Sendable, Hashable, Codable {
    /// 1-based page.
    public var page: Int
    /// `[x0, y0, x1, y1]` in points, origin at the top-left corner of the page, y down.
    public var box: [Double]
}
