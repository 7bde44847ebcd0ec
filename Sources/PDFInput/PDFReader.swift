/// Reads born-digital PDFs: text lines and tables (grids rebuilt from ruling lines) with their pages and boxes.
///
/// Each call opens its own poppler document from the bytes and closes it before returning, so calls may run on any
/// thread at once; only values cross. The same bytes give the same ``PDFContent``.
public enum PDFReader {
    /// Rendering scale for finding rulings: 108 dpi, where a 0.5 pt line is 0.75 px wide (72 dpi makes it a faint
    /// two-pixel smear; the fixtures and the real PDF read the same at 108 and 144 dpi, and 108 costs less).
    static let renderScale = 1.5
    /// Top band (share of the page height) where page headers and numbers live.
    static let topBand = 0.08
    /// Bottom band (share of the page height) where page footers live.
    static let bottomBand = 0.10

    /// Reads `bytes` (the whole PDF file); `file` names it in errors and in ``PDFContent/file``.
    ///
    /// With `ocr`, the tables of pages without a usable text layer (a scan, or a font without a ToUnicode map) are
    /// read by OCR (tesseract, chi_sim, one engine made and freed by this call): the page is rendered at 200 dpi,
    /// deskewed, its rulings found on the raster and each cell read on its own; `progress` is told the page and the
    /// seconds it took. Those cells are marked ``PDFCell/ocr``.
    /// - Throws: ``PDFReadError`` when the bytes are not a PDF, are encrypted, or a page cannot be loaded, or OCR is
    ///   needed and tesseract's data is missing.
    public static func read(_ bytes: [UInt8], file: String, ocr: Bool = false,
                            progress: (_ page: Int, _ seconds: Double) -> Void = { _, _ in }) throws(PDFReadError) -> PDFContent {
        let doc = try PopplerDocument(bytes: bytes, file: file)
        var engine: OCREngine?
        var pages: [PDFPageInfo] = []
        var pieces: [TablePiece] = []
        var bodies: [[PDFLine]] = []
        var previousHeldTable = false
        for number in stride(from: 1, through: doc.pageCount, by: 1) {
            // A page after a table page is rendered before its text is asked for: tables run on over pages, and a
            // render builds the page's text layer as it goes, so the text then costs no second pass over the page.
            let early = previousHeldTable ? try doc.renderGray(page: number, scale: renderScale) : nil
            previousHeldTable = false
            let text = try doc.text(page: number)
            let quality = PDFTextQuality(glyphs: text.glyphs)
            var info = PDFPageInfo(number: number, width: text.width, height: text.height,
                                   hasTextLayer: !text.glyphs.isEmpty, quality: quality, rendered: false, pageNumberLines: [])
            guard quality.verdict == .usable else {
                if ocr {
                    let start = ContinuousClock.now
                    if engine == nil { engine = try OCREngine(file: file) }
                    pieces += try PageOCR.tables(doc, page: number, engine: engine!)
                    info.ocr = true
                    let d = ContinuousClock.now - start
                    progress(number, Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
                }
                pages.append(info)
                bodies.append([])
                continue
            }
            var used = Set<Int>()
            if holdsTableText(text.glyphs) {
                info.rendered = true
                previousHeldTable = true
                let image: GrayImage
                if let early { image = early } else { image = try doc.renderGray(page: number, scale: renderScale) }
                var rulings = RulingDetector.detect(image, glyphs: text.glyphs, level: RulingDetector.inkLevel)
                var ruled = TableBuilder.ruled(page: number, rulings: rulings.connected, glyphs: text.glyphs)
                // Table text left outside every dark-ruled table: look again with the level of the page's lightest
                // ink (light-grey or hairline rulings), and keep that reading when it finds more ruled tables.
                if holdsTableText(text.glyphs.indices.filter { !ruled.used.contains($0) }.map { text.glyphs[$0] }) {
                    let light = RulingDetector.detect(image, glyphs: text.glyphs, level: nil)
                    let again = TableBuilder.ruled(page: number, rulings: light.connected, glyphs: text.glyphs)
                    if again.used.count > ruled.used.count { rulings = light; ruled = again }
                }
                let boxes = ruled.pieces.map(\.firstBox)
                let loose = rulings.loose.filter { r in !boxes.contains { r.at >= $0.y0 - 3 && r.at <= $0.y1 + 3 && r.from >= $0.x0 - 3 && r.to <= $0.x1 + 3 } }
                let three = TableBuilder.threeLine(page: number, loose: loose, glyphs: text.glyphs, exclude: ruled.used,
                                                   minWidth: 0.3 * text.width)
                pieces += (ruled.pieces + three.pieces.filter(isTableLike)).sorted { ($0.firstBox.y0, $0.firstBox.x0) < ($1.firstBox.y0, $1.firstBox.x0) }
                used = ruled.used
                for p in three.pieces where isTableLike(p) {
                    let box = p.firstBox
                    for (i, g) in text.glyphs.enumerated() where g.cx >= box.x0 && g.cx <= box.x1 && g.cy > box.y0 && g.cy < box.y1 { used.insert(i) }
                }
            }
            let rest = text.glyphs.indices.filter { !used.contains($0) }.map { text.glyphs[$0] }
            var lines: [PDFLine] = []
            for (k, line) in TextLines.lines(rest).enumerated() {
                guard let box = TextLines.box(line) else { continue }
                let l = PDFLine(text: TextLines.text(line), page: number, number: k + 1, box: box)
                let inBand = box.y1 <= text.height * topBand || box.y0 >= text.height * (1 - bottomBand)
                if inBand && isPageNumber(l.text) { info.pageNumberLines.append(l) } else { lines.append(l) }
            }
            pages.append(info)
            bodies.append(lines)
        }
        let tables = joinAcrossPages(pieces, bodies: bodies, pages: pages)
        return PDFContent(file: file, pages: pages, blocks: order(tables: tables, bodies: bodies))
    }

    /// True when some body line of `page` lies below `y`, outside the footer band (between a table and the page's end).
    private static func hasBody(_ bodies: [[PDFLine]], _ pages: [PDFPageInfo], page: Int, below y: Double) -> Bool {
        bodies[page - 1].contains { $0.box.y0 >= y - 1 && $0.box.y0 < pages[page - 1].height * (1 - bottomBand) }
    }

    /// True when some body line of `page` lies above `y`, outside the header band (between the page's top and a table).
    private static func hasBody(_ bodies: [[PDFLine]], _ pages: [PDFPageInfo], page: Int, above y: Double) -> Bool {
        bodies[page - 1].contains { $0.box.y1 <= y + 1 && $0.box.y1 > pages[page - 1].height * topBand }
    }

    /// Joins each page's last table with the next page's first when nothing but header/footer bands lies between
    /// them and their edges agree.
    private static func joinAcrossPages(_ pieces: [TablePiece], bodies: [[PDFLine]], pages: [PDFPageInfo]) -> [TablePiece] {
        var out: [TablePiece] = []
        var log = TableJoiner.Log()
        for piece in pieces {
            if let a = out.last, TableJoiner.fits(a, piece),
               !out.contains(where: { $0.lastPage == a.lastPage && $0.lastBox.y0 > a.lastBox.y0 }),
               !hasBody(bodies, pages, page: a.lastPage, below: a.lastBox.y1),
               !pieces.contains(where: { $0.firstPage == piece.firstPage && $0.firstBox.y0 < piece.firstBox.y0 }),
               !hasBody(bodies, pages, page: piece.firstPage, above: piece.firstBox.y0) {
                out[out.count - 1] = TableJoiner.join(a, piece, log: &log)
            } else {
                out.append(piece)
            }
        }
        return out
    }

    /// Lines and tables sorted by page, then top edge; tables numbered in that order.
    private static func order(tables: [TablePiece], bodies: [[PDFLine]]) -> [PDFBlock] {
        enum Item { case line(PDFLine), table(TablePiece) }
        var items: [(page: Int, y: Double, x: Double, item: Item)] = []
        for lines in bodies { for l in lines { items.append((l.page, l.box.y0, l.box.x0, .line(l))) } }
        for t in tables { items.append((t.firstPage, t.firstBox.y0, t.firstBox.x0, .table(t))) }
        let sorted = items.enumerated().sorted { a, b in
            (a.element.page, a.element.y, a.element.x, a.offset) < (b.element.page, b.element.y, b.element.x, b.offset)
        }
        var blocks: [PDFBlock] = []
        var tableNumber = 0
        for (_, entry) in sorted {
            switch entry.item {
            case let .line(l): blocks.append(.line(l))
            case let .table(t):
                tableNumber += 1
                blocks.append(.table(PDFTable(number: tableNumber, pages: t.boxes.map(\.page), construction: t.construction,
                                              rows: t.cells(), rowPages: t.rowPages, boxes: t.boxes.map(\.box))))
            }
        }
        return blocks
    }

    /// True when the page looks like it holds a table: a line of three or more chunks set wide apart (1.5 × the
    /// median glyph height) one of which is a number, or two lines of two such chunks. Only such pages are rendered,
    /// so a table of text alone on a page of its own is not looked for.
    static func holdsTableText(_ glyphs: [Glyph]) -> Bool {
        guard glyphs.count >= 2 else { return false }
        let heights = glyphs.map(\.height).sorted()
        let gap = 1.5 * heights[heights.count / 2]
        var pairs = 0
        for line in TextLines.lines(glyphs) where line.count >= 2 {
            var chunks: [[Glyph]] = [[line[0]]]
            for g in line.dropFirst() {
                if g.x0 - chunks[chunks.count - 1].last!.x1 > gap { chunks.append([g]) } else { chunks[chunks.count - 1].append(g) }
            }
            guard chunks.contains(where: { c in c.allSatisfy { isDigit($0.scalar) || ".,%-".unicodeScalars.contains($0.scalar) } }) else { continue }
            if chunks.count >= 3 { return true }
            pairs += 1
            if pairs >= 2 { return true }
        }
        return false
    }

    /// A three-line table candidate is kept when most of its rows hold two or more cells.
    private static func isTableLike(_ piece: TablePiece) -> Bool {
        let multi = piece.at.filter { row in Set(row.filter { !piece.regions[$0].text.isEmpty }).count >= 2 }.count
        return multi * 10 >= piece.rowCount * 6
    }

    /// `- 6 -`, `—6—`, `6`, `第6页`, `第 6 页 共 9 页`, `6/9`.
    static func isPageNumber(_ text: String) -> Bool {
        let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "－", "‐", "·", "•", "_"]
        var s = Array(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        while let f = s.first, dashes.contains(f) { s.removeFirst() }
        while let l = s.last, dashes.contains(l) { s.removeLast() }
        guard !s.isEmpty else { return false }
        var i = 0
        func digits() -> Bool {
            let start = i
            while i < s.count && isDigit(s[i]) { i += 1 }
            return i > start
        }
        func take(_ u: Unicode.Scalar) -> Bool {
            if i < s.count && s[i] == u { i += 1; return true }
            return false
        }
        let hasDi = take("第")
        guard digits() else { return false }
        if hasDi { guard take("页") else { return false } }
        if i == s.count { return true }
        if take("/") { return digits() && i == s.count }
        if take("共") { return digits() && take("页") && i == s.count }
        return false
    }
}
