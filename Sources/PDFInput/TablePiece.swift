/// A (merged) cell of a table piece: a rectangle of base grid positions on one page.
struct Region: Sendable, Hashable {
    var page: Int
    var box: PDFBox
    var text: String
    /// True when this region continues a merged cell of the previous page: its positions are copies.
    var continues = false
    /// True when the text was read by OCR from a scanned or garbled page.
    var ocr = false
}

/// The part of a table on one page, or a joined table: a grid of positions, each naming its region.
struct TablePiece: Sendable {
    var construction: PDFTableConstruction
    /// Column edges in points (count = columns + 1).
    var xs: [Double]
    /// Page of each row.
    var rowPages: [Int]
    var regions: [Region]
    /// Region index of each position, `[row][column]`.
    var at: [[Int]]
    /// The box on each page, keyed by page.
    var boxes: [(page: Int, box: PDFBox)]

    var rowCount: Int { at.count }
    var columnCount: Int { xs.count - 1 }
    var firstPage: Int { boxes[0].page }
    var lastPage: Int { boxes[boxes.count - 1].page }
    var firstBox: PDFBox { boxes[0].box }
    var lastBox: PDFBox { boxes[boxes.count - 1].box }

    /// Number of regions with text.
    var filledRegions: Int { regions.filter { !$0.text.isEmpty }.count }

    /// True when (r, c) is the first position of its region in row-major order.
    func isFirst(_ r: Int, _ c: Int) -> Bool {
        let id = at[r][c]
        for rr in 0...r {
            for cc in 0..<columnCount where (rr < r || cc < c) && at[rr][cc] == id { return false }
        }
        return true
    }

    /// The public grid: every position with its region's text; copies are not origins.
    func cells() -> [[PDFCell]] {
        var seen = Set<Int>()
        var rows: [[PDFCell]] = []
        rows.reserveCapacity(rowCount)
        for r in 0..<rowCount {
            var row: [PDFCell] = []
            row.reserveCapacity(columnCount)
            for c in 0..<columnCount {
                let id = at[r][c]
                let region = regions[id]
                let origin = !region.continues && seen.insert(id).inserted
                row.append(PDFCell(text: region.text, isOrigin: origin, page: region.page, box: region.box, row: r, column: c,
                                   ocr: region.ocr))
            }
            rows.append(row)
        }
        return rows
    }
}

/// Small union-find over 0..<n.
struct UnionFind {
    private var parent: [Int]
    init(_ n: Int) { parent = Array(0..<n) }
    mutating func find(_ i: Int) -> Int {
        var i = i
        while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
        return i
    }
    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}

/// Values within `tolerance` of their neighbour, sorted and replaced by their mean.
func clusterValues(_ values: [Double], tolerance: Double) -> [Double] {
    var out: [Double] = []
    var group: [Double] = []
    for v in values.sorted() {
        if let last = group.last, v - last > tolerance {
            out.append(group.reduce(0, +) / Double(group.count))
            group = []
        }
        group.append(v)
    }
    if !group.isEmpty { out.append(group.reduce(0, +) / Double(group.count)) }
    return out
}

/// Sorted edges with every interval narrower than 4 pt closed (the later edge dropped; the last edge is kept).
func dropSlivers(_ edges: [Double]) -> [Double] {
    var out: [Double] = []
    for (i, e) in edges.enumerated() {
        if let last = out.last, e - last < 4 {
            if i == edges.count - 1 { out[out.count - 1] = e }
            continue
        }
        out.append(e)
    }
    return out
}

/// Index of the interval of sorted `edges` holding `v` (edges[i] ≤ v < edges[i+1]), or nil outside.
func interval(_ v: Double, in edges: [Double]) -> Int? {
    guard let first = edges.first, let last = edges.last, v >= first, v <= last, edges.count >= 2 else { return nil }
    var lo = 0, hi = edges.count - 1
    while hi - lo > 1 {
        let mid = (lo + hi) / 2
        if edges[mid] <= v { lo = mid } else { hi = mid }
    }
    return lo
}

/// Builds table pieces from rulings (§1.7b) and, for three-line tables, from glyph geometry.
enum TableBuilder {
    static let edgeTolerance = 2.5

    /// The ruled tables of a page, each glyph in the cell holding its centre. Returns the pieces and the indices of
    /// the glyphs they took.
    /// With `cellText`, each region's text is what it returns for the region's box instead of the glyphs' (OCR).
    static func ruled(page: Int, rulings: [Ruling], glyphs: [Glyph],
                      cellText: ((PDFBox) -> String)? = nil) -> (pieces: [TablePiece], used: Set<Int>) {
        guard !rulings.isEmpty else { return ([], []) }
        var uf = UnionFind(rulings.count)
        let t = RulingDetector.meetTolerance
        for i in rulings.indices where rulings[i].axis == .horizontal {
            let h = rulings[i]
            for j in rulings.indices where rulings[j].axis == .vertical {
                let v = rulings[j]
                if v.at >= h.from - t && v.at <= h.to + t && h.at >= v.from - t && h.at <= v.to + t { uf.union(i, j) }
            }
        }
        var groups: [Int: [Ruling]] = [:]
        for i in rulings.indices { groups[uf.find(i), default: []].append(rulings[i]) }
        var pieces: [TablePiece] = []
        var used = Set<Int>()
        for key in groups.keys.sorted() {
            let group = groups[key]!
            let hs = group.filter { $0.axis == .horizontal }, vs = group.filter { $0.axis == .vertical }
            var xs = clusterValues(vs.map(\.at), tolerance: 2), ys = clusterValues(hs.map(\.at), tolerance: 2)
            guard xs.count >= 2, ys.count >= 2 else { continue }
            // An outer border the producer left out (WPS does at page breaks): two or more perpendicular rulings
            // that run on past the last edge and end together mark it.
            func missingEdge(_ ends: [Double], beyond edge: Double, after: Bool) -> Double? {
                guard let far = after ? ends.max() : ends.min(), after ? far > edge + 3 : far < edge - 3 else { return nil }
                return ends.filter { abs($0 - far) <= 3 }.count >= 2 ? far : nil
            }
            if let y = missingEdge(vs.map(\.to), beyond: ys[ys.count - 1], after: true) { ys.append(y) }
            if let y = missingEdge(vs.map(\.from), beyond: ys[0], after: false) { ys.insert(y, at: 0) }
            if let x = missingEdge(hs.map(\.to), beyond: xs[xs.count - 1], after: true) { xs.append(x) }
            if let x = missingEdge(hs.map(\.from), beyond: xs[0], after: false) { xs.insert(x, at: 0) }
            // A double border (two lines a few points apart) would make a sliver of a row or column that no text
            // fits in, and blank cells the extractor would count: keep one edge of each.
            xs = dropSlivers(xs); ys = dropSlivers(ys)
            guard xs.count >= 2, ys.count >= 2 else { continue }
            if var piece = grid(page: page, xs: xs, ys: ys, hs: hs, vs: vs) {
                var taken = Set<Int>()
                if let cellText {
                    for k in piece.regions.indices { piece.regions[k].text = cellText(piece.regions[k].box) }
                } else {
                    taken = fill(&piece, ys: ys, glyphs: glyphs)
                }
                if piece.filledRegions >= 2 {
                    pieces.append(piece)
                    used.formUnion(taken)
                }
            }
        }
        return (pieces, used)
    }

    private static func grid(page: Int, xs: [Double], ys: [Double], hs: [Ruling], vs: [Ruling]) -> TablePiece? {
        let rows = ys.count - 1, cols = xs.count - 1
        let e = edgeTolerance
        func hasVertical(_ x: Double, _ y0: Double, _ y1: Double) -> Bool {
            vs.contains { abs($0.at - x) <= e && $0.from <= y0 + e && $0.to >= y1 - e }
        }
        func hasHorizontal(_ y: Double, _ x0: Double, _ x1: Double) -> Bool {
            hs.contains { abs($0.at - y) <= e && $0.from <= x0 + e && $0.to >= x1 - e }
        }
        var uf = UnionFind(rows * cols)
        for r in 0..<rows {
            for c in 0..<cols {
                if c + 1 < cols && !hasVertical(xs[c + 1], ys[r], ys[r + 1]) { uf.union(r * cols + c, r * cols + c + 1) }
                if r + 1 < rows && !hasHorizontal(ys[r + 1], xs[c], xs[c + 1]) { uf.union(r * cols + c, (r + 1) * cols + c) }
            }
        }
        var ids: [Int: Int] = [:]
        var regions: [Region] = []
        var at = [[Int]](repeating: [Int](repeating: 0, count: cols), count: rows)
        for r in 0..<rows {
            for c in 0..<cols {
                let root = uf.find(r * cols + c)
                let box = PDFBox(x0: xs[c], y0: ys[r], x1: xs[c + 1], y1: ys[r + 1])
                if let id = ids[root] {
                    regions[id].box = regions[id].box.union(box)
                    at[r][c] = id
                } else {
                    ids[root] = regions.count
                    at[r][c] = regions.count
                    regions.append(Region(page: page, box: box, text: ""))
                }
            }
        }
        return TablePiece(construction: .ruled, xs: xs, rowPages: Array(repeating: page, count: rows), regions: regions,
                          at: at, boxes: [(page, PDFBox(x0: xs[0], y0: ys[0], x1: xs[cols], y1: ys[rows]))])
    }

    /// Puts each glyph whose centre lies in the piece into its region; sets the regions' texts.
    private static func fill(_ piece: inout TablePiece, ys: [Double], glyphs: [Glyph]) -> Set<Int> {
        var byRegion = [[Glyph]](repeating: [], count: piece.regions.count)
        var taken = Set<Int>()
        for (i, g) in glyphs.enumerated() {
            guard let c = interval(g.cx, in: piece.xs), let r = interval(g.cy, in: ys) else { continue }
            byRegion[piece.at[r][c]].append(g)
            taken.insert(i)
        }
        for k in piece.regions.indices { piece.regions[k].text = TextLines.cellText(byRegion[k]) }
        return taken
    }

    /// Three-line tables (三线表): groups of two or more long horizontal rulings with the same extent and no
    /// verticals. Rows are the text lines between the top and bottom rulings; columns are the x-gaps shared by the
    /// lines that hold digits. Such a grid is a guess and is marked `.glyphGeometry`.
    static func threeLine(page: Int, loose: [Ruling], glyphs: [Glyph], exclude used: Set<Int>, minWidth: Double) -> (pieces: [TablePiece], used: Set<Int>) {
        let long = loose.filter { $0.to - $0.from >= minWidth }.sorted { ($0.at, $0.from) < ($1.at, $1.from) }
        var groups: [[Ruling]] = []
        for r in long {
            if let k = groups.firstIndex(where: { g in abs(g[0].from - r.from) <= 6 && abs(g[0].to - r.to) <= 6 }) {
                groups[k].append(r)
            } else {
                groups.append([r])
            }
        }
        var pieces: [TablePiece] = []
        var taken = Set<Int>()
        for g in groups where g.count >= 2 {
            let top = g[0], bottom = g[g.count - 1]
            let x0 = min(top.from, bottom.from), x1 = max(top.to, bottom.to)
            var inside: [Int] = []
            for (i, gl) in glyphs.enumerated() where !used.contains(i) && !taken.contains(i) {
                if gl.cx >= x0 && gl.cx <= x1 && gl.cy > top.at && gl.cy < bottom.at { inside.append(i) }
            }
            guard let piece = geometryPiece(page: page, glyphs: inside.map { glyphs[$0] }, x0: x0, x1: x1, y0: top.at, y1: bottom.at) else { continue }
            pieces.append(piece)
            taken.formUnion(inside)
        }
        return (pieces, taken)
    }

    private static func geometryPiece(page: Int, glyphs: [Glyph], x0: Double, x1: Double, y0: Double, y1: Double) -> TablePiece? {
        let lines = TextLines.lines(glyphs)
        guard lines.count >= 2 else { return nil }
        let heights = glyphs.map(\.height).sorted()
        let h = heights[heights.count / 2]
        let numeric = lines.filter { $0.contains { isDigit($0.scalar) } }
        let basis = numeric.count >= 2 ? numeric : lines
        // Covered x intervals of the basis lines; a gap wider than the median glyph height separates columns.
        let spans = basis.flatMap { $0 }.map { ($0.x0, $0.x1) }.sorted { $0 < $1 }
        var merged: [(Double, Double)] = []
        for s in spans {
            if let last = merged.last, s.0 - last.1 <= h { merged[merged.count - 1].1 = max(last.1, s.1) } else { merged.append(s) }
        }
        guard merged.count >= 2 else { return nil }
        var xs = [x0]
        for k in 1..<merged.count { xs.append((merged[k - 1].1 + merged[k].0) / 2) }
        xs.append(x1)
        let cols = xs.count - 1
        var regions: [Region] = []
        var at: [[Int]] = []
        for (r, line) in lines.enumerated() {
            let top = r == 0 ? y0 : (line.map(\.y0).min()! + lines[r - 1].map(\.y1).max()!) / 2
            let bottom = r == lines.count - 1 ? y1 : (line.map(\.y1).max()! + lines[r + 1].map(\.y0).min()!) / 2
            var byColumn = [[Glyph]](repeating: [], count: cols)
            for g in line { byColumn[interval(g.cx, in: xs) ?? (g.cx < xs[0] ? 0 : cols - 1)].append(g) }
            var row: [Int] = []
            for c in 0..<cols {
                row.append(regions.count)
                regions.append(Region(page: page, box: PDFBox(x0: xs[c], y0: top, x1: xs[c + 1], y1: bottom),
                                      text: TextLines.text(byColumn[c])))
            }
            at.append(row)
        }
        let piece = TablePiece(construction: .glyphGeometry, xs: xs, rowPages: Array(repeating: page, count: lines.count),
                               regions: regions, at: at, boxes: [(page, PDFBox(x0: x0, y0: y0, x1: x1, y1: y1))])
        return piece.filledRegions >= 2 ? piece : nil
    }
}

/// An ASCII or full-width digit.
func isDigit(_ u: Unicode.Scalar) -> Bool {
    (0x30...0x39).contains(u.value) || (0xFF10...0xFF19).contains(u.value)
}
