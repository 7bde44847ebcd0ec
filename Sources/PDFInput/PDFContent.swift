/// A rectangle on a PDF page in points, origin at the top-left corner, y pointing down.
public struct PDFBox: Sendable, Hashable, Codable {
    /// Left edge.
    public var x0: Double
    /// Top edge.
    public var y0: Double
    /// Right edge.
    public var x1: Double
    /// Bottom edge.
    public var y1: Double

    /// A box from its edges.
    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0; self.y0 = y0; self.x1 = x1; self.y1 = y1
    }

    /// The smallest box holding both.
    func union(_ other: PDFBox) -> PDFBox {
        PDFBox(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
}

/// Whether a page's text layer can be trusted.
public enum PDFTextVerdict: String, Sendable, Hashable, Codable {
    /// Real text: read it.
    case usable
    /// A text layer that decodes to garbage (e.g. a font without a usable ToUnicode map): do not read it.
    case garbled
    /// No text at all (a scan or an image): OCR it.
    case noText
}

/// Figures of a page's text layer, over its non-whitespace characters.
public struct PDFTextQuality: Sendable, Hashable, Codable {
    /// Non-whitespace characters on the page.
    public var characters: Int
    /// CJK ideographs (U+3400–9FFF, U+F900–FAFF, U+20000–3FFFF).
    public var cjkIdeographs: Int
    /// C0 control characters other than whitespace.
    public var controls: Int
    /// Private-use code points.
    public var privateUse: Int
    /// U+FFFD replacement characters.
    public var replacements: Int
    /// Latin-1 supplement characters (U+0080–00FF), which garbage decoding often produces.
    public var latin1: Int
    /// The verdict drawn from the figures.
    public var verdict: PDFTextVerdict

    /// Share of CJK ideographs among the characters (0 when there are none).
    public var cjkShare: Double { characters == 0 ? 0 : Double(cjkIdeographs) / Double(characters) }
}

/// One page of the document.
public struct PDFPageInfo: Sendable, Hashable, Codable {
    /// 1-based page number.
    public var number: Int
    /// Page width in points.
    public var width: Double
    /// Page height in points.
    public var height: Double
    /// True when the page has any text.
    public var hasTextLayer: Bool
    /// The text-layer figures and verdict.
    public var quality: PDFTextQuality
    /// True when the page was rendered to look for ruling lines (it holds table-like text).
    public var rendered: Bool
    /// Page-number lines (`- 6 -`, `第 6 页`) in the top or bottom band, left out of the blocks.
    public var pageNumberLines: [PDFLine]
    /// True when the page's tables were read by OCR (its text layer was missing or garbled and OCR was asked for).
    public var ocr: Bool = false
}

/// A line of text outside every table.
public struct PDFLine: Sendable, Hashable, Codable {
    /// The text; spaces where the glyphs are apart.
    public var text: String
    /// 1-based page number.
    public var page: Int
    /// 1-based line number on its page, counting every text line outside tables from the top.
    public var number: Int
    /// The line's box in points.
    public var box: PDFBox
}

/// One position of a table's grid.
public struct PDFCell: Sendable, Hashable, Codable {
    /// The cell's text: its lines top to bottom joined with `\n`; a merged cell's text is at every position it covers.
    public var text: String
    /// False for the copies a merged cell makes of itself (every position but its top-left one, and the positions
    /// of a merged cell that continues from the previous page).
    public var isOrigin: Bool
    /// 1-based page the position lies on.
    public var page: Int
    /// The box of the (merged) cell holding this position on that page, in points.
    public var box: PDFBox
    /// 0-based row in the joined grid.
    public var row: Int
    /// 0-based column in the joined grid.
    public var column: Int
    /// True when the text was read by OCR (a scanned page, or one whose text layer is garbled): not certain.
    public var ocr: Bool = false
}

/// How a table's grid was found.
public enum PDFTableConstruction: String, Sendable, Hashable, Codable {
    /// From the ruling lines drawn on the page: the grid is what the author drew.
    case ruled
    /// From glyph positions alone (a three-line table, 三线表): rows and columns are guessed, so its values must be
    /// flagged as uncertain downstream.
    case glyphGeometry
}

/// A table, its pieces on consecutive pages joined into one rectangular grid.
public struct PDFTable: Sendable, Hashable, Codable {
    /// 1-based number of the table in the document, in reading order.
    public var number: Int
    /// The pages the table spans, ascending.
    public var pages: [Int]
    /// How the grid was found.
    public var construction: PDFTableConstruction
    /// Rows of cells; every row has the same number of columns.
    public var rows: [[PDFCell]]
    /// The page of each row.
    public var rowPages: [Int]
    /// The table's box on each page it spans, in the order of `pages`.
    public var boxes: [PDFBox]
}

/// A piece of the document in reading order.
public enum PDFBlock: Sendable, Hashable, Codable {
    /// Running text outside tables.
    case line(PDFLine)
    /// A table (joined across pages).
    case table(PDFTable)
}

/// What a PDF holds: its pages and its text and tables in reading order.
public struct PDFContent: Sendable, Hashable, Codable {
    /// The file name given to the reader.
    public var file: String
    /// Every page, in order.
    public var pages: [PDFPageInfo]
    /// Body lines and tables of the usable pages, in reading order (page, then top to bottom).
    public var blocks: [PDFBlock]

    /// The tables among the blocks.
    public var tables: [PDFTable] {
        blocks.compactMap { if case let .table(t) = $0 { t } else { nil } }
    }

    /// The body lines among the blocks.
    public var lines: [PDFLine] {
        blocks.compactMap { if case let .line(l) = $0 { l } else { nil } }
    }
}

/// Why a PDF could not be read.
public struct PDFReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The bytes are not a PDF (no `%PDF-` header).
        case notPDF
        /// The document needs a password.
        case encrypted
        /// The file or a page is damaged; poppler's message.
        case damaged(String)
        /// OCR was needed but tesseract or its language data is not installed.
        case ocrUnavailable(String)
    }

    /// The file name given to the reader.
    public var file: String
    /// The 1-based page, when the problem is on one page.
    public var page: Int?
    /// What went wrong.
    public var kind: Kind

    /// The message: file, page, what is wrong and what to do.
    public var description: String {
        let place = page.map { "\(file), page \($0)" } ?? file
        switch kind {
        case .notPDF: return "\(place): not a PDF (expected the bytes to start with %PDF-)"
        case .encrypted: return "\(place): the PDF is encrypted and needs a password; save an unprotected copy first"
        case let .damaged(message): return "\(place): the PDF is damaged (\(message))"
        case let .ocrUnavailable(message): return "\(place): the PDF needs OCR, but \(message); or read it with --no-ocr"
        }
    }
}
