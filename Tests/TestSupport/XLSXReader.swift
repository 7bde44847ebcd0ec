import Foundation
import SeriesModel
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads an XLSX file back for tests: sheet names in order, and each sheet's cells as text, numbers or booleans by
/// their A1 address — straight from the package's XML (workbook.xml, its relationships, sharedStrings.xml, the
/// sheet parts), independent of the writer.
public struct XLSXReader {
    /// A cell value as stored.
    public enum Value: Equatable, CustomStringConvertible {
        case text(String)
        case number(Double)
        case boolean(Bool)

        public var description: String {
            switch self {
            case let .text(s): s
            case let .number(v): "\(v)"
            case let .boolean(b): b ? "TRUE" : "FALSE"
            }
        }
    }

    /// One sheet: cells by (0-based row, 0-based column), the frozen pane's top-left cell, the filter range.
    public struct Sheet {
        public var name: String
        public var cells: [[Int]: Value] = [:]
        public var styles: [[Int]: Int] = [:]
        public var frozenTopLeft: String?
        public var autoFilter: String?
        public var merged: [String] = []

        /// The value at a 0-based row and column.
        public subscript(row: Int, column: Int) -> Value? { cells[[row, column]] }

        /// The number of rows (the last used row + 1).
        public var rowCount: Int { (cells.keys.map { $0[0] }.max() ?? -1) + 1 }

        /// The values of one row, up to its last used column (nil for empty cells).
        public func row(_ r: Int) -> [Value?] {
            let last = cells.keys.filter { $0[0] == r }.map { $0[1] }.max() ?? -1
            return (0...max(last, 0)).map { cells[[r, $0]] }.prefix(last + 1).map { $0 }
        }
    }

    /// The sheets in workbook order.
    public var sheets: [Sheet] = []
    /// The number formats of the cell styles (`cellXfs` index → format code), `General` when none.
    public var numberFormats: [String] = []

    /// The sheet named `name`.
    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// Reads the file at `url`.
    public init(url: URL) throws {
        let archive = try Archive(url: url, accessMode: .read)
        func part(_ path: String) throws -> Data {
            guard let entry = archive[path] else { throw ReadError(message: "no part \(path)") }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return data
        }
        let workbook = try XMLTree.parse(part("xl/workbook.xml"))
        let rels = try XMLTree.parse(part("xl/_rels/workbook.xml.rels"))
        var target: [String: String] = [:]
        for r in rels.all("Relationship") { target[r.attributes["Id"] ?? ""] = r.attributes["Target"] }
        var shared: [String] = []
        if archive["xl/sharedStrings.xml"] != nil {
            for si in try XMLTree.parse(part("xl/sharedStrings.xml")).all("si") { shared.append(si.text) }
        }
        let styles = try XMLTree.parse(part("xl/styles.xml"))
        var codes: [String: String] = [:]
        for f in styles.all("numFmt") { codes[f.attributes["numFmtId"] ?? ""] = f.attributes["formatCode"] }
        let builtIn = ["0": "General", "1": "0", "2": "0.00", "3": "#,##0", "4": "#,##0.00"]
        if let xfs = styles.all("cellXfs").first {
            numberFormats = xfs.children.filter { $0.name == "xf" }.map { xf in
                let id = xf.attributes["numFmtId"] ?? "0"
                return codes[id] ?? builtIn[id] ?? "builtin \(id)"
            }
        }
        for s in workbook.all("sheet") {
            let rid = s.attributes["r:id"] ?? ""
            guard let t = target[rid] else { throw ReadError(message: "sheet \(s.attributes["name"] ?? "?") has no part") }
            let xml = try XMLTree.parse(part(t.hasPrefix("/") ? String(t.dropFirst()) : "xl/" + t))
            var sheet = Sheet(name: s.attributes["name"] ?? "")
            for c in xml.all("c") {
                guard let ref = c.attributes["r"], let (row, col) = Self.address(ref) else { continue }
                let v = c.children.first { $0.name == "v" }?.text
                let value: Value?
                switch c.attributes["t"] {
                case "s": value = v.flatMap(Int.init).map { .text(shared[$0]) }
                case "b": value = v.map { .boolean($0 == "1") }
                case "str": value = v.map(Value.text)
                case "inlineStr": value = .text(c.all("t").map(\.text).joined())
                default: value = v.flatMap(Double.init).map(Value.number)
                }
                if let value { sheet.cells[[row, col]] = value }
                sheet.styles[[row, col]] = Int(c.attributes["s"] ?? "0") ?? 0
            }
            sheet.frozenTopLeft = xml.all("pane").first { $0.attributes["state"] == "frozen" }?.attributes["topLeftCell"]
            sheet.autoFilter = xml.all("autoFilter").first?.attributes["ref"]
            sheet.merged = xml.all("mergeCell").compactMap { $0.attributes["ref"] }
            sheets.append(sheet)
        }
    }

    /// The number format of the cell at a 0-based row and column of `sheet`.
    public func numberFormat(_ sheet: Sheet, row: Int, column: Int) -> String {
        let s = sheet.styles[[row, column]] ?? 0
        return s < numberFormats.count ? numberFormats[s] : "General"
    }

    /// `C5` → (4, 2).
    public static func address(_ ref: String) -> (Int, Int)? {
        var col = 0
        var digits = ""
        for ch in ref {
            if let a = ch.asciiValue, ch.isLetter { col = col * 26 + Int(a - 64) } else { digits.append(ch) }
        }
        guard let row = Int(digits), col > 0 else { return nil }
        return (row - 1, col - 1)
    }

    struct ReadError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// A small element tree over Foundation's XMLParser.
final class XMLTree: NSObject, XMLParserDelegate {
    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var ownText = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// The text of the element and its descendants.
        var text: String { ownText + children.map(\.text).joined() }

        /// Every descendant named `name`, in document order.
        func all(_ name: String) -> [Element] {
            var out: [Element] = []
            for c in children {
                if c.name == name { out.append(c) }
                out += c.all(name)
            }
            return out
        }
    }

    private var stack: [Element] = [Element(name: "#document", attributes: [:])]

    static func parse(_ data: Data) throws -> Element {
        let tree = XMLTree()
        let parser = XMLParser(data: data)
        parser.delegate = tree
        guard parser.parse() else { throw XLSXReader.ReadError(message: "bad XML: \(parser.parserError.map { "\($0)" } ?? "?")") }
        return tree.stack[0]
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        let e = Element(name: elementName, attributes: attributes)
        stack.last?.children.append(e)
        stack.append(e)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.ownText += string
    }
}

extension XLSXReader {
    /// The fields of one CSV line, quotes undone as `TidyTable.escape` writes them.
    public static func csvFields(_ line: Substring) -> [String] {
        var out: [String] = [], cur = "", quoted = false, i = line.startIndex
        while i < line.endIndex {
            let ch = line[i]
            if quoted {
                if ch == "\"" {
                    let n = line.index(after: i)
                    if n < line.endIndex && line[n] == "\"" { cur.append("\""); i = n } else { quoted = false }
                } else { cur.append(ch) }
            } else if ch == "\"" { quoted = true } else if ch == "," { out.append(cur); cur = "" } else { cur.append(ch) }
            i = line.index(after: i)
        }
        out.append(cur)
        return out
    }

    /// A sheet cell as the CSV writers write its field (numbers as tidy files write them).
    public static func csvText(_ v: Value?) -> String {
        switch v {
        case nil: ""
        case let .text(s)?: s
        case let .number(d)?: TrendRow.number(d)
        case let .boolean(b)?: b ? "true" : "false"
        }
    }
}
