import SeriesModel

/// Checks extracted reports against the template's identities (1–4), across years (5) and against their own
/// running text (6). It reports; it never changes a printed number.
///
/// ```swift
/// let results = try files.map { try ReportExtractor.extract($0.bytes, file: $0.name) }
/// let findings = ReportChecker.check(results)
/// let failed = findings.contains { $0.severity == .error }
/// ```
public enum ReportChecker {
    /// The findings for `results` (extraction issues included).
    public static func check(_ results: [ExtractionResult]) -> [CheckFinding] { run(results).findings }

    /// The findings and the number of equations evaluated.
    public static func run(_ results: [ExtractionResult]) -> CheckReport {
        var ctx = Context()
        for r in results { ctx.checkReport(r) }
        ctx.checkAcrossYears(results)
        return CheckReport(findings: ctx.findings, checked: ctx.checked)
    }

    private struct Values {
        let map: [String: Double]
        init(_ r: ExtractionResult) {
            var m: [String: Double] = [:]
            for o in r.observations where !o.derived {
                m["\(o.metric)@\(o.year)"] = o.value
            }
            for o in r.observations where o.derived { m["\(o.metric)@\(o.year)#derived"] = o.value }
            map = m
        }
        func callAsFunction(_ metric: String, _ year: Int) -> Double? { map["\(metric)@\(year)"] }
        func derived(_ metric: String, _ year: Int) -> Double? { map["\(metric)@\(year)#derived"] }
    }

    private struct Context {
        var findings: [CheckFinding] = []
        var checked = 0

        mutating func equation(rule: String, severity: Severity = .error, file: String, place: String,
                               lhs: [(String, Double?)], rhs: [(String, Double?)], message: String) {
            guard let l = sum(lhs), let r = sum(rhs) else { return }
            checked += 1
            if abs(l - r) > 1e-6 {
                findings.append(CheckFinding(rule: rule, severity: severity, file: file, place: place,
                                             lhs: render(lhs, l), rhs: render(rhs, r), message: message))
            }
        }

        func sum(_ terms: [(String, Double?)]) -> Double? {
            var s = 0.0
            for (_, v) in terms {
                guard let v else { return nil }
                s += v
            }
            return s
        }

        /// `a 1 + b 2 = 3`; a term labelled `− x` (its value negated for the sum) is written `− x 132`, not `+ − x -132`.
        func render(_ terms: [(String, Double?)], _ total: Double) -> String {
            guard terms.count > 1 else { return terms.map { "\($0.0) \(NumberText.plain($0.1 ?? 0))" }.first ?? "" }
            var s = ""
            for (i, (label, value)) in terms.enumerated() {
                if label.hasPrefix("− ") {
                    s += (i == 0 ? "− " : " − ") + label.dropFirst(2) + " " + NumberText.plain(-(value ?? 0))
                } else {
                    s += (i == 0 ? "" : " + ") + label + " " + NumberText.plain(value ?? 0)
                }
            }
            return s + " = \(NumberText.plain(total))"
        }

        mutating func checkReport(_ r: ExtractionResult) {
            let file = r.report.file
            let y = r.report.year
            let v = Values(r)
            for issue in r.issues {
                findings.append(CheckFinding(rule: "extraction", severity: issue.severity, file: file, place: issue.place,
                                             lhs: "", rhs: "", message: issue.message))
            }
            // a 2021-template 表三 that prints the 2019 single （六）其他处理 row is checked with its own 23 rows
            let single = r.observations.contains { $0.metric.hasPrefix("applications.other_handling.") }
                || r.blankCells.contains { $0.metric.hasPrefix("applications.other_handling.") }
                || r.ambiguities.contains { $0.metrics.contains { $0.hasPrefix("applications.other_handling.") } }
            let rows = MetricCatalog.applicationRows(for: single ? .v2019 : r.report.template)
            let cols = MetricCatalog.applicantColumns
            func a(_ row: String, _ col: String) -> Double? { v("applications.\(row).\(col)", y) }
            let label = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0.zh) })
            for col in cols {
                equation(rule: "1 一+二=（七）+四", file: file, place: "table 3, column \(col.zh)",
                         lhs: [("一 新收", a("new_received", col.key)), ("二 上年结转", a("carried_over", col.key))],
                         rhs: [("（七）总计", a("total_processed", col.key)), ("四 结转下年度", a("carried_forward", col.key))],
                         message: "new plus carried-over applications do not equal processed plus carried-forward ones")
                let outcomes = rows.filter { !["new_received", "carried_over", "total_processed", "carried_forward"].contains($0.key) }
                equation(rule: "2 （一）…（六）=（七）", file: file, place: "table 3, column \(col.zh)",
                         lhs: outcomes.map { ($0.zh, a($0.key, col.key)) },
                         rhs: [("（七）总计", a("total_processed", col.key))],
                         message: "the outcome rows do not sum to （七）总计")
            }
            for row in rows {
                equation(rule: "3 row sum", file: file, place: "table 3, row \(label[row.key] ?? row.key)",
                         lhs: cols.dropLast().map { ($0.zh, a(row.key, $0.key)) },
                         rhs: [("总计", a(row.key, "total"))],
                         message: "the six applicant columns do not sum to 总计")
            }
            for g in MetricCatalog.reviewGroups {
                let parts = MetricCatalog.reviewColumns.dropLast()
                equation(rule: "4 表四 group sum", file: file, place: "table 4, \(g.zh)",
                         lhs: parts.map { ($0.zh, v("\(g.key).\($0.key)", y)) },
                         rhs: [("总计", v("\(g.key).total", y))],
                         message: "维持 + 纠正 + 其他 + 尚未审结 do not equal 总计")
            }
            checkNarrative(r, v)
        }

        mutating func checkNarrative(_ r: ExtractionResult, _ v: Values) {
            let y = r.report.year
            for fig in r.narrative {
                var table: [(String, Double)] = []
                switch fig.topic {
                case "normative_docs":
                    for m in ["normative_docs.published", "normative_docs.made", "normative_docs.total", "normative_docs.issued",
                              "normative_docs.in_force"] {
                        if let x = v(m, y) { table.append((m, x)) }
                    }
                case "applications":
                    let n = v("applications.new_received.total", y)
                    let c = v("applications.carried_over.total", y)
                    if let n { table.append(("applications.new_received.total", n)) }
                    if let n, let c { table.append(("new_received.total + carried_over.total", n + c)) }
                    if let t = v("applications.total_processed.total", y) { table.append(("applications.total_processed.total", t)) }
                default:
                    continue
                }
                guard !table.isEmpty else { continue }
                checked += 1
                if !table.contains(where: { abs($0.1 - fig.value) < 1e-6 }) {
                    findings.append(CheckFinding(
                        rule: "6 narrative vs table", severity: .warning, file: r.report.file, place: fig.source,
                        lhs: "text “\(fig.quote)” \(NumberText.plain(fig.value))",
                        rhs: table.map { "\($0.0) \(NumberText.plain($0.1))" }.joined(separator: ", "),
                        message: "the running text states a figure that the tables do not print"))
                }
            }
        }

        mutating func checkAcrossYears(_ results: [ExtractionResult]) {
            let byEntity = Dictionary(grouping: results, by: \.report.entity)
            for entity in byEntity.keys.sorted() {
                var byYear: [Int: ExtractionResult] = [:]
                for r in byEntity[entity]! where byYear[r.report.year] == nil || r.report.format.readsTableCells {
                    byYear[r.report.year] = r
                }
                for year in byYear.keys.sorted() {
                    guard let this = byYear[year], let last = byYear[year - 1] else { continue }
                    let v = Values(this), w = Values(last)
                    let files = "\(last.report.file) → \(this.report.file)"
                    for col in MetricCatalog.applicantColumns {
                        equation(rule: "5 上年结转 = last year's 结转下年度", file: files, place: "table 3, column \(col.zh)",
                                 lhs: [("\(year) 上年结转", v("applications.carried_over.\(col.key)", year))],
                                 rhs: [("\(year - 1) 结转下年度", w("applications.carried_forward.\(col.key)", year - 1))],
                                 message: "this year's carried-over applications differ from last year's carried-forward ones")
                    }
                    if this.report.template == .v2019 && last.report.template == .v2019 {
                        for (p, zh, _) in MetricCatalog.itemRows2019 {
                            equation(rule: "5 上一年项目数量 = last year's 上一年项目数量 + 本年增/减", file: files, place: "table 2, \(zh)",
                                     lhs: [("\(year) 上一年项目数量", v("\(p).items", year - 1))],
                                     rhs: [("\(year - 1) 上一年项目数量 + 本年增/减", w.derived("\(p).items", year - 1))],
                                     message: "the item count does not carry over")
                        }
                    }
                    if this.report.template == .v2021 && last.report.template == .v2021 {
                        for (p, zh) in [("regulations", "规章"), ("normative_docs", "行政规范性文件")] {
                            equation(rule: "5 现行有效 ≈ last year's 现行有效 + 制发 − 废止", severity: .warning, file: files,
                                     place: "table 2, \(zh)",
                                     lhs: [("\(year) 现行有效", v("\(p).in_force", year))],
                                     rhs: [("\(year - 1) 现行有效", w("\(p).in_force", year - 1)),
                                           ("制发", v("\(p).issued", year)),
                                           ("− 废止", v("\(p).repealed", year).map { -$0 })],
                                     message: "the documents in force do not follow from last year's (bodies often re-count)")
                        }
                    }
                }
            }
        }
    }
}
