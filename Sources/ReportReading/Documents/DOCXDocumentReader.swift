import CLibXML2
import Foundation
import SeriesModel
import ZIPFoundation

/// Reads a Word 2007+ document (`.docx`, as Word, WPS and LibreOffice write it) as lines and tables.
///
/// The ZIP archive is opened in memory (ZIPFoundation) and its `word/document.xml` parsed by libxml2 (no network,
/// no entity expansion). Body paragraphs become lines (`w:br` breaks them); each `w:tbl` becomes a ``GridTable``
/// through ``GridExpansion``: `w:gridBefore` skips grid columns, `w:gridSpan` spans them, `w:vMerge` runs become
/// row spans and legacy `w:hMerge` continues the cell to its left. A cell's paragraphs are joined with line breaks;
/// a nested table's text is flattened into its cell. Deleted text, field codes and `mc:Fallback` copies are skipped.
public enum DOCXDocumentReader: DocumentReader {
    public static let format = ReportFormat.docx
    public static let extensions = ["docx", "docm", "dotx", "dotm"]

    public static func read(_ bytes: [UInt8], file: String) throws -> ReadDocument {
        ReadDocument(SourceDocument(format: .docx, blocks: try blocks(bytes, file: file)), encoding: "docx")
    }

    /// The largest `word/document.xml` read (uncompressed): far above any annual report, low enough to refuse a
    /// ZIP bomb.
    static let maxDocumentXMLBytes = 64 << 20

    /// The local-file-header signature every ZIP archive starts with.
    static let zipSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]

    /// True for a ZIP archive that holds a `word/document.xml` (entry names are stored uncompressed), whatever
    /// the file is called; other ZIP files (.xlsx, .zip) are not claimed.
    public static func sniff(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: zipSignature) && ByteSearch.contains(bytes, Array("word/document.xml".utf8))
    }

    /// The document's blocks in reading order, or an ``InputError`` naming `file` and what was wrong.
    static func blocks(_ bytes: [UInt8], file: String) throws -> [DocumentBlock] {
        let xml = try documentXML(bytes, file: file)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_COMPACT.rawValue)
        let parsed = xml.withUnsafeBytes { buf -> xmlDocPtr? in
            guard let base = buf.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return xmlReadMemory(base, Int32(clamping: buf.count), "document.xml", nil, options)   // encoding from the XML declaration or BOM
        }
        guard let doc = parsed else {
            throw InputError(file: file, place: "word/document.xml", message: "not well-formed XML\(lastXMLError())")
        }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc), isW(root, "document"),
              let body = children(root).first(where: { isW($0, "body") }) else {
            throw InputError(file: file, place: "word/document.xml",
                             message: "expected a WordprocessingML document (w:document with a w:body)")
        }
        var walker = BodyWalker()
        walker.walk(body)
        return walker.blocks
    }

    /// The uncompressed bytes of `word/document.xml` (or of the main part `_rels/.rels` names, for the rare
    /// producer that puts it elsewhere).
    static func documentXML(_ bytes: [UInt8], file: String) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw InputError(file: file, message: "not a readable DOCX: the ZIP archive is damaged or truncated "
                             + "(\(error)); expected a Word document saved as .docx")
        }
        let path = mainPart(archive) ?? "word/document.xml"
        guard let entry = archive[path] else {
            throw InputError(file: file, message: "not a Word document: the ZIP archive has no \(path) "
                             + "(expected a .docx saved by Word, WPS or LibreOffice)")
        }
        guard entry.uncompressedSize <= UInt64(maxDocumentXMLBytes) else {
            throw InputError(file: file, place: path, message: ExtractionMessages.tooLarge(Int(clamping: entry.uncompressedSize),
                                                                                          limit: maxDocumentXMLBytes))
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { chunk in
                guard data.count + chunk.count <= maxDocumentXMLBytes else { throw Archive.ArchiveError.invalidEntrySize }
                data.append(chunk)
            }
        } catch {
            throw InputError(file: file, place: path, message: "cannot be unpacked: the ZIP archive is damaged or "
                             + "truncated (\(error))")
        }
        return data
    }

    /// The target of the officeDocument relationship in `_rels/.rels`, when it is not the usual path.
    static func mainPart(_ archive: Archive) -> String? {
        guard let rels = archive["_rels/.rels"], rels.uncompressedSize < 1 << 20 else { return nil }
        var data = Data()
        guard (try? archive.extract(rels) { data.append($0) }) != nil else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let r = text.range(of: "/officeDocument\"") ?? text.range(of: "/officeDocument'") else { return nil }
        // The Relationship element holding that Type: find its Target attribute.
        let start = text[..<r.lowerBound].range(of: "<", options: .backwards)?.lowerBound ?? text.startIndex
        let end = text[r.upperBound...].range(of: ">")?.upperBound ?? text.endIndex
        let element = text[start..<end]
        guard let t = element.range(of: "Target=") else { return nil }
        let quote = element[t.upperBound]
        let value = element[element.index(after: t.upperBound)...].prefix { $0 != quote }
        let path = value.hasPrefix("/") ? String(value.dropFirst()) : String(value)
        return path.isEmpty || path == "word/document.xml" ? nil : path
    }

    /// libxml2's last error as `: line N: message`, or "".
    static func lastXMLError() -> String {
        guard let e = xmlGetLastError(), let m = e.pointee.message else { return "" }
        let message = String(cString: m).trimmingCharacters(in: .whitespacesAndNewlines)
        return e.pointee.line > 0 ? ": line \(e.pointee.line): \(message)" : ": \(message)"
    }

    // MARK: - WordprocessingML nodes

    static let namespaces: Set<String> = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",   // transitional (Word, WPS, LibreOffice)
        "http://purl.oclc.org/ooxml/wordprocessingml/main",               // strict
    ]

    static func isW(_ node: xmlNodePtr, _ local: String) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let ns = node.pointee.ns, let href = ns.pointee.href,
              let name = node.pointee.name else { return false }
        return namespaces.contains(String(cString: href)) && String(cString: name) == local
    }

    /// The local name of an element in the WordprocessingML namespace, nil for any other node.
    static func wName(_ node: xmlNodePtr) -> String? {
        guard node.pointee.type == XML_ELEMENT_NODE, let ns = node.pointee.ns, let href = ns.pointee.href,
              namespaces.contains(String(cString: href)), let name = node.pointee.name else { return nil }
        return String(cString: name)
    }

    /// True for `mc:Fallback`, the copy of an `mc:AlternateContent` shown by old readers only.
    static func isFallback(_ node: xmlNodePtr) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let name = node.pointee.name else { return false }
        return String(cString: name) == "Fallback"
    }

    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var cur = node.pointee.children
        while let c = cur {
            if c.pointee.type == XML_ELEMENT_NODE { out.append(c) }
            cur = c.pointee.next
        }
        return out
    }

    /// The `w:val` attribute of `node`.
    static func val(_ node: xmlNodePtr) -> String? {
        for ns in namespaces {
            if let v = xmlGetNsProp(node, "val", ns) {
                defer { cxml_free(v) }
                return String(cString: v)
            }
        }
        return nil
    }

    static func property(_ node: xmlNodePtr, _ container: String, _ local: String) -> xmlNodePtr? {
        guard let pr = children(node).first(where: { isW($0, container) }) else { return nil }
        return children(pr).first { isW($0, local) }
    }

    static func text(_ node: xmlNodePtr) -> String {
        guard let c = xmlNodeGetContent(node) else { return "" }
        defer { cxml_free(c) }
        return String(cString: c)
    }

    /// Wrappers whose content belongs to the parent: content controls, custom XML, tracked insertions, moves.
    static let transparent: Set<String> = ["sdt", "sdtContent", "customXml", "ins", "moveTo", "smartTag", "hyperlink",
                                           "fldSimple", "bdo", "dir"]
    /// Elements whose text is not shown: deletions, moved-away text, field codes, properties.
    static let hidden: Set<String> = ["del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr", "tblPr",
                                      "trPr", "tcPr", "sectPr", "tblGrid", "sdtPr", "sdtEndPr", "rPrChange",
                                      "pPrChange", "footnoteReference", "endnoteReference", "commentReference"]

    // MARK: - Text of paragraphs

    /// Collects the lines of paragraphs: text runs joined, `w:br`/`w:cr` and nested paragraphs start new lines.
    struct LineCollector {
        var lines: [String] = []
        var line = ""

        mutating func flush() {
            if line.contains(where: { !$0.isWhitespace }) { lines.append(line) }
            line = ""
        }

        mutating func collect(_ node: xmlNodePtr) {
            for child in DOCXDocumentReader.children(node) where !DOCXDocumentReader.isFallback(child) {
                guard let name = DOCXDocumentReader.wName(child) else {
                    collect(child)      // drawings, text boxes, mc:AlternateContent/Choice: look inside
                    continue
                }
                switch name {
                case "t": line += DOCXDocumentReader.text(child)
                case "tab", "ptab": line += "\t"
                case "br", "cr": flush()
                case "noBreakHyphen": line += "-"
                case "p":
                    flush()
                    collect(child)
                    flush()
                case "tbl":
                    flush()
                    for row in DOCXDocumentReader.rowElements(child) {
                        for cell in DOCXDocumentReader.cellElements(row) {
                            collect(cell)
                            flush()
                        }
                    }
                case _ where DOCXDocumentReader.hidden.contains(name): break
                default: collect(child)
                }
            }
        }
    }

    /// The text of a table cell: its paragraphs (and any nested table's cells) one per line.
    static func cellText(_ tc: xmlNodePtr) -> String {
        var c = LineCollector()
        c.collect(tc)
        c.flush()
        return c.lines.joined(separator: "\n")
    }

    // MARK: - Tables

    static func rowElements(_ tbl: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        func scan(_ node: xmlNodePtr) {
            for c in children(node) {
                if isW(c, "tr") { out.append(c) } else if let n = wName(c), transparent.contains(n) { scan(c) }
            }
        }
        scan(tbl)
        return out
    }

    static func cellElements(_ tr: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        func scan(_ node: xmlNodePtr) {
            for c in children(node) {
                if isW(c, "tc") { out.append(c) } else if let n = wName(c), transparent.contains(n) { scan(c) }
            }
        }
        scan(tr)
        return out
    }

    /// A `w:tc` placed on the grid.
    struct PlacedCell {
        var column: Int
        var span: Int
        var text: String
        /// True for a `w:vMerge` continuation: the cell above at the same grid column covers this one.
        var continues: Bool
    }

    /// The table as cells placed on the grid, then expanded: vMerge runs become row spans.
    static func grid(_ tbl: xmlNodePtr) -> GridTable {
        let rows: [[PlacedCell]] = rowElements(tbl).map { tr in
            var col = property(tr, "trPr", "gridBefore").flatMap(val).flatMap { Int($0) }.map { min(max($0, 0), GridExpansion.maxColSpan) } ?? 0
            var cells: [PlacedCell] = []
            for tc in cellElements(tr) {
                let span = min(max(property(tc, "tcPr", "gridSpan").flatMap(val).flatMap { Int($0) } ?? 1, 1),
                               GridExpansion.maxColSpan)
                let vMerge = property(tc, "tcPr", "vMerge")
                let continues = vMerge != nil && val(vMerge!) != "restart"     // <w:vMerge/> means "continue"
                if let h = property(tc, "tcPr", "hMerge"), val(h) != "restart", !cells.isEmpty {
                    cells[cells.count - 1].span += span                         // legacy horizontal merge
                } else {
                    cells.append(PlacedCell(column: col, span: span, text: cellText(tc), continues: continues))
                }
                col += span
            }
            return cells
        }
        // A cell that starts a run covers every continuation below it at the same grid column.
        var spanning: [[SpanningCell]] = Array(repeating: [], count: rows.count)
        for (r, cells) in rows.enumerated() {
            for cell in cells {
                if cell.continues, r > 0, rows[r - 1].contains(where: { $0.column == cell.column }) { continue }
                var rowSpan = 1
                while r + rowSpan < rows.count,
                      rows[r + rowSpan].contains(where: { $0.column == cell.column && $0.continues }) {
                    rowSpan += 1
                }
                spanning[r].append(SpanningCell(text: cell.text, rowSpan: rowSpan, colSpan: cell.span, column: cell.column))
            }
        }
        return GridExpansion.expand(spanning)
    }

    // MARK: - Body

    struct BodyWalker {
        var blocks: [DocumentBlock] = []
        var lineNumber = 0

        mutating func line(_ text: String) {
            lineNumber += 1
            blocks.append(.line(text, number: lineNumber))
        }

        mutating func walk(_ node: xmlNodePtr) {
            for child in DOCXDocumentReader.children(node) where !DOCXDocumentReader.isFallback(child) {
                guard let name = DOCXDocumentReader.wName(child) else {
                    walk(child)
                    continue
                }
                switch name {
                case "p":
                    var c = LineCollector()
                    c.collect(child)
                    c.flush()
                    for l in c.lines { line(l) }
                case "tbl":
                    blocks.append(.table(DOCXDocumentReader.grid(child)))
                case _ where DOCXDocumentReader.hidden.contains(name): break
                default:
                    walk(child)     // sdt, customXml, ins, …
                }
            }
        }
    }
}
