import SeriesModel

/// A unit printed inside a cell, and how it converts to the template's 万元.
struct CellUnit: Sendable, Hashable {
    /// The unit as printed after normalising, e.g. `元`, `（万元）`.
    let text: String
    /// The short name, e.g. `元`.
    let name: String
    /// Powers of ten to shift the decimal point to get 万元 (−4 for 元, +4 for 亿元).
    let shift: Int
}

/// A run of number characters between two cell boundaries, or a blank cell.
struct NumberToken: Sendable, Hashable {
    /// Digits with optional sign and decimal point, e.g. `-640`, `75394432.52`, `270020130`; empty when blank.
    var text: String
    /// The unit printed right after the number, if any.
    var unit: CellUnit?
    /// Stream index of the first character.
    var position: Int
    /// True for a blank cell (not reported).
    var isBlank: Bool { text.isEmpty }
}

/// Finds number tokens in a stretch of the character stream.
enum NumberScanner {
    static func isDigit(_ u: Unicode.Scalar) -> Bool { u.value >= 0x30 && u.value <= 0x39 }

    /// Units recognised right after a number, longest first.
    static let units: [CellUnit] = [
        CellUnit(text: "（万元）", name: "万元", shift: 0), CellUnit(text: "万元", name: "万元", shift: 0),
        CellUnit(text: "（亿元）", name: "亿元", shift: 4), CellUnit(text: "亿元", name: "亿元", shift: 4),
        CellUnit(text: "（元）", name: "元", shift: -4), CellUnit(text: "元", name: "元", shift: -4),
        // multipliers without a unit of money: a count printed as 38.7万 is a rounded figure (flagged, never read as 38.7)
        CellUnit(text: "万", name: "万", shift: 4), CellUnit(text: "亿", name: "亿", shift: 8),
    ].map { $0 }

    private static let unitScalars: [(CellUnit, [Unicode.Scalar])] = units.map { ($0, Array($0.text.unicodeScalars)) }

    /// The tokens in `range`. Signs always start a token; `,` between digits followed by three digits is a
    /// thousands separator; the scan stops at the end of a table once a token was found (once `wanted` tokens
    /// were found, when given: a row printed as several small tables, like 表四's three groups); the blanks of
    /// rows printed blank count only when `blankRows`.
    static func tokens(in stream: CharStream, _ range: Range<Int>, wanted: Int? = nil, blankRows: Bool = true) -> [NumberToken] {
        let s = stream.scalars
        var out: [NumberToken] = []
        var i = max(range.lowerBound, 0)
        let end = min(range.upperBound, s.count)
        while i < end {
            let c = s[i]
            if c == CharStream.tableEnd {
                if !out.isEmpty && out.count >= (wanted ?? 0) { break }
                i += 1
                continue
            }
            if c == CharStream.blankRowCell && !blankRows { i += 1; continue }
            if c == CharStream.blankCell || c == CharStream.blankRowCell {
                out.append(NumberToken(text: "", unit: nil, position: i))
                i += 1
                continue
            }
            let signed = (c == "+" || c == "-") && i + 1 < end && isDigit(s[i + 1]) && !stream.boundary[i + 1]
            // digits glued to the words of a label cell (`数据1`, `第2项`) are part of the label
            let inLabel = stream.inLabelCell[i] && !stream.boundary[i] && i > 0 && !isDigit(s[i - 1])
            if inLabel {
                i += 1
                while i < end, !stream.boundary[i], isDigit(s[i]) || s[i] == "." { i += 1 }
                continue
            }
            guard isDigit(c) || signed else { i += 1; continue }
            var text = String(Character(c))
            var j = i + 1
            while j < end, !stream.boundary[j] {
                let d = s[j]
                if isDigit(d) || d == "." {
                    text.unicodeScalars.append(d)
                } else if d == ",", j + 3 < end, (1...3).allSatisfy({ isDigit(s[j + $0]) && !stream.boundary[j + $0] }),
                          j + 4 >= end || !isDigit(s[j + 4]) || stream.boundary[j + 4] {
                    // thousands separator: dropped
                } else {
                    break
                }
                j += 1
            }
            while text.hasSuffix(".") { text.removeLast(); }
            var unit: CellUnit?
            for (u, scalars) in unitScalars where j + scalars.count <= end {
                if (0..<scalars.count).allSatisfy({ s[j + $0] == scalars[$0] }) {
                    unit = u
                    j += scalars.count
                    break
                }
            }
            if text != "+" && text != "-" && !text.isEmpty {
                out.append(NumberToken(text: text, unit: unit, position: i))
            }
            i = j
        }
        return out
    }
}
