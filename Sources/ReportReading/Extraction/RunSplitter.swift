import SeriesModel

/// One value read for one cell: as printed, as a number in the metric's unit, and how it was converted.
struct CellValue: Sendable, Hashable {
    /// The digits as printed (after normalising), with the unit if one was printed: `75394432.52元`.
    var printed: String
    /// The value in the metric's unit (amounts in 万元).
    var value: Double
    /// `75394432.52元 → 7539.443252万元` when a unit was converted.
    var conversion: String?
    /// Stream index of the token the value came from.
    var position: Int
}

/// How the numbers of one row were read.
struct RowReading: Sendable {
    /// Possible readings, one value (or nil for a blank cell) per cell. One reading means the row is certain.
    var candidates: [[CellValue?]]
    /// True when a run had to be split into several cells.
    var wasSplit: Bool
    /// True when more readings existed than are listed.
    var truncated: Bool
    /// What went wrong, if the row could not be read.
    var problem: RowProblem?
    /// True when no split satisfied the row's sums and the readings ignore them.
    var sumsIgnored = false
    /// Cells whose printed number does not fit the cell (`38.7万` or `-3` as a count, 16+ digits): why.
    var doubts: [Int: String] = [:]
    /// Set when the cells' columns were fixed by the identities rather than read (``BlankPlacement``): the note.
    var placement: String?
}

/// Why a row gave no reading.
enum RowProblem: Sendable, Hashable {
    case noNumbers
    case tooMany(found: Int)
    case noSplit(run: String, found: Int)
    case tooComplex(run: String)
    case unreadable(text: String)
}

/// Splits runs of digits that lost their cell boundaries (`行政许可3960181` → 396 | 0 | 181) into the cells of a row.
///
/// Every split keeps the digits in order, gives each cell a valid number for its kind (no leading zeros, signs only
/// at the start of a run, decimals only in amounts) and satisfies the row's sum groups. The search is bounded by a
/// step budget, so no input can make it blow up.
enum RunSplitter {
    /// The most readings kept for one row.
    static let maxCandidates = 64

    /// Reads `tokens` into `cells` (blank cells beyond the row's end are padding and dropped). `budget` is decremented by the search steps taken.
    static func read(_ tokens: [NumberToken], cells: [CellSpec], sumGroups: [[Int]], budget: inout Int) -> RowReading {
        var tokens = tokens
        while tokens.count > cells.count, tokens.last?.isBlank == true { tokens.removeLast() }
        if tokens.isEmpty { return RowReading(candidates: [], wasSplit: false, truncated: false, problem: .noNumbers) }
        if tokens.count > cells.count {
            return RowReading(candidates: [], wasSplit: false, truncated: false, problem: .tooMany(found: tokens.count))
        }
        if tokens.count == cells.count {
            var row: [CellValue?] = []
            var doubts: [Int: String] = [:]
            for (i, (t, c)) in zip(tokens, cells).enumerated() {
                if t.isBlank { row.append(nil); continue }
                if let why = misfit(t, kind: c.kind) { doubts[i] = why }
                guard let v = value(t.text, unit: t.unit, kind: c.kind, position: t.position) else {
                    return RowReading(candidates: [], wasSplit: false, truncated: false, problem: .unreadable(text: t.text))
                }
                row.append(v)
            }
            return RowReading(candidates: [row], wasSplit: false, truncated: false, problem: nil, doubts: doubts)
        }
        let run = tokens.map { $0.isBlank ? "□" : $0.text + ($0.unit?.text ?? "") }.joined(separator: " ")
        var search = Search(tokens: tokens, cells: cells, sumGroups: sumGroups, enforceSums: true, budget: budget)
        search.run()
        var sumsIgnored = false
        if search.results.isEmpty && !search.exhausted && !sumGroups.isEmpty {
            var loose = Search(tokens: tokens, cells: cells, sumGroups: sumGroups, enforceSums: false, budget: search.budget)
            loose.run()
            search = loose
            sumsIgnored = true
        }
        budget = search.budget
        if search.exhausted {
            return RowReading(candidates: [], wasSplit: true, truncated: true, problem: .tooComplex(run: run))
        }
        if search.results.isEmpty {
            return RowReading(candidates: [], wasSplit: true, truncated: false, problem: .noSplit(run: run, found: tokens.count))
        }
        return RowReading(candidates: search.results, wasSplit: true, truncated: search.truncated, problem: nil,
                          sumsIgnored: sumsIgnored)
    }

    private struct Search {
        /// One cell of the reading being built: a piece of a token and its value (nil for a blank token).
        struct Piece {
            var token: Int
            var lo: Int
            var hi: Int
            var value: Double
        }

        let tokens: [NumberToken]
        /// The ASCII bytes of each token's text (digits, `.`, a sign).
        let bytes: [[UInt8]]
        let cells: [CellSpec]
        /// For each cell that ends a sum group, the group's other cells.
        let groupEnding: [[Int]?]
        let enforceSums: Bool
        var budget: Int
        var results: [[CellValue?]] = []
        var truncated = false
        var exhausted = false
        var current: [Piece?] = []
        let suffixLength: [Int]

        init(tokens: [NumberToken], cells: [CellSpec], sumGroups: [[Int]], enforceSums: Bool, budget: Int) {
            self.tokens = tokens
            self.bytes = tokens.map { Array($0.text.utf8) }
            self.cells = cells
            var ending: [[Int]?] = Array(repeating: nil, count: cells.count)
            for g in sumGroups where g.count >= 2 && g[g.count - 1] < cells.count { ending[g[g.count - 1]] = Array(g.dropLast()) }
            self.groupEnding = ending
            self.enforceSums = enforceSums
            self.budget = budget
            var suffix = Array(repeating: 0, count: tokens.count + 1)
            for t in stride(from: tokens.count - 1, through: 0, by: -1) {
                suffix[t] = suffix[t + 1] + max(1, tokens[t].text.utf8.count)
            }
            self.suffixLength = suffix
        }

        mutating func run() {
            current.reserveCapacity(cells.count)
            step(cell: 0, token: 0, offset: 0)
        }

        /// The reading as cell values (made only for complete readings).
        private func materialize() -> [CellValue?]? {
            var row: [CellValue?] = []
            row.reserveCapacity(current.count)
            for (cell, piece) in current.enumerated() {
                guard let p = piece else { row.append(nil); continue }
                let t = tokens[p.token]
                let text = String(decoding: bytes[p.token][p.lo..<p.hi], as: UTF8.self)
                let unit = p.hi == bytes[p.token].count ? t.unit : nil
                guard let v = RunSplitter.value(text, unit: unit, kind: cells[cell].kind, position: t.position) else { return nil }
                row.append(v)
            }
            return row
        }

        private mutating func step(cell: Int, token: Int, offset: Int) {
            if exhausted || truncated { return }
            budget -= 1
            if budget <= 0 { exhausted = true; return }
            if token == tokens.count {
                if cell == cells.count, let row = materialize() {
                    if results.count >= RunSplitter.maxCandidates { truncated = true } else { results.append(row) }
                }
                return
            }
            guard cell < cells.count else { return }
            let t = tokens[token]
            if t.isBlank {
                current.append(nil)
                if sumHolds(at: cell) { step(cell: cell + 1, token: token + 1, offset: 0) }
                current.removeLast()
                return
            }
            let chars = self.bytes[token]
            let kind = cells[cell].kind
            for end in (offset + 1)...chars.count {
                let remainingCells = cells.count - cell - 1
                let tokensAfter = tokens.count - token - 1
                let minPieces = (end < chars.count ? 1 : 0) + tokensAfter
                let maxPieces = (chars.count - end) + suffixLength[token + 1]
                if remainingCells < minPieces || remainingCells > maxPieces { continue }
                let unit = end == chars.count ? t.unit : nil
                if let u = unit, kind != .amount || !u.name.hasSuffix("元") { continue }
                guard let v = RunSplitter.pieceValue(chars, offset, end, kind: kind, unit: unit) else { continue }
                current.append(Piece(token: token, lo: offset, hi: end, value: v))
                if sumHolds(at: cell) {
                    if end == chars.count {
                        step(cell: cell + 1, token: token + 1, offset: 0)
                    } else {
                        step(cell: cell + 1, token: token, offset: end)
                    }
                }
                current.removeLast()
                if exhausted || truncated { return }
            }
        }

        private func sumHolds(at cell: Int) -> Bool {
            guard enforceSums, let parts = groupEnding[cell], let total = current[cell]?.value else { return true }
            var sum = 0.0
            for p in parts {
                guard let v = current[p]?.value else { return true }
                sum += v
            }
            return abs(sum - total) < 1e-6
        }
    }

    /// The value of `bytes[lo..<hi]` as one cell of `kind` in a split run, or nil when the piece is not a valid
    /// number for the cell (the rules of ``isValid(_:kind:atTokenStart:)``). Amounts with a unit are converted.
    static func pieceValue(_ bytes: [UInt8], _ lo: Int, _ hi: Int, kind: CellKind, unit: CellUnit?) -> Double? {
        var i = lo
        var negative = false
        if bytes[i] == 0x2B || bytes[i] == 0x2D {  // + -
            guard kind == .signedCount, lo == 0 else { return nil }
            negative = bytes[i] == 0x2D
            i += 1
        }
        guard i < hi, hi - i <= maxDigits + 1 else { return nil }
        var mantissa = 0.0, scale = 1.0, dots = 0, intDigits = 0
        let first = bytes[i]
        for k in i..<hi {
            let b = bytes[k]
            if b == 0x2E {
                dots += 1
                guard kind == .amount, dots == 1, k != i, k != hi - 1 else { return nil }
                continue
            }
            guard b >= 0x30 && b <= 0x39 else { return nil }
            mantissa = mantissa * 10 + Double(b - 0x30)
            if dots == 1 { scale *= 10 } else { intDigits += 1 }
        }
        if first == 0x30 && intDigits > 1 { return nil }  // no leading zeros
        if let unit, unit.shift != 0, kind == .amount {
            let text = String(decoding: bytes[lo..<hi], as: UTF8.self)
            return value(text, unit: unit, kind: kind, position: 0)?.value
        }
        let v = mantissa / scale
        return negative ? -v : v
    }

    /// The most digits a number may have and still be held exactly (below 2^53).
    static let maxDigits = 15

    /// Why a printed token does not fit a cell of `kind`, or nil when it does: a count must be a whole number
    /// ≥ 0 without a multiplier (`38.7万` is a rounded figure), a change a whole number, an amount ≥ 0 in a
    /// 元/万元/亿元 unit; no number may have more than ``maxDigits`` digits.
    static func misfit(_ t: NumberToken, kind: CellKind) -> String? {
        let digits = t.text.filter(\.isNumber).count
        if digits > maxDigits { return "has \(digits) digits, more than a number can hold exactly" }
        switch kind {
        case .count:
            if t.unit != nil { return "is a rounded figure with a unit in a count cell" }
            if t.text.hasPrefix("-") { return "is negative in a count cell" }
            if t.text.contains(".") { return "has a fraction in a count cell" }
            if t.text.hasPrefix("+") { return "has a sign in a count cell" }
        case .signedCount:
            if t.unit != nil { return "has a unit in a cell of item counts" }
            if t.text.contains(".") { return "has a fraction in a cell of item counts" }
        case .amount:
            if t.text.hasPrefix("-") { return "is a negative amount" }
            if let u = t.unit, !u.name.hasSuffix("元") { return "is printed with \(u.name), not a unit of money" }
        }
        return nil
    }

    /// True when `piece` can be one cell of `kind` in a split run.
    static func isValid(_ piece: String, kind: CellKind, atTokenStart: Bool) -> Bool {
        var body = Substring(piece)
        if body.count > maxDigits + 1 { return false }
        if let f = body.first, f == "+" || f == "-" {
            guard kind == .signedCount, atTokenStart else { return false }
            body = body.dropFirst()
        }
        guard let first = body.first else { return false }
        let dots = body.filter { $0 == "." }.count
        if dots > 0 {
            guard kind == .amount, dots == 1, first != ".", body.last != "." else { return false }
            let intPart = body.prefix { $0 != "." }
            return intPart.count == 1 || intPart.first != "0"
        }
        return body.count == 1 || first != "0"
    }

    /// The value of a printed number in the unit of `kind` (amounts converted to 万元).
    static func value(_ text: String, unit: CellUnit?, kind: CellKind, position: Int) -> CellValue? {
        var t = Substring(text)
        if t.hasPrefix("+") { t = t.dropFirst() }
        guard !t.isEmpty, t.filter({ $0 == "." }).count <= 1, Double(t) != nil else { return nil }
        let printed = text + (unit?.text ?? "")
        if kind == .amount, let unit, unit.shift != 0 {
            let shifted = shiftDecimal(String(t), by: unit.shift)
            guard let v = Double(shifted) else { return nil }
            return CellValue(printed: printed, value: v, conversion: "\(printed) → \(NumberText.plain(v))万元", position: position)
        }
        guard let v = Double(t), v.isFinite else { return nil }
        return CellValue(printed: printed, value: v, conversion: nil, position: position)
    }

    /// Moves the decimal point of a plain decimal string: `shiftDecimal("75394432.52", by: -4)` is `7539.443252`.
    static func shiftDecimal(_ text: String, by shift: Int) -> String {
        var negative = false
        var t = Substring(text)
        if t.first == "-" { negative = true; t = t.dropFirst() }
        let parts = t.split(separator: ".", omittingEmptySubsequences: false)
        var digits = Array(parts[0] + (parts.count > 1 ? parts[1] : ""))
        var point = parts[0].count + shift
        if point < 0 { digits.insert(contentsOf: repeatElement("0", count: -point), at: 0); point = 0 }
        if point > digits.count { digits.append(contentsOf: repeatElement("0", count: point - digits.count)) }
        var intPart = String(digits[..<point]).drop { $0 == "0" }
        if intPart.isEmpty { intPart = "0" }
        var frac = String(digits[point...])
        while frac.hasSuffix("0") { frac.removeLast() }
        return (negative ? "-" : "") + intPart + (frac.isEmpty ? "" : "." + frac)
    }
}
