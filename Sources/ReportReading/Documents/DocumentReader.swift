import SeriesModel

/// A reader of one kind of report file: which files it takes and how it turns their bytes into a
/// ``SourceDocument`` (lines of running text and tables, each with where it came from).
///
/// Adding an input format is one file holding a conformer plus one line in ``DocumentReaders/all``; the folder walk,
/// stdin sniffing, the extractor and every command then read it.
///
/// ```swift
/// public enum RTFDocumentReader: DocumentReader {
///     public static let format = ReportFormat.text
///     public static let extensions = ["rtf"]
///     public static func sniff(_ bytes: [UInt8]) -> Bool { bytes.starts(with: Array("{\\rtf".utf8)) }
///     public static func read(_ bytes: [UInt8], file: String) throws -> ReadDocument { … }
/// }
/// ```
public protocol DocumentReader: Sendable {
    /// The format recorded in ``ReportInfo/format``.
    static var format: ReportFormat { get }
    /// File name extensions (lower case, without the dot) read by this reader; a folder walk picks these files up.
    static var extensions: [String] { get }
    /// True when the first bytes of a file show it is in this format whatever its name (e.g. `%PDF-`).
    static func sniff(_ bytes: [UInt8]) -> Bool
    /// True when this reader should read a file with these bytes and this extension. By default: the extension is
    /// one of ``extensions`` or the bytes ``sniff(_:)`` as this format.
    static func matches(_ bytes: [UInt8], extension ext: String) -> Bool
    /// Reads the whole file.
    /// - Throws: ``InputError`` naming the file (and the page or part, where there is one) when it cannot be read.
    static func read(_ bytes: [UInt8], file: String) throws -> ReadDocument
    /// Reads the whole file with `options` (only readers that can OCR look at them). By default: ``read(_:file:)``.
    static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws -> ReadDocument
}

/// How files are read.
public struct ReadOptions: Sendable {
    /// OCR the pages of a PDF that have no usable text layer (a scan, a font without a ToUnicode map).
    public var ocr: Bool
    /// Told each OCR'd page: the file, the page and the seconds it took (e.g. for a progress line on stderr).
    public var progress: (@Sendable (_ file: String, _ page: Int, _ seconds: Double) -> Void)?

    /// Options with OCR on or off and an optional progress callback.
    public init(ocr: Bool = true, progress: (@Sendable (_ file: String, _ page: Int, _ seconds: Double) -> Void)? = nil) {
        self.ocr = ocr
        self.progress = progress
    }
}

extension DocumentReader {
    public static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws -> ReadDocument {
        try read(bytes, file: file)
    }

    public static func matches(_ bytes: [UInt8], extension ext: String) -> Bool {
        extensions.contains(ext) || sniff(bytes)
    }
}

/// What a ``DocumentReader`` made of a file.
public struct ReadDocument: Sendable {
    /// The lines and tables, in reading order.
    public var document: SourceDocument
    /// How the bytes were decoded (`utf-8`, `gb18030`, …), or what they were read as (`pdf`, `docx`).
    public var encoding: String
    /// Problems met while reading that did not stop it (a PDF page whose text layer is garbled), for the result.
    public var issues: [ExtractionIssue]

    /// A document read from bytes decoded as `encoding`, with the reading problems that did not stop it.
    public init(_ document: SourceDocument, encoding: String, issues: [ExtractionIssue] = []) {
        self.document = document
        self.encoding = encoding
        self.issues = issues
    }
}

/// The registry of report readers: the one place that says which files are reports and who reads them.
public enum DocumentReaders {
    /// Every reader, in the order they are asked; the last one (plain text) takes whatever no other reader claims.
    public static let all: [any DocumentReader.Type] = [
        PDFDocumentReader.self,
        DOCXDocumentReader.self,
        DOCDocumentReader.self,
        HTMLDocumentReader.self,
        MarkdownDocumentReader.self,
        TextDocumentReader.self,
    ]

    /// Every extension some reader takes, for folder walks and help texts.
    public static var extensions: Set<String> { Set(all.flatMap { $0.extensions }) }

    /// Kinds of file bodies publish that no reader takes, with what to do about them.
    public static let unsupported: [String: String] = [
        "wps": "a WPS Writer file: save it as DOCX or PDF in WPS, or convert it with `libreoffice --headless --convert-to docx FILE`",
        "wpt": "a WPS Writer template: save it as DOCX or PDF in WPS",
        "odt": "an OpenDocument text: convert it with `libreoffice --headless --convert-to docx FILE`",
        "rtf": "an RTF file: convert it with `libreoffice --headless --convert-to docx FILE`",
        "xls": "a spreadsheet, not a report: export the report itself (PDF, DOCX or HTML), or tidy CSV",
        "xlsx": "a spreadsheet, not a report: export the report itself (PDF, DOCX or HTML), or tidy CSV",
        "et": "a WPS spreadsheet, not a report: export the report itself (PDF, DOCX or HTML), or tidy CSV",
        "ofd": "an OFD document: convert it to PDF with the OFD reader (数科/福昕 OFD), then read the PDF",
        "jpg": "an image: put the scanned pages into a PDF (e.g. `img2pdf *.jpg -o report.pdf`) and read that",
        "jpeg": "an image: put the scanned pages into a PDF (e.g. `img2pdf *.jpg -o report.pdf`) and read that",
        "png": "an image: put the scanned pages into a PDF (e.g. `img2pdf *.png -o report.pdf`) and read that",
        "zip": "an archive: unpack it and read the files inside",
        "rar": "an archive: unpack it and read the files inside",
    ]

    /// The reader for a file named `file` with these bytes: the first reader that claims it, else plain text.
    /// - Throws: ``InputError`` for a kind of file no reader takes (see ``unsupported``).
    public static func reader(for bytes: [UInt8], file: String) throws -> any DocumentReader.Type {
        let ext = fileExtension(file)
        if let hint = unsupported[ext], !all.contains(where: { $0.sniff(bytes) }) {
            throw InputError(file: file, message: "cannot read .\(ext) files: this is \(hint)")
        }
        return all.first { $0.matches(bytes, extension: ext) } ?? TextDocumentReader.self
    }

    /// Reads `bytes` with the reader that claims them.
    public static func read(_ bytes: [UInt8], file: String, options: ReadOptions = .init()) throws -> ReadDocument {
        try reader(for: bytes, file: file).read(bytes, file: file, options: options)
    }

    /// The lower-case extension of a file name, without the dot ("" when there is none).
    public static func fileExtension(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
