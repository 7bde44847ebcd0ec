import PDFInput
import SeriesModel

/// Born-digital PDFs (made by Word, WPS, LibreOffice): body lines and tables read by ``PDFReader`` from the glyph
/// boxes, table grids rebuilt from the ruling lines and joined across pages. Sources name the page: cells
/// `file.pdf#p7/table3[r13c4]`, lines `file.pdf#p3:L12`. Pages whose text layer is garbled or missing are reported
/// as issues (they need OCR); a PDF with no usable page at all is an error.
public enum PDFDocumentReader: DocumentReader {
    public static let format = ReportFormat.pdf
    public static let extensions = ["pdf"]

    /// `%PDF-` within the first 1,024 bytes, as PDF readers accept it.
    public static func sniff(_ bytes: [UInt8]) -> Bool {
        let magic = Array("%PDF-".utf8)
        let head = bytes.prefix(1024)
        guard head.count >= magic.count else { return false }
        return (0...(head.count - magic.count)).contains { head.dropFirst($0).starts(with: magic) }
    }

    public static func read(_ bytes: [UInt8], file: String) throws -> ReadDocument {
        try read(bytes, file: file, options: ReadOptions())
    }

    /// Reads the PDF; with `options.ocr`, pages without a usable text layer are OCR'd (their tables' values marked
    /// `(OCR)`, kept only where the identities confirm them) and `options.progress` hears of each such page.
    public static func read(_ bytes: [UInt8], file: String, options: ReadOptions) throws -> ReadDocument {
        let content: PDFContent
        do {
            content = try PDFReader.read(bytes, file: file, ocr: options.ocr) { page, seconds in options.progress?(file, page, seconds) }
        } catch {
            let place = error.page.map { "page \($0)" } ?? ""
            switch error.kind {
            case .notPDF: throw InputError(file: file, place: place, message: "not a PDF: expected the bytes to start with %PDF-")
            case .encrypted: throw InputError(file: file, place: place, message: "the PDF is encrypted and needs a password: save an unprotected copy first")
            case let .damaged(why): throw InputError(file: file, place: place, message: "the PDF is damaged (\(why))")
            case let .ocrUnavailable(why): throw InputError(file: file, place: place, message: "the PDF needs OCR, but \(why); or read it with --no-ocr")
            }
        }
        return try document(content, file: file)
    }

    /// The document of content ``PDFReader`` read: the seam the mutation tests feed changed cell texts through.
    static func document(_ content: PDFContent, file: String) throws -> ReadDocument {
        var issues: [ExtractionIssue] = []
        let ocrTablePages = Set(content.tables.filter { $0.rows.contains { $0.contains(where: \.ocr) } }.flatMap(\.pages))
        for page in content.pages where page.quality.verdict != .usable {
            var message = unusable(page)
            if page.ocr {
                message = ocrTablePages.contains(page.number)
                    ? "\(message.prefix { $0 != ":" && $0 != "(" }.trimmingSuffix()): its tables were read by OCR; their values are marked (OCR) and kept only where the template's identities confirm them"
                    : "\(message.prefix { $0 != ":" && $0 != "(" }.trimmingSuffix()): OCR found no ruled table on it"
            }
            issues.append(ExtractionIssue(severity: .warning, place: "page \(page.number)", message: message))
        }
        guard content.pages.contains(where: { $0.quality.verdict == .usable || ocrTablePages.contains($0.number) }) else {
            let which = content.pages.map { unusable($0) }
            let summary = Set(which).count == 1 ? which.first ?? "" : which.enumerated().map { "page \($0.offset + 1): \($0.element)" }.joined(separator: "; ")
            throw InputError(file: file, message: "no page has a usable text layer (\(content.pages.count) pages: \(summary))")
        }
        var blocks: [DocumentBlock] = []
        for block in content.blocks {
            switch block {
            case let .line(line):
                blocks.append(.line(line.text, number: line.number, page: line.page))
            case let .table(table):
                let rows = table.rows.map { $0.map { GridCell(text: $0.ocr ? OCRLabels.snap($0.text) : $0.text, isOrigin: $0.isOrigin) } }
                let boxes = table.rows.map { $0.map { [$0.box.x0, $0.box.y0, $0.box.x1, $0.box.y1] } }
                blocks.append(.table(GridTable(rows: rows, pages: table.rowPages, guessed: table.construction == .glyphGeometry,
                                               ocr: table.rows.contains { $0.contains(where: \.ocr) }, boxes: boxes)))
            }
        }
        return ReadDocument(SourceDocument(format: .pdf, blocks: blocks), encoding: "pdf", issues: issues)
    }

    /// Why a page's text is not read.
    private static func unusable(_ page: PDFPageInfo) -> String {
        let q = page.quality
        switch q.verdict {
        case .noText:
            return "no text layer (a scan or an image): OCR it first"
        case .garbled:
            let cjk = Int((q.cjkShare * 100).rounded())
            return "the text layer is garbled (\(q.characters) characters, \(cjk) % CJK, \(q.controls) control, \(q.privateUse) private-use, "
                + "\(q.replacements) U+FFFD, \(q.latin1) Latin-1; a font without a usable ToUnicode map): its text is not read; OCR it"
        case .usable:
            return "usable"
        }
    }
}

private extension Substring {
    func trimmingSuffix() -> String {
        var s = self
        while let l = s.last, l == " " { s.removeLast() }
        return String(s)
    }
}
