import SeriesModel

/// Places the numbers of 表三 rows whose blank cells vanished (`pdftotext` prints a blank cell as nothing, so a row
/// `258 | 12 | □ | □ | 1 | 1 | □` comes out as `258 12 1 1`) by the template's identities.
///
/// The hypothesis: every printed number is one whole cell, in row order, and each missing cell is blank. A row of
/// `k` numbers can then sit in C(7, k) ways. A placement survives only if, with every other row's placement, the
/// column identities hold (一 + 二 = （七） + 四, and the outcome rows sum to （七）) and the row's own sum holds. In the
/// six applicant columns a blank cell counts as 0 (no application of that kind); the 总计 column is the rows' own
/// sum, so a blank 总计 cell was not worked out: an equation through one is not evaluated in that column, nor is
/// a row's sum whose 总计 is blank (bodies that leave the outcome rows' 总计 empty). Cells on which
/// all surviving placements agree are certain; the others stay open. When no placement at all satisfies the
/// identities, the hypothesis is rejected and the rows keep their ordinary readings.
enum BlankPlacement {
    /// The most combinations of the four flow rows (一, 二, （七）, 四) tried, and the most partial sums kept per row.
    static let maxFlowCombinations = 200_000
    static let maxStates = 40_000

    /// The placements of `tokens` (whole cells, in order) over `cells` cells, those whose row sum holds or cannot be
    /// evaluated; nil when a token cannot be one whole count cell.
    static func placements(_ tokens: [NumberToken], cells: [CellSpec]) -> [[CellValue?]]? {
        let n = cells.count, k = tokens.count
        guard k <= n else { return nil }
        var values: [CellValue] = []
        for (t, c) in zip(tokens, cells) {
            guard !t.isBlank, c.kind == .count, RunSplitter.misfit(t, kind: .count) == nil,
                  RunSplitter.isValid(t.text, kind: .count, atTokenStart: true),
                  let v = RunSplitter.value(t.text, unit: nil, kind: .count, position: t.position) else { return nil }
            values.append(v)
        }
        var out: [[CellValue?]] = []
        var row = [CellValue?](repeating: nil, count: n)
        func place(_ token: Int, from column: Int) {
            if token == k {
                if rowSumHolds(row) { out.append(row) }
                return
            }
            guard n - column >= k - token else { return }
            for c in column..<n {
                row[c] = values[token]
                place(token + 1, from: c + 1)
                row[c] = nil
            }
        }
        place(0, from: 0)
        return out
    }

    /// The six applicant columns sum to 总计, blank counting as 0; not evaluated when either side is blank throughout.
    static func rowSumHolds(_ row: [CellValue?]) -> Bool {
        guard row.count == 7, let total = row[6]?.value else { return true }
        let parts = row[0..<6].compactMap { $0?.value }
        guard !parts.isEmpty else { return true }
        return abs(parts.reduce(0, +) - total) < 1e-6
    }

    /// For each template row (in `keys` order), the placements that take part in some solution; nil when the
    /// hypothesis fails (a row without candidates, too many combinations, or no solution).
    static func solve(_ candidates: [[[CellValue?]]], keys: [String]) -> [[[CellValue?]]]? {
        func i(_ k: String) -> Int? { keys.firstIndex(of: k) }
        guard let n = i("new_received"), let c = i("carried_over"), let t = i("total_processed"), let f = i("carried_forward"),
              let g = i("granted"), g < t else { return nil }
        let outcome = Array(g..<t)
        guard !candidates.contains(where: \.isEmpty) else { return nil }
        let flowCount = candidates[n].count * candidates[c].count * candidates[t].count * candidates[f].count
        guard flowCount <= maxFlowCombinations else { return nil }
        var used: [Set<Int>] = Array(repeating: [], count: candidates.count)
        var byTarget: [Int: [Set<Int>]] = [:]
        for a in candidates[n].indices {
            for b in candidates[c].indices {
                for d in candidates[t].indices {
                    for e in candidates[f].indices {
                        guard columnsHold(lhs: [candidates[n][a], candidates[c][b]], rhs: [candidates[t][d], candidates[f][e]]) else { continue }
                        if byTarget[d] == nil {
                            guard let solved = outcomeSolutions(outcome.map { candidates[$0] }, target: candidates[t][d]) else { return nil }
                            byTarget[d] = solved
                        }
                        let outcomeUse = byTarget[d]!
                        guard !outcomeUse.allSatisfy(\.isEmpty) else { continue }
                        used[n].insert(a); used[c].insert(b); used[t].insert(d); used[f].insert(e)
                        for (m, row) in outcome.enumerated() { used[row].formUnion(outcomeUse[m]) }
                    }
                }
            }
        }
        guard !used[n].isEmpty else { return nil }
        return candidates.indices.map { r in
            // rows outside the identities (none in the template) keep every candidate
            used[r].isEmpty ? candidates[r] : used[r].sorted().map { candidates[r][$0] }
        }
    }

    /// Σ lhs = Σ rhs in every applicant column (a blank cell counts as 0) and in the 总计 column when all its terms are
    /// printed.
    static func columnsHold(lhs: [[CellValue?]], rhs: [[CellValue?]]) -> Bool {
        for col in 0..<7 {
            var l = 0.0, r = 0.0, all = true
            for row in lhs { if let v = row[col]?.value { l += v } else { all = false } }
            for row in rhs { if let v = row[col]?.value { r += v } else { all = false } }
            if (col < 6 || all) && abs(l - r) > 1e-6 { return false }
        }
        return true
    }

    /// The candidates of the outcome rows that take part in some solution of "outcome rows sum to `target`" (in
    /// every applicant column, blank = 0; in the 总计 column when every term is printed): forward over the rows
    /// keeping the reachable partial sums, back from the sums that satisfy the equation. Empty sets when there is no
    /// solution, nil when the search is too large.
    static func outcomeSolutions(_ rows: [[[CellValue?]]], target: [CellValue?]) -> [Set<Int>]? {
        // a state: the 7 partial sums and whether every 总计 cell so far was printed
        struct State: Hashable { var sums: [Int64]; var allTotals: Bool }
        let goal: [Int64?] = (0..<7).map { col in target[col].map { Int64($0.value.rounded()) } ?? (col < 6 ? 0 : nil) }
        func add(_ s: State, _ row: [CellValue?]) -> State? {
            var n = s
            for col in 0..<7 {
                guard let v = row[col]?.value else {
                    if col == 6 { n.allTotals = false; n.sums[6] = 0 }
                    continue
                }
                if col == 6 && !n.allTotals { continue }
                n.sums[col] += Int64(v.rounded())
                if let g = goal[col], n.sums[col] > g { return nil }
            }
            return n
        }
        var levels: [Set<State>] = [[State(sums: Array(repeating: 0, count: 7), allTotals: true)]]
        for row in rows {
            var next = Set<State>()
            for s in levels.last! {
                for cand in row { if let n = add(s, cand) { next.insert(n) } }
            }
            if next.count > maxStates { return nil }
            levels.append(next)
        }
        var good = Set(levels.last!.filter { s in
            (0..<6).allSatisfy { s.sums[$0] == goal[$0]! } && (!s.allTotals || goal[6] == nil || s.sums[6] == goal[6]!)
        })
        var used: [Set<Int>] = Array(repeating: [], count: rows.count)
        for r in stride(from: rows.count - 1, through: 0, by: -1) {
            var here = Set<State>()
            for s in levels[r] {
                for (k, cand) in rows[r].enumerated() {
                    if let n = add(s, cand), good.contains(n) { used[r].insert(k); here.insert(s) }
                }
            }
            good = here
        }
        return used
    }
}
