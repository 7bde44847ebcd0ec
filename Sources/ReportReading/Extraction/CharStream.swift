import SeriesModel

/// Where a character of the stream came from.
enum StreamPlace: Sendable, Hashable {
    /// A line of a text or Markdown file (1-based).
    case line(Int)
    /// A cell of the `table`-th HTML table of the page (all 1-based, positions in the expanded grid).
    case cell(table: Int, row: Int, column: Int)
    /// A line of a PDF page (both 1-based).
    case pageLine(page: Int, line: Int)
    /// A cell of the `table`-th table of a PDF, on `page` (all 1-based, positions in the joined, expanded grid);
    /// `guessed` when the grid was rebuilt from glyph positions, `ocr` when its text was read by OCR.
    case pageCell(page: Int, table: Int, row: Int, column: Int, guessed: Bool, ocr: Bool = false)
}

/// A report as one normalised character stream: whitespace removed (remembered as cell boundaries),
/// full-width digits and signs made ASCII, each character tagged with its place in the source.
///
/// Tables, labels and numbers are all found on this stream, whatever the input format was.
struct CharStream: Sendable {
    /// Stands for a blank table cell (not reported).
    static let blankCell: Unicode.Scalar = "\u{E000}"
    /// Stands for a blank cell of a row printed blank after its label: not reported when the row has a label
    /// of the template, ignored by 表四's label-less row (a header row's empty cells look the same).
    static let blankRowCell: Unicode.Scalar = "\u{E002}"
    /// Marks the end of an HTML or Markdown table.
    static let tableEnd: Unicode.Scalar = "\u{E001}"

    private(set) var scalars: [Unicode.Scalar] = []
    /// True when a cell boundary (whitespace, line break, cell edge) comes right before the character.
    private(set) var boundary: [Bool] = []
    /// True for the characters of a table cell that holds a label (`数据1`): its digits are not numbers.
    private(set) var inLabelCell: [Bool] = []
    private(set) var placeIndex: [Int32] = []
    private(set) var places: [StreamPlace] = []
    /// The cell boxes (points, `[x0, y0, x1, y1]`, `[row][column]`) of each PDF table, by its 1-based number.
    private(set) var tableBoxes: [Int: [[[Double]]]] = [:]

    var count: Int { scalars.count }

    func place(at i: Int) -> StreamPlace { places[Int(placeIndex[i])] }

    /// Appends `text` from `place`; a boundary is set before its first character.
    mutating func append(_ text: String, at place: StreamPlace, labelCell: Bool = false) {
        let p = Int32(places.count)
        places.append(place)
        var pendingBoundary = true
        for u in text.unicodeScalars {
            guard let n = Self.normalize(u) else { pendingBoundary = true; continue }
            scalars.append(n)
            boundary.append(pendingBoundary)
            inLabelCell.append(labelCell)
            placeIndex.append(p)
            pendingBoundary = false
        }
    }

    /// Appends a marker character (``blankCell``, ``blankRowCell`` or ``tableEnd``).
    mutating func appendMarker(_ marker: Unicode.Scalar, at place: StreamPlace) {
        places.append(place)
        scalars.append(marker)
        boundary.append(true)
        inLabelCell.append(false)
        placeIndex.append(Int32(places.count - 1))
    }

    /// The normal form of one character, or nil for whitespace and invisible characters.
    static func normalize(_ u: Unicode.Scalar) -> Unicode.Scalar? {
        // fast paths: CJK ideographs and printable ASCII other than ( ) need no lookup
        if u.value >= 0x4E00 && u.value <= 0x9FFF { return u }
        if u.value > 0x20 && u.value < 0x7F && u.value != 0x28 && u.value != 0x29 { return u }
        switch u.value {
        case 0x200B...0x200D, 0xFEFF, 0x00AD: return nil
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: return Unicode.Scalar(u.value - 0xFEE0)
        case 0xFF0E: return "."
        case 0xFF0B: return "+"
        case 0xFF0D, 0x2212: return "-"
        case 0xFF05: return "%"
        case 0xFF0F: return "/"
        case 0x28: return "（"
        case 0x29: return "）"
        case 0xFF1A: return ":"
        default:
            if u.properties.isWhitespace || u.value < 0x20 { return nil }
            return u
        }
    }

    /// `text` in normal form, as searched for in the stream.
    static func normalized(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.compactMap(normalize)
    }

    /// The first index ≥ `from` and < `to` where `key` starts, or nil.
    func find(_ key: [Unicode.Scalar], from: Int, to: Int? = nil) -> Int? {
        let end = min(to ?? scalars.count, scalars.count)
        guard let first = key.first, end - from >= key.count, from >= 0 else { return nil }
        var i = from
        let last = end - key.count
        while i <= last {
            if scalars[i] == first {
                var k = 1
                while k < key.count && scalars[i + k] == key[k] { k += 1 }
                if k == key.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// True when `key` occurs at `index`.
    func matches(_ key: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + key.count <= scalars.count else { return false }
        for k in 0..<key.count where scalars[index + k] != key[k] { return false }
        return true
    }

    /// The characters in `range` as a String.
    func text(_ range: Range<Int>) -> String {
        let lo = max(0, range.lowerBound), hi = min(scalars.count, range.upperBound)
        guard lo < hi else { return "" }
        return String(String.UnicodeScalarView(scalars[lo..<hi]))
    }
}

extension CharStream {
    /// Builds the stream of a document. Table rows that hold numbers keep their cells apart; blank cells after
    /// the first filled cell of such a row become ``blankCell``; copies made by rowspan/colspan are skipped.
    /// A row printed entirely blank after its label (`2.其他法律… | &nbsp; | &nbsp; …`) in a table that holds
    /// numbers elsewhere gives a ``blankCell`` for each of its blank cells: not reported, not a cut table.
    init(_ document: SourceDocument) {
        self.init()
        var htmlTable = 0
        for block in document.blocks {
            switch block {
            case let .line(text, number, page):
                // a page number between the halves of a table (`-4-`, `第 3 页`) is no cell of it
                if Self.isPageNumber(text) { continue }
                append(text, at: page.map { .pageLine(page: $0, line: number) } ?? .line(number))
            case let .table(grid):
                htmlTable += 1
                if let boxes = grid.boxes { tableBoxes[htmlTable] = boxes }
                let kindsOfRows = grid.rows.map { row in row.map { CellText.classify($0.text) } }
                let tableHasNumbers = zip(grid.rows, kindsOfRows).contains { row, kinds in
                    zip(row, kinds).contains { $0.isOrigin && $1 == .number }
                }
                for (r, row) in grid.rows.enumerated() {
                    let kinds = kindsOfRows[r]
                    let hasNumber = zip(row, kinds).contains { $0.isOrigin && $1 == .number }
                    let origins = row.indices.filter { row[$0].isOrigin }
                    // a blank row: one to three label cells first, then only blank cells (a header row
                    // mixes labels and blanks)
                    let labels = origins.prefix { kinds[$0] == .label }
                    let lastLabel = labels.last
                    let blankRow = !hasNumber && tableHasNumbers && (1...3).contains(labels.count)
                        && origins.count > labels.count && origins.dropFirst(labels.count).allSatisfy { kinds[$0] == .blank }
                    var seenFilled = false
                    for c in origins {
                        let cell = row[c]
                        let place = Self.place(grid, table: htmlTable, row: r, column: c)
                        switch kinds[c] {
                        case .blank:
                            if hasNumber && seenFilled {
                                appendMarker(Self.blankCell, at: place)
                            } else if blankRow && c > lastLabel! {
                                appendMarker(Self.blankRowCell, at: place)
                            }
                        case .number:
                            seenFilled = true
                            append(cell.text, at: place)
                        case .label:
                            seenFilled = true
                            append(cell.text, at: place, labelCell: true)
                        }
                    }
                }
                appendMarker(Self.tableEnd, at: grid.rows.isEmpty ? (grid.lines.map { .line($0.last ?? 0) } ?? .cell(table: htmlTable, row: 0, column: 1))
                    : Self.place(grid, table: htmlTable, row: grid.rows.count - 1, column: 0))
            }
        }
    }

    /// True for a line that is only a page number: `-4-`, `- 4 -`, `— 4 —`, `第 3 页`, `第3页 共9页`.
    static func isPageNumber(_ line: String) -> Bool {
        let s = Array(normalized(line))
        guard !s.isEmpty, s.count <= 12 else { return false }
        let digits = s.filter(NumberScanner.isDigit)
        guard !digits.isEmpty, digits.count <= 6 else { return false }
        let dashes: Set<Unicode.Scalar> = ["-", "—", "–", "－"]
        if let f = s.first, let l = s.last, dashes.contains(f), dashes.contains(l) {
            return s.dropFirst().dropLast().allSatisfy { NumberScanner.isDigit($0) || dashes.contains($0) } && s.count >= 3
        }
        if s.first == "第" {
            // 第N页, 第N页共M页
            let rest = String(String.UnicodeScalarView(s.filter { !NumberScanner.isDigit($0) }))
            return rest == "第页" || rest == "第页共页"
        }
        return false
    }

    /// The place of a cell (0-based `row`, `column`): its Markdown line, its PDF page and cell, or its HTML cell.
    private static func place(_ grid: GridTable, table: Int, row r: Int, column c: Int) -> StreamPlace {
        if let lines = grid.lines { return .line(r < lines.count ? lines[r] : (lines.last ?? 0)) }
        if let pages = grid.pages, r < pages.count {
            return .pageCell(page: pages[r], table: table, row: r + 1, column: c + 1, guessed: grid.guessed, ocr: grid.ocr)
        }
        return .cell(table: table, row: r + 1, column: c + 1)
    }
}

/// What a table cell holds.
enum CellText: Sendable, Hashable {
    case blank, number, label

    /// Count words that may follow a number in a cell (`12件`).
    static let countWords: Set<String> = ["件", "个", "项", "次", "人次"]

    /// Blank (empty, `—`, `/`, `无`), a number (with sign, decimals, thousands separators, unit), or a label.
    static func classify(_ text: String) -> CellText {
        let s = CharStream.normalized(text)
        if s.isEmpty { return .blank }
        let str = String(String.UnicodeScalarView(s))
        if ["-", "—", "–", "/", "无", "——", "--", "\\"].contains(str) { return .blank }
        var i = 0
        if s[0] == "+" || s[0] == "-" { i = 1 }
        var digits = 0
        while i < s.count, NumberScanner.isDigit(s[i]) || s[i] == "." || s[i] == "," {
            if NumberScanner.isDigit(s[i]) { digits += 1 }
            i += 1
        }
        guard digits > 0 else { return .label }
        if i == s.count { return .number }
        let rest = String(String.UnicodeScalarView(s[i...]))
        return NumberScanner.units.contains { $0.text == rest } || countWords.contains(rest) ? .number : .label
    }
}
