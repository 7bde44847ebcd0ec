import CLibXML2
import SeriesModel

/// An HTML page parsed by libxml2's forgiving HTML parser. Owns the `xmlDoc`; not Sendable, never shared.
final class HTMLReportPage {
    private let doc: xmlDocPtr

    /// Parses UTF-8 `bytes`; nil when libxml2 cannot build a document at all.
    init?(utf8 bytes: [UInt8]) {
        guard !bytes.isEmpty else { return nil }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                htmlReadMemory($0, Int32(clamping: buf.count), "report.html", "UTF-8", options)
            }
        }
        guard let parsed else { return nil }
        doc = parsed
    }

    deinit { xmlFreeDoc(doc) }

    /// The page as lines of text and tables, in reading order.
    func blocks() -> [DocumentBlock] {
        var walker = Walker()
        walker.walk(doc.pointee.children)
        walker.flush()
        return walker.blocks
    }

    private struct Walker {
        var blocks: [DocumentBlock] = []
        var line = ""
        static let skipped: Set<String> = ["script", "style", "noscript", "template", "iframe", "object"]
        static let blockElements: Set<String> = [
            "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "title", "h1", "h2", "h3",
            "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center", "form", "body", "head",
            "html", "tr", "td", "th", "caption", "hr",
        ]

        mutating func flush() {
            if line.contains(where: { !$0.isWhitespace }) { blocks.append(.line(line, number: 0)) }
            line = ""
        }

        mutating func walk(_ first: xmlNodePtr?) {
            var node = first
            while let cur = node {
                switch cur.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    line += HTMLReportPage.content(cur)
                case XML_ELEMENT_NODE:
                    let name = HTMLReportPage.name(cur)
                    if Self.skipped.contains(name) {
                        break
                    } else if name == "table" && HTMLReportPage.containsTable(cur.pointee.children) {
                        flush()
                        walk(cur.pointee.children)
                        flush()
                    } else if name == "table" {
                        flush()
                        blocks.append(.table(HTMLReportPage.grid(cur)))
                    } else if name == "br" {
                        flush()
                    } else if Self.blockElements.contains(name) {
                        flush()
                        walk(cur.pointee.children)
                        flush()
                    } else {
                        walk(cur.pointee.children)
                    }
                default:
                    break
                }
                node = cur.pointee.next
            }
        }
    }

    /// True when a `<table>` is among the descendants of `first` and its siblings: the outer table is then only
    /// page layout, and is read as blocks so that the report tables inside it keep their cells.
    static func containsTable(_ first: xmlNodePtr?) -> Bool {
        var node = first
        while let cur = node {
            if cur.pointee.type == XML_ELEMENT_NODE && (name(cur) == "table" || containsTable(cur.pointee.children)) {
                return true
            }
            node = cur.pointee.next
        }
        return false
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    static func content(_ node: xmlNodePtr) -> String {
        guard let c = xmlNodeGetContent(node) else { return "" }
        defer { cxml_free(c) }
        return String(cString: c)
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let v = xmlGetProp(node, name) else { return nil }
        defer { cxml_free(v) }
        return String(cString: v)
    }

    /// The `<tr>` elements of a table, looking through thead/tbody/tfoot but not into nested tables.
    static func rows(of table: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        func collect(_ first: xmlNodePtr?) {
            var node = first
            while let cur = node {
                if cur.pointee.type == XML_ELEMENT_NODE {
                    switch name(cur) {
                    case "tr": out.append(cur)
                    case "thead", "tbody", "tfoot": collect(cur.pointee.children)
                    default: break
                    }
                }
                node = cur.pointee.next
            }
        }
        collect(table.pointee.children)
        return out
    }

    /// Expands a `<table>` into a grid: a cell with rowspan/colspan fills every position it covers.
    static func grid(_ table: xmlNodePtr) -> GridTable {
        let cells: [[SpanningCell]] = rows(of: table).map { tr in
            var out: [SpanningCell] = []
            var node = tr.pointee.children
            while let cur = node {
                defer { node = cur.pointee.next }
                guard cur.pointee.type == XML_ELEMENT_NODE else { continue }
                let n = name(cur)
                guard n == "td" || n == "th" else { continue }
                out.append(SpanningCell(text: content(cur),
                                        rowSpan: Int(attribute(cur, "rowspan") ?? "") ?? 1,
                                        colSpan: Int(attribute(cur, "colspan") ?? "") ?? 1))
            }
            return out
        }
        return GridExpansion.expand(cells)
    }
}
