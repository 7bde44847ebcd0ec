import SeriesModel

/// Uses the column identities of 表三 to choose among the possible splits of its rows.
///
/// Identity 1 (一 + 二 = （七） + 四) and identity 2 (the outcome rows sum to （七）) hold in every column of a
/// consistent report. Rows with one reading are fixed; rows with several are tried in combination, and a reading
/// survives only if some combination satisfies every identity that can be evaluated. The search has a step budget.
enum IdentitySolver {
    /// One column equation: the rows on the left sum to the rows on the right, in every column.
    struct Equation: Sendable {
        var lhs: [Int]
        var rhs: [Int]
    }

    /// The equations of 表三 for `rows` (the template's row keys, in order).
    static func table3Equations(rowKeys: [String]) -> [Equation] {
        func i(_ k: String) -> Int? { rowKeys.firstIndex(of: k) }
        var eqs: [Equation] = []
        if let n = i("new_received"), let c = i("carried_over"), let t = i("total_processed"), let f = i("carried_forward") {
            eqs.append(Equation(lhs: [n, c], rhs: [t, f]))
        }
        if let g = i("granted"), let t = i("total_processed") {
            eqs.append(Equation(lhs: Array(g..<t), rhs: [t]))
        }
        return eqs
    }

    /// Narrows the candidates of each row to those that take part in some consistent combination.
    /// Rows are left as they were when no combination is consistent or the budget runs out.
    static func solve(_ candidates: [[[CellValue?]]], columns: Int, equations: [Equation], budget: inout Int) -> [[[CellValue?]]] {
        let variable = candidates.indices.filter { candidates[$0].count > 1 }
        guard !variable.isEmpty else { return candidates }
        let usable = equations.filter { eq in (eq.lhs + eq.rhs).allSatisfy { !candidates[$0].isEmpty } }
        guard !usable.isEmpty else { return candidates }
        let depthOf = Dictionary(uniqueKeysWithValues: variable.enumerated().map { ($1, $0) })
        var checksAt: [[Equation]] = Array(repeating: [], count: variable.count)
        for eq in usable {
            let depths = (eq.lhs + eq.rhs).compactMap { depthOf[$0] }
            if let d = depths.max() { checksAt[d].append(eq) }
        }
        var choice = Array(repeating: 0, count: candidates.count)
        var used: [Set<Int>] = Array(repeating: [], count: candidates.count)
        var solutions = 0
        var exhausted = false

        func holds(_ eq: Equation) -> Bool {
            for col in 0..<columns {
                var l = 0.0, r = 0.0
                for row in eq.lhs {
                    guard let v = candidates[row][choice[row]][col]?.value else { return true }
                    l += v
                }
                for row in eq.rhs {
                    guard let v = candidates[row][choice[row]][col]?.value else { return true }
                    r += v
                }
                if abs(l - r) > 1e-6 { return false }
            }
            return true
        }

        func search(_ depth: Int) {
            if exhausted { return }
            budget -= 1
            if budget <= 0 { exhausted = true; return }
            if depth == variable.count {
                solutions += 1
                for row in variable { used[row].insert(choice[row]) }
                return
            }
            let row = variable[depth]
            for k in candidates[row].indices {
                choice[row] = k
                if checksAt[depth].allSatisfy(holds) { search(depth + 1) }
                if exhausted { return }
            }
        }
        search(0)
        guard !exhausted, solutions > 0 else { return candidates }
        var out = candidates
        for row in variable {
            out[row] = used[row].sorted().map { candidates[row][$0] }
        }
        return out
    }
}
