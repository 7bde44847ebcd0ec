/// Writes `word/document.xml` of a ``DOCXDocument`` and collects what its body refers to: the images (with
/// their relationships), the footnotes and the endnotes.
struct DOCXBody {
    enum NoteKind: String { case footnote, endnote }

    let document: DOCXDocument
    /// PNG bytes in order of appearance (`word/media/imageN.png`, relationship `rImgN`).
    private(set) var media: [[UInt8]] = []
    private(set) var footnotes: [String] = []
    private(set) var endnotes: [String] = []
    /// The headings: block index → bookmark name, for the table of contents.
    private var bookmarks: [Int: String] = [:]
    private let tocLevels: Int

    init(_ document: DOCXDocument) throws {
        self.document = document
        tocLevels = document.blocks.compactMap { if case .tableOfContents(let l) = $0 { return l } else { return nil } }.max() ?? 0
        for (i, block) in document.blocks.enumerated() {
            guard case .heading(let level, _) = block else { continue }
            guard (1...3).contains(level) else { throw DOCXError("block \(i + 1): heading level \(level) (expected 1, 2 or 3)") }
            if level <= tocLevels { bookmarks[i] = "_Toc" + String(100_000_000 + bookmarks.count + 1).dropFirst() }
        }
    }

    // MARK: The document part

    mutating func documentXML() throws -> [UInt8] {
        let x = try OfficeXMLWriter()
        x.start("w:document", ["xmlns:w": DOCXParts.w, "xmlns:r": DOCXParts.r,
                               "xmlns:wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
                               "xmlns:a": "http://schemas.openxmlformats.org/drawingml/2006/main",
                               "xmlns:pic": "http://schemas.openxmlformats.org/drawingml/2006/picture"])
        x.start("w:body")
        var pageBreak = false
        var lastWasTable = false
        for (i, block) in document.blocks.enumerated() {
            if case .pageBreak = block { pageBreak = true; continue }
            if case .table = block, lastWasTable || pageBreak {
                // Word joins adjacent tables into one; a page break needs a paragraph to carry it.
                paragraph(x, DOCXParagraph([], style: .note), pageBreakBefore: pageBreak)
                pageBreak = false
            }
            lastWasTable = false
            switch block {
            case let .heading(level, text):
                paragraph(x, DOCXParagraph(text), styleID: "Heading\(level)", pageBreakBefore: pageBreak, bookmark: bookmarks[i],
                          bookmarkID: i)
            case let .paragraph(p):
                paragraph(x, p, pageBreakBefore: pageBreak)
            case let .caption(text):
                paragraph(x, DOCXParagraph(text), styleID: "Caption", pageBreakBefore: pageBreak)
            case let .image(image):
                try self.image(x, image, pageBreakBefore: pageBreak, index: i)
            case let .table(t):
                try table(x, t, index: i)
                lastWasTable = true
            case let .tableOfContents(levels):
                tableOfContents(x, levels: levels, pageBreakBefore: pageBreak)
            case .pageBreak:
                break
            }
            pageBreak = false
        }
        if lastWasTable || pageBreak { paragraph(x, DOCXParagraph([], style: .note), pageBreakBefore: pageBreak) }
        sectionProperties(x)
        x.end()
        x.end()
        return try x.finish(part: "word/document.xml")
    }

    /// The relationships of `word/document.xml`.
    func relationships() throws -> [UInt8] {
        let t = DOCXParts.relType
        var rels: [(String, String, String)] = [("rId1", t + "styles", "styles.xml"), ("rId2", t + "settings", "settings.xml"),
                                                ("rId3", t + "fontTable", "fontTable.xml")]
        if document.footer != nil {
            rels.append(("rId4", t + "footer", "footer1.xml"))
            rels.append(("rId5", t + "footer", "footer2.xml"))
        }
        if !footnotes.isEmpty { rels.append(("rId6", t + "footnotes", "footnotes.xml")) }
        if !endnotes.isEmpty { rels.append(("rId7", t + "endnotes", "endnotes.xml")) }
        for i in media.indices { rels.append(("rImg\(i + 1)", t + "image", "media/image\(i + 1).png")) }
        return try DOCXParts.relationships(rels, part: "word/_rels/document.xml.rels")
    }

    // MARK: Paragraphs and runs

    private mutating func paragraph(_ x: OfficeXMLWriter, _ p: DOCXParagraph, styleID: String? = nil, pageBreakBefore: Bool,
                                    bookmark: String? = nil, bookmarkID: Int = 0) {
        x.element("w:p") {
            paragraphProperties(x, style: styleID ?? p.style.rawValue, keepNext: p.keepWithNext, pageBreakBefore: pageBreakBefore,
                                indent: p.indent, hanging: p.hanging, alignment: p.alignment)
            if let bookmark { x.element("w:bookmarkStart", ["w:id": String(bookmarkID), "w:name": bookmark]) }
            for run in p.runs { self.run(x, run) }
            if bookmark != nil { x.element("w:bookmarkEnd", ["w:id": String(bookmarkID)]) }
        }
    }

    private func paragraphProperties(_ x: OfficeXMLWriter, style: String, keepNext: Bool = false, pageBreakBefore: Bool = false,
                                     indent: Int = 0, hanging: Int = 0, alignment: DOCXParagraph.Alignment? = nil) {
        x.element("w:pPr") {
            if style != "Normal" { x.element("w:pStyle", ["w:val": style]) }
            if keepNext { x.element("w:keepNext") }
            if pageBreakBefore { x.element("w:pageBreakBefore") }
            if indent != 0 || hanging != 0 {
                x.start("w:ind", ["w:left": String(indent)])
                if hanging != 0 { x.attribute("w:hanging", String(hanging)) }
                x.end()
            }
            if let alignment { x.element("w:jc", ["w:val": alignment.rawValue]) }
        }
    }

    private mutating func run(_ x: OfficeXMLWriter, _ r: DOCXRun) {
        switch r.kind {
        case .text:
            Self.textRun(x, r.text, bold: r.bold)
        case .footnote, .endnote:
            let kind: NoteKind = r.kind == .footnote ? .footnote : .endnote
            let id: Int
            if kind == .footnote { footnotes.append(r.text); id = footnotes.count } else { endnotes.append(r.text); id = endnotes.count }
            x.element("w:r") {
                x.element("w:rPr") { x.element("w:rStyle", ["w:val": kind == .footnote ? "FootnoteReference" : "EndnoteReference"]) }
                x.element("w:\(kind.rawValue)Reference", ["w:id": String(id)])
            }
        }
    }

    /// One run of text: tabs become `w:tab`, line feeds `w:br`.
    static func textRun(_ x: OfficeXMLWriter, _ text: String, bold: Bool) {
        x.element("w:r") {
            if bold { x.element("w:rPr") { x.element("w:b"); x.element("w:bCs") } }
            var piece = ""
            func flush() {
                if !piece.isEmpty { x.element("w:t", ["xml:space": "preserve"], text: piece) }
                piece = ""
            }
            for c in text {
                switch c {
                case "\t": flush(); x.element("w:tab")
                case "\n", "\r\n", "\r": flush(); x.element("w:br")
                default: piece.append(c)
                }
            }
            flush()
        }
    }

    /// A complex field (`PAGE`, `NUMPAGES`, `PAGEREF …`) with its shown result.
    static func field(_ x: OfficeXMLWriter, _ instruction: String, result: String, dirty: Bool = false) {
        fieldStart(x, instruction, dirty: dirty)
        if !result.isEmpty { textRun(x, result, bold: false) }
        fieldEnd(x)
    }

    static func fieldStart(_ x: OfficeXMLWriter, _ instruction: String, dirty: Bool = false) {
        x.element("w:r") {
            x.start("w:fldChar", ["w:fldCharType": "begin"])
            if dirty { x.attribute("w:dirty", "true") }
            x.end()
        }
        x.element("w:r") { x.element("w:instrText", ["xml:space": "preserve"], text: " \(instruction) ") }
        x.element("w:r") { x.element("w:fldChar", ["w:fldCharType": "separate"]) }
    }

    static func fieldEnd(_ x: OfficeXMLWriter) {
        x.element("w:r") { x.element("w:fldChar", ["w:fldCharType": "end"]) }
    }

    // MARK: Table of contents

    /// The TOC field, its result filled with the headings (each a link to its bookmark and a PAGEREF field), so
    /// the list is there before any update; Word recomputes it on opening (`updateFields`).
    private func tableOfContents(_ x: OfficeXMLWriter, levels: Int, pageBreakBefore: Bool) {
        let entries: [(level: Int, text: String, bookmark: String)] = document.blocks.indices.compactMap { i in
            guard case let .heading(level, text) = document.blocks[i], let b = bookmarks[i], level <= levels else { return nil }
            return (level, text, b)
        }
        let instruction = "TOC \\o \"1-\(max(1, min(3, levels)))\" \\h \\z \\u"
        if entries.isEmpty {
            x.element("w:p") {
                paragraphProperties(x, style: "TOC1", pageBreakBefore: pageBreakBefore)
                Self.fieldStart(x, instruction, dirty: true)
                Self.fieldEnd(x)
            }
            return
        }
        for (n, e) in entries.enumerated() {
            x.element("w:p") {
                paragraphProperties(x, style: "TOC\(e.level)", pageBreakBefore: pageBreakBefore && n == 0)
                if n == 0 { Self.fieldStart(x, instruction, dirty: true) }
                x.element("w:hyperlink", ["w:anchor": e.bookmark, "w:history": "1"]) {
                    Self.textRun(x, e.text, bold: false)
                    x.element("w:r") { x.element("w:tab") }
                    Self.field(x, "PAGEREF \(e.bookmark) \\h", result: "")
                }
                if n == entries.count - 1 { Self.fieldEnd(x) }
            }
        }
    }

    // MARK: Images

    private mutating func image(_ x: OfficeXMLWriter, _ image: DOCXImage, pageBreakBefore: Bool, index: Int) throws {
        guard image.png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { throw DOCXError("block \(index + 1): the image is not a PNG") }
        guard image.widthEMU > 0, image.heightEMU > 0 else {
            throw DOCXError("block \(index + 1): image size \(image.widthEMU)×\(image.heightEMU) EMU (expected positive)")
        }
        media.append(image.png)
        let n = media.count
        let cx = String(image.widthEMU), cy = String(image.heightEMU)
        x.element("w:p") {
            paragraphProperties(x, style: "Normal", keepNext: true, pageBreakBefore: pageBreakBefore, alignment: .center)
            x.element("w:r") {
                x.element("w:drawing") {
                    x.element("wp:inline", ["distT": "0", "distB": "0", "distL": "0", "distR": "0"]) {
                        x.element("wp:extent", ["cx": cx, "cy": cy])
                        x.element("wp:effectExtent", ["l": "0", "t": "0", "r": "0", "b": "0"])
                        x.element("wp:docPr", ["id": String(n), "name": "图片 \(n)", "descr": image.description])
                        x.element("wp:cNvGraphicFramePr") { x.element("a:graphicFrameLocks", ["noChangeAspect": "1"]) }
                        x.element("a:graphic") {
                            x.element("a:graphicData", ["uri": "http://schemas.openxmlformats.org/drawingml/2006/picture"]) {
                                x.element("pic:pic") {
                                    x.element("pic:nvPicPr") {
                                        x.element("pic:cNvPr", ["id": "0", "name": "image\(n).png", "descr": image.description])
                                        x.element("pic:cNvPicPr")
                                    }
                                    x.element("pic:blipFill") {
                                        x.element("a:blip", ["r:embed": "rImg\(n)"])
                                        x.element("a:stretch") { x.element("a:fillRect") }
                                    }
                                    x.element("pic:spPr") {
                                        x.element("a:xfrm") {
                                            x.element("a:off", ["x": "0", "y": "0"])
                                            x.element("a:ext", ["cx": cx, "cy": cy])
                                        }
                                        x.element("a:prstGeom", ["prst": "rect"]) { x.element("a:avLst") }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // MARK: Tables

    private func table(_ x: OfficeXMLWriter, _ t: DOCXTable, index: Int) throws {
        guard !t.columns.isEmpty, !t.rows.isEmpty else { throw DOCXError("block \(index + 1): a table without columns or rows") }
        for (r, row) in t.rows.enumerated() {
            let covered = row.reduce(0) { $0 + max(1, $1.span) }
            guard covered == t.columns.count else {
                throw DOCXError("block \(index + 1), table row \(r + 1): the cells cover \(covered) columns (expected \(t.columns.count))")
            }
        }
        let total = t.columns.reduce(0) { $0 + max(0, $1.width) }
        guard total > 0 else { throw DOCXError("block \(index + 1): the table's column widths add up to 0") }
        var widths = t.columns.map { Int((max(0, $0.width) / total * Double(DOCXDocument.textWidthTwips)).rounded()) }
        widths[widths.count - 1] += DOCXDocument.textWidthTwips - widths.reduce(0, +)
        x.element("w:tbl") {
            x.element("w:tblPr") {
                x.element("w:tblStyle", ["w:val": "TableGrid"])
                x.element("w:tblW", ["w:w": String(DOCXDocument.textWidthTwips), "w:type": "dxa"])
                x.element("w:tblLayout", ["w:type": "fixed"])
                x.element("w:tblLook", ["w:val": "04A0", "w:firstRow": "1", "w:lastRow": "0", "w:firstColumn": "1",
                                        "w:lastColumn": "0", "w:noHBand": "0", "w:noVBand": "1"])
            }
            x.element("w:tblGrid") { for w in widths { x.element("w:gridCol", ["w:w": String(w)]) } }
            for (r, row) in t.rows.enumerated() {
                let header = r < t.headerRows
                x.element("w:tr") {
                    x.element("w:trPr") {
                        x.element("w:cantSplit")
                        if header { x.element("w:tblHeader") }
                    }
                    var column = 0
                    for cell in row {
                        let span = max(1, cell.span)
                        let width = widths[column..<column + span].reduce(0, +)
                        let alignment = header && t.columns[column].alignment == .right ? .center : t.columns[column].alignment
                        x.element("w:tc") {
                            x.element("w:tcPr") {
                                x.element("w:tcW", ["w:w": String(width), "w:type": "dxa"])
                                if span > 1 { x.element("w:gridSpan", ["w:val": String(span)]) }
                                switch cell.verticalMerge {
                                case .none: break
                                case .start: x.element("w:vMerge", ["w:val": "restart"])
                                case .continued: x.element("w:vMerge")
                                }
                                if header { x.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": "EEF2F6"]) }
                                x.element("w:vAlign", ["w:val": "center"])
                            }
                            x.element("w:p") {
                                paragraphProperties(x, style: "TableText", alignment: alignment)
                                if cell.verticalMerge != .continued && !cell.text.isEmpty {
                                    Self.textRun(x, cell.text, bold: cell.bold || header)
                                }
                            }
                        }
                        column += span
                    }
                }
            }
        }
    }

    // MARK: Section and notes

    private func sectionProperties(_ x: OfficeXMLWriter) {
        x.element("w:sectPr") {
            if let footer = document.footer {
                x.element("w:footerReference", ["w:type": "default", "r:id": "rId4"])
                if footer.skipFirstPage { x.element("w:footerReference", ["w:type": "first", "r:id": "rId5"]) }
            }
            x.element("w:pgSz", ["w:w": String(DOCXDocument.pageWidthTwips), "w:h": String(DOCXDocument.pageHeightTwips)])
            let side = String(DOCXDocument.sideMarginTwips)
            x.element("w:pgMar", ["w:top": "1440", "w:right": side, "w:bottom": "1440", "w:left": side,
                                  "w:header": "851", "w:footer": "851", "w:gutter": "0"])
            if document.footer?.skipFirstPage == true { x.element("w:titlePg") }
        }
    }

    /// `word/footnotes.xml` or `word/endnotes.xml`: the two separators, then one note per reference.
    func notesXML(_ kind: NoteKind) throws -> [UInt8] {
        let k = kind.rawValue
        let style = kind == .footnote ? "Footnote" : "Endnote"
        let x = try OfficeXMLWriter()
        x.element("w:\(k)s", ["xmlns:w": DOCXParts.w, "xmlns:r": DOCXParts.r]) {
            for (id, type, mark) in [("-1", "separator", "w:separator"), ("0", "continuationSeparator", "w:continuationSeparator")] {
                x.element("w:\(k)", ["w:type": type, "w:id": id]) {
                    x.element("w:p") {
                        x.element("w:pPr") { x.element("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"]) }
                        x.element("w:r") { x.element(mark) }
                    }
                }
            }
            for (i, text) in (kind == .footnote ? footnotes : endnotes).enumerated() {
                x.element("w:\(k)", ["w:id": String(i + 1)]) {
                    x.element("w:p") {
                        x.element("w:pPr") { x.element("w:pStyle", ["w:val": "\(style)Text"]) }
                        x.element("w:r") {
                            x.element("w:rPr") { x.element("w:rStyle", ["w:val": "\(style)Reference"]) }
                            x.element("w:\(k)Ref")
                        }
                        Self.textRun(x, " " + text, bold: false)
                    }
                }
            }
        }
        return try x.finish(part: "word/\(k)s.xml")
    }
}
