/// Where a value was read: a file and a place in it, plus notes on how it was read.
///
/// Its ``description`` is the source string of tidy CSV/JSON and of every message, and ``init(parsing:)`` reads such
/// a string back, so nothing else takes source strings apart by hand.
///
/// | place | string |
/// |---|---|
/// | a line of text or Markdown | `mudanjiang_2020.txt:259` |
/// | a cell of an HTML or DOCX table (report table N, row R, column C of the expanded grid) | `pingtan_2021.html#table3[r5c2]` |
/// | a cell of a PDF table (page P of the row) | `hongze_2023.pdf#p7/table3[r13c4]` |
/// | a line of a PDF page | `hongze_2023.pdf#p3:L12` |
///
/// Notes follow in parentheses: `pingtan_2021.txt:41 (split from 3960181)`, `… (75394432.52元 → 万元)`.
public struct SourceRef: Sendable, Hashable, CustomStringConvertible {
    /// A place inside a file.
    public enum Location: Sendable, Hashable {
        /// The whole file (or nothing more precise is known).
        case file
        /// A 1-based line.
        case line(Int)
        /// A cell of report table `table` (2, 3, 4): 1-based row and column of the expanded grid.
        case cell(table: Int, row: Int, column: Int)
        /// A cell of a PDF table: the page of its row, then as ``cell(table:row:column:)``.
        case pageCell(page: Int, table: Int, row: Int, column: Int)
        /// A 1-based line on a 1-based page.
        case pageLine(page: Int, line: Int)
    }

    /// The file name (as the reader was given it, usually the last path component).
    public var file: String
    /// The place in the file.
    public var location: Location
    /// How the value was read, when that matters (a split run, a unit conversion, OCR, …).
    public var notes: [String]

    /// A source in `file` at `location`.
    public init(file: String, location: Location = .file, notes: [String] = []) {
        self.file = file
        self.location = location
        self.notes = notes
    }

    /// The source string: `file`, the place, then the notes in parentheses.
    public var description: String {
        var s = file
        switch location {
        case .file: break
        case let .line(n): s += ":\(n)"
        case let .cell(t, r, c): s += "#table\(t)[r\(r)c\(c)]"
        case let .pageCell(p, t, r, c): s += "#p\(p)/table\(t)[r\(r)c\(c)]"
        case let .pageLine(p, l): s += "#p\(p):L\(l)"
        }
        if !notes.isEmpty { s += " (" + notes.joined(separator: "; ") + ")" }
        return s
    }

    /// Reads a source string back. A string that names no known place is a ``Location/file`` source.
    public init(parsing text: String) {
        var body = Substring(text)
        var notes: [String] = []
        if body.hasSuffix(")"), let open = body.range(of: " (") {
            notes = body[open.upperBound..<body.index(before: body.endIndex)].components(separatedBy: "; ")
            body = body[..<open.lowerBound]
        }
        self.notes = notes
        if let hash = body.lastIndex(of: "#"), let loc = Self.place(body[body.index(after: hash)...]) {
            file = String(body[..<hash])
            location = loc
        } else if let colon = body.lastIndex(of: ":"), let n = Int(body[body.index(after: colon)...]), n >= 0 {
            file = String(body[..<colon])
            location = .line(n)
        } else {
            file = String(body)
            location = .file
        }
    }

    /// The file part of a source string, without folders: `a/b/x_2020.txt:12 (…)` → `x_2020.txt`.
    public static func fileName(of source: String) -> String {
        let f = SourceRef(parsing: source).file
        return f.split(separator: "/").last.map(String.init) ?? f
    }

    /// `table3[r5c2]`, `p7/table3[r5c2]` or `p3:L12`.
    private static func place(_ s: Substring) -> Location? {
        func cell(_ t: Substring) -> (Int, Int, Int)? {
            guard t.hasPrefix("table"), t.hasSuffix("]"), let open = t.firstIndex(of: "["),
                  let table = Int(t[t.index(t.startIndex, offsetBy: 5)..<open]) else { return nil }
            let rc = t[t.index(after: open)..<t.index(before: t.endIndex)]
            guard rc.hasPrefix("r"), let c = rc.firstIndex(of: "c"),
                  let row = Int(rc[rc.index(after: rc.startIndex)..<c]), let col = Int(rc[rc.index(after: c)...]) else { return nil }
            return (table, row, col)
        }
        if let (t, r, c) = cell(s) { return .cell(table: t, row: r, column: c) }
        guard s.hasPrefix("p") else { return nil }
        let rest = s.dropFirst()
        if let slash = rest.firstIndex(of: "/"), let page = Int(rest[..<slash]), let (t, r, c) = cell(rest[rest.index(after: slash)...]) {
            return .pageCell(page: page, table: t, row: r, column: c)
        }
        if let colon = rest.firstIndex(of: ":"), let page = Int(rest[..<colon]), rest[rest.index(after: colon)...].hasPrefix("L"),
           let line = Int(rest[rest.index(colon, offsetBy: 2)...]) {
            return .pageLine(page: page, line: line)
        }
        return nil
    }
}
