/// Joins the pieces of a table that page breaks split (§1.7c of the design study).
enum TableJoiner {
    /// How far the pieces' left and right edges may differ, points.
    static let edgeTolerance = 3.0

    /// True when `b` (first table of the next page) can continue `a` (last table of its page): consecutive pages,
    /// both ruled, left and right edges within 3 pt.
    static func fits(_ a: TablePiece, _ b: TablePiece) -> Bool {
        a.construction == .ruled && b.construction == .ruled && b.firstPage == a.lastPage + 1
            && abs(a.lastBox.x0 - b.firstBox.x0) <= edgeTolerance && abs(a.lastBox.x1 - b.firstBox.x1) <= edgeTolerance
    }

    /// What joining did, for tests and logs.
    struct Log: Sendable, Hashable {
        var droppedHeaderRows = 0
        var gluedRows = 0
        var continuedCells = 0
    }

    /// `a` followed by `b` on the union of their column edges; repeated header rows of `b` dropped, a first row of
    /// `b` with no digit (the rest of a row cut by the break) glued to `a`'s last row, and empty non-numeric cells
    /// right below the break continuing the merged cell above.
    static func join(_ a: TablePiece, _ b: TablePiece, log: inout Log) -> TablePiece {
        let xs = clusterValues(a.xs + b.xs, tolerance: edgeTolerance)
        let cols = xs.count - 1
        func columnMap(_ p: TablePiece) -> [Int] {
            (0..<cols).map { u in
                let mid = (xs[u] + xs[u + 1]) / 2
                return interval(mid, in: p.xs) ?? (mid < p.xs[0] ? 0 : p.columnCount - 1)
            }
        }
        let ma = columnMap(a), mb = columnMap(b)
        let offset = a.regions.count
        var at = a.at.map { row in ma.map { row[$0] } }
        var bAt = b.at.map { row in mb.map { row[$0] + offset } }
        var regions = a.regions + b.regions
        var bPages = b.rowPages

        // Repeated header rows: the longest run of b's first rows equal to a's first rows, holding some label text.
        func signature(_ row: [Int]) -> [String] {
            row.indices.map { u in regions[row[u]].text + (u > 0 && row[u] == row[u - 1] ? "\u{1}" : "") }
        }
        var k = 0
        while k < a.rowCount - 1 && k < bAt.count - 1 && signature(at[k]) == signature(bAt[k]) { k += 1 }
        if k > 0 && (0..<k).contains(where: { r in bAt[r].contains { id in regions[id].text.unicodeScalars.contains { !isDigit($0) } } }) {
            bAt.removeFirst(k)
            bPages.removeFirst(k)
            log.droppedHeaderRows += k
        }

        let last = at.count - 1
        func partition(_ row: [Int]) -> [Bool] { (0..<max(0, cols - 1)).map { row[$0] == row[$0 + 1] } }
        // A cut row: no digit, some text, the same cell structure as a's last row. Its cells' text is appended to
        // the cells above; a merged cell that the break cut (text on both sides, running on down on b's page)
        // becomes one cell: the joined text above, and b's part a continuation of it.
        if bAt.count >= 2 {
            let first = bAt[0]
            let ids = orderedUnique(first)
            let texts = ids.map { regions[$0].text }
            let noDigit = !texts.contains { $0.unicodeScalars.contains(where: isDigit) }
            let someText = texts.contains { !$0.isEmpty }
            if noDigit && someText && partition(first) == partition(at[last]) {
                for id in ids where !regions[id].text.isEmpty {
                    guard let u = first.firstIndex(of: id) else { continue }
                    let target = at[last][u]
                    regions[target].text = regions[target].text.isEmpty ? regions[id].text : regions[target].text + "\n" + regions[id].text
                    if bAt[1].contains(id) {
                        regions[id].text = regions[target].text
                        regions[id].continues = true
                        log.continuedCells += 1
                    }
                }
                bAt.removeFirst()
                bPages.removeFirst()
                log.gluedRows += 1
            }
        }

        // Merged cells continuing over the break: empty below, non-numeric text above, same columns.
        if let first = bAt.first {
            for id in orderedUnique(first) where regions[id].text.isEmpty {
                let us = first.indices.filter { first[$0] == id }
                let above = at[last][us[0]]
                let aboveUs = at[last].indices.filter { at[last][$0] == above }
                let text = regions[above].text
                guard us == aboveUs, !text.isEmpty, !text.unicodeScalars.contains(where: isDigit) else { continue }
                regions[id].text = text
                regions[id].continues = true
                log.continuedCells += 1
            }
        }

        at += bAt
        return TablePiece(construction: .ruled, xs: xs, rowPages: a.rowPages + bPages, regions: regions, at: at,
                          boxes: a.boxes + b.boxes)
    }

    private static func orderedUnique(_ row: [Int]) -> [Int] {
        var seen = Set<Int>()
        return row.filter { seen.insert($0).inserted }
    }
}
