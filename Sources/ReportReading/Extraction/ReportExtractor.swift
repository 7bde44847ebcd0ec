import SeriesModel

/// Reads every number of a 政府信息公开工作年度报告 — 表二, 表三 and 表四 — from text, HTML or Markdown.
///
/// The pipeline: decode the bytes → read the format into lines and tables → one normalised character stream →
/// locate the tables by their headings and the rows by their labels → read the numbers of each row, splitting runs
/// that lost their separators with the template's identities → observations, ambiguities, blank cells and issues.
///
/// ```swift
/// let bytes = Array(try Data(contentsOf: url))
/// let result = try ReportExtractor.extract(bytes, file: "mudanjiang_2020.txt")
/// result.report.entity                      // "牡丹江市人民政府"
/// result.observations.first { $0.metric == "licensing.decisions" }?.value   // 387576
/// ```
///
/// Sources follow two conventions: `file:LINE` for text and Markdown (LINE is the 1-based line of the row label;
/// for 表四, which has no row label, the line of its first number), and `file#tableN[rRcC]` for HTML, where N is the
/// report table (2, 3, 4) and R, C are the 1-based row and column of the cell in the rowspan/colspan-expanded grid
/// of the HTML `<table>` that holds it. A unit conversion or a split run is added in parentheses.
public enum ReportExtractor {
    /// The largest file accepted (real reports are well under 1 MB).
    public static let maxBytes = 16 * 1_048_576

    /// The step budget of all run splitting in one report: bounds the work on hostile input.
    static let searchBudget = 300_000

    /// Throws the message for a file of `byteCount` bytes that is too large to be a report (callers can check the
    /// size before reading a huge file).
    public static func checkSize(_ byteCount: Int, file: String) throws {
        if byteCount > maxBytes {
            throw InputError(file: file, message: ExtractionMessages.tooLarge(byteCount, limit: maxBytes))
        }
    }

    /// Extracts every number of one report.
    /// - Parameters:
    ///   - bytes: the file's bytes (UTF-8 with or without BOM, or GB18030/GBK/GB2312).
    ///   - file: the name used in sources and messages (the last path component).
    ///   - options: overrides for entity, year and template.
    /// - Throws: ``InputError`` when the file is empty, binary, too large, not a report, or its template, body or year
    ///   cannot be told. Problems inside tables do not throw: they are in ``ExtractionResult/issues``.
    public static func extract(_ bytes: [UInt8], file: String, options: ExtractionOptions = .init()) throws -> ExtractionResult {
        try checkSize(bytes.count, file: file)
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw InputError(file: file, message: ExtractionMessages.emptyFile)
        }
        return try extract(read: try DocumentReaders.read(bytes, file: file, options: options.reading), file: file, options: options)
    }

    /// Extracts every number of a document a reader has read (the tests feed readings with changed values here).
    static func extract(read: ReadDocument, file: String, options: ExtractionOptions = .init()) throws -> ExtractionResult {
        let document = read.document
        let stream = CharStream(document)
        let locator = TableLocator(stream: stream)
        let regions = locator.regions()
        let detected = ReportHeader.template(stream)
        if regions.table2 == nil && regions.table3 == nil && regions.table4 == nil && detected == nil {
            throw InputError(file: file, message: ExtractionMessages.notAReport)
        }
        guard let template = options.template ?? detected else {
            throw InputError(file: file, message: ExtractionMessages.unknownTemplate)
        }
        let header = ReportHeader.titleAndPeriod(stream)
        var issues = read.issues
        guard let entityName = options.entity.map(EntityName.normalize) ?? header.entity else {
            throw InputError(file: file, message: ExtractionMessages.unknownEntity)
        }
        guard let year = options.year ?? header.titleYear ?? header.periodYear else {
            throw InputError(file: file, message: ExtractionMessages.unknownYear)
        }
        if template == .v2021 && year < 2021 && (options.year == nil || options.template == nil) {
            throw InputError(file: file, message: ExtractionMessages.templateBeforeItsYear(year))
        }
        if options.year == nil, let t = header.titleYear, let p = header.periodYear, t != p {
            issues.append(ExtractionIssue(severity: .warning, place: "title", message: ExtractionMessages.yearMismatch(title: t, period: p)))
        }
        let info = ReportInfo(entity: entityName, year: year, template: template, file: file, format: document.format,
                              encoding: read.encoding)
        var reader = TableReader(stream: stream, info: info, layout: .layout(for: template))
        reader.issues = issues
        for table in 2...4 {
            guard let region = regions.range(of: table) else {
                reader.issues.append(ExtractionIssue(severity: .error, place: "table \(table)",
                                                     message: ExtractionMessages.tableMissing(table)))
                continue
            }
            reader.read(table: table, region: region, locator: locator)
        }
        let narrativeEnd = regions.table2?.lowerBound ?? regions.table3?.lowerBound ?? stream.count
        let narrative = NarrativeScanner.figures(stream, upTo: narrativeEnd, file: file)
        let confirmed = OCRConfirmation.confirm(reader.observations, blanks: reader.blanks, template: template, year: year)
        let kept = Set(confirmed.kept.map(\.source))
        return ExtractionResult(report: info, observations: confirmed.kept, ambiguities: reader.ambiguities,
                                blankCells: reader.blanks, issues: reader.issues + confirmed.flagged, narrative: narrative,
                                cellBoxes: reader.boxes.filter { kept.contains($0.key) })
    }
}
