import SeriesModel

/// Keeps an OCR'd value only where the template's identities confirm it.
///
/// OCR misreads digits (`3` as `2`, `6` as `0`), so a value whose source says `(OCR)` is emitted only when the
/// equations it takes part in hold with every term read: a 表三 cell needs its row sum (the six applicant columns =
/// 总计) **and** one of its column identities (一 + 二 = （七） + 四, or the outcome rows = （七）); a 表四 cell needs its
/// group sum (维持 + 纠正 + 其他 + 尚未审结 = 总计). Blank cells count as 0. 表二 has no identity, so its OCR'd
/// values are never confirmed. Every value not confirmed becomes a warning that quotes what OCR read; a derived value
/// is kept only when the OCR values it comes from are.
enum OCRConfirmation {
    static func isOCR(_ source: String) -> Bool { SourceRef(parsing: source).notes.contains("OCR") }

    static func confirm(_ observations: [Observation], blanks: [BlankCell], template: TemplateVersion, year: Int)
        -> (kept: [Observation], flagged: [ExtractionIssue]) {
        guard observations.contains(where: { isOCR($0.source) }) else { return (observations, []) }
        var values: [String: Double] = [:]
        for o in observations where !o.derived && o.year == year { values[o.metric] = o.value }
        for b in blanks where b.year == year && values[b.metric] == nil { values[b.metric] = 0 }
        func holds(_ lhs: [String], _ rhs: [String]) -> Bool {
            var l = 0.0, r = 0.0
            for m in lhs { guard let v = values[m] else { return false }; l += v }
            for m in rhs { guard let v = values[m] else { return false }; r += v }
            return abs(l - r) < 1e-6
        }
        // Equations as metric lists, each with its kind.
        enum Kind { case row, column, group }
        var equations: [(kind: Kind, lhs: [String], rhs: [String])] = []
        let rows = MetricCatalog.applicationRows(for: template)
        let cols = MetricCatalog.applicantColumns
        func a(_ row: String, _ col: String) -> String { "applications.\(row).\(col)" }
        let flow = ["new_received", "carried_over", "total_processed", "carried_forward"]
        for col in cols {
            equations.append((.column, [a("new_received", col.key), a("carried_over", col.key)],
                              [a("total_processed", col.key), a("carried_forward", col.key)]))
            equations.append((.column, rows.filter { !flow.contains($0.key) }.map { a($0.key, col.key) }, [a("total_processed", col.key)]))
        }
        for row in rows {
            equations.append((.row, cols.dropLast().map { a(row.key, $0.key) }, [a(row.key, "total")]))
        }
        for g in MetricCatalog.reviewGroups {
            equations.append((.group, MetricCatalog.reviewColumns.dropLast().map { "\(g.key).\($0.key)" }, ["\(g.key).total"]))
        }
        func confirmed(_ metric: String) -> Bool {
            let mine = equations.filter { $0.lhs.contains(metric) || $0.rhs.contains(metric) }
            let held = Set(mine.filter { holds($0.lhs, $0.rhs) }.map { "\($0.kind)" })
            if metric.hasPrefix("applications.") { return held.contains("row") && held.contains("column") }
            return held.contains("group")
        }
        var kept: [Observation] = []
        var flagged: [ExtractionIssue] = []
        var rejected = Set<String>()
        for o in observations where !o.derived && isOCR(o.source) && !(o.year == year && confirmed(o.metric)) {
            rejected.insert("\(o.metric)@\(o.year)")
        }
        for o in observations {
            guard isOCR(o.source) else { kept.append(o); continue }
            // A derived value (last year's items from this year's change) stands or falls with its OCR'd parts.
            let parts = o.derived
                ? [o.metric.replacingOccurrences(of: ".items", with: ".items_change") + "@\(year)", "\(o.metric)@\(year - 1)"]
                : ["\(o.metric)@\(o.year)"]
            if parts.contains(where: rejected.contains) {
                flagged.append(ExtractionIssue(severity: .warning, place: "\(o.metric) \(o.year) (\(o.source))",
                                               message: ExtractionMessages.ocrUnconfirmed(NumberText.plain(o.value))))
            } else {
                kept.append(o)
            }
        }
        return (kept, flagged)
    }
}
