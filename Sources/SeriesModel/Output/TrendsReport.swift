import Foundation

/// Writes trends and findings as CSV, JSON, a terminal table or Markdown — the output of `trendplot trends`.
///
/// ```swift
/// var text = ""
/// try TrendsReport.trends(dataset, series: Array(0..<dataset.seriesCount), format: .csv) { text += $0 }
/// ```
public enum TrendsReport {
    /// Output formats.
    public enum Format: String, Sendable, CaseIterable {
        case table, csv, json, md
    }

    /// Writes the rows (and, for JSON, the per-series summaries, conflicts and errors) of the series at
    /// `series` (indices into `dataset`), restricted to `from...to`, piece by piece to `write`.
    public static func trends(_ dataset: Dataset, series: [Int], from: Int? = nil, to: Int? = nil,
                              format: Format, language: Language = .zh, indexBase: Int? = nil, write: (String) -> Void) throws {
        func meta(_ index: Int) -> (unit: String, label: String) { dataset.unitAndLabel(ofSeries: index, language: language) }
        switch format {
        case .csv:
            TrendsCSVWriter.write(dataset, series: series, from: from, to: to, language: language, indexBase: indexBase) {
                write(String(decoding: $0, as: UTF8.self))
            }
        case .json:
            var out: [SeriesJSON] = []
            for i in series {
                let s = dataset.series(at: i).restricted(from: from, to: to)
                guard !s.points.isEmpty else { continue }
                let m = meta(i)
                out.append(SeriesJSON(series: s, unit: m.unit, label: m.label, indexBase: indexBase))
            }
            let doc = TrendsJSON(series: out, conflicts: dataset.conflicts, errors: dataset.errors.map(\.description))
            write(try encode(doc) + "\n")
        case .table, .md:
            let zh = language == .zh
            let header = zh ? ["主体", "指标", "年份", "数值", "同比增减", "同比"] : ["entity", "metric", "year", "value", "change", "change %"]
            var rows: [[String]] = []
            var summaries: [[String]] = []
            for i in series {
                let s = dataset.series(at: i).restricted(from: from, to: to)
                guard !s.points.isEmpty else { continue }
                let m = meta(i)
                for r in TrendRow.rows(of: s) {
                    rows.append([r.entity, m.label, String(r.year), valueText(r.value, unit: m.unit),
                                 r.change.absolute.map { NumberText.signed($0, fractionDigits: $0 == $0.rounded() ? 0 : 2) } ?? "",
                                 relativeText(r.change.relative, zh: zh)])
                }
                let sum = s.summary()
                summaries.append([s.entity, m.label, "\(sum.firstYear)–\(sum.lastYear)",
                                  relativeText(sum.cagr, zh: zh, signed: true),
                                  sum.trend.map { NumberText.signed($0.slope, fractionDigits: 2) } ?? "",
                                  sum.trend?.r2.map { NumberText.positional($0, fractionDigits: 3) } ?? "",
                                  sum.trend.map { directionText($0.direction, zh: zh) } ?? "",
                                  sum.gaps.map(String.init).joined(separator: " ")])
            }
            let sumHeader = zh ? ["主体", "指标", "年份", "年均增速", "斜率/年", "R²", "趋势", "缺失年份"]
                               : ["entity", "metric", "years", "CAGR", "slope/yr", "R²", "trend", "gaps"]
            if format == .table {
                write(TextTable.render(header: header, rows: rows, rightAligned: [2, 3, 4, 5]))
                write("\n")
                write(TextTable.render(header: sumHeader, rows: summaries, rightAligned: [3, 4, 5]))
            } else {
                write(markdown(header: header, rows: rows, right: [2, 3, 4, 5]))
                write("\n")
                write(markdown(header: sumHeader, rows: summaries, right: [3, 4, 5]))
            }
        }
    }

    /// Writes one summary per series (span, CAGR, trend line, largest moves) as CSV, or as JSON objects.
    public static func summaries(_ dataset: Dataset, series: [Int], from: Int? = nil, to: Int? = nil,
                                 format: Format, write: (String) -> Void) throws {
        if format != .json {
            return TrendsCSVWriter.writeSummaries(dataset, series: series, from: from, to: to) { write(String(decoding: $0, as: UTF8.self)) }
        }
        var chunk = "[\n"
        var first = true
        for i in series {
            let s = dataset.series(at: i).restricted(from: from, to: to)
            guard !s.points.isEmpty else { continue }
            let summary = s.summary()
            if format == .json {
                chunk += (first ? "" : ",\n") + (try encode(SummaryJSON(summary: summary, withKey: true)))
            } else {
                chunk += summary.csvLine
                chunk += "\n"
            }
            first = false
            if chunk.utf8.count > 1 << 20 { write(chunk); chunk = "" }
        }
        if format == .json { chunk += "\n]\n" }
        write(chunk)
    }

    /// The shares of the 表三 outcome and applicant groups per entity and year, with the shift in percentage
    /// points from the previous year with data, as CSV (`entity,group,part,year,value,total,share_pct,shift_pp`),
    /// JSON, a table or Markdown.
    public static func shares(_ dataset: Dataset, entities: [String], from: Int? = nil, to: Int? = nil,
                              format: Format, language: Language = .zh) throws -> String {
        struct Row: Encodable {
            var entity: String, group: String, part: String, year: Int, value: Double, total: Double
            var share_pct: Double?, shift_pp: Double?
        }
        var rows: [Row] = []
        var labels: [String: String] = [:]
        for group in [ShareGroup.applicationOutcomes, ShareGroup.applicants] {
            for p in group.parts { labels[group.id + "." + p.key] = language == .zh ? p.zh : p.en }
            labels[group.id] = language == .zh ? group.zh : group.en
            for e in entities {
                let years = (dataset.series(entity: e, metric: group.total.metrics[0])?.years ?? [])
                    .filter { $0 >= (from ?? Int.min) && $0 <= (to ?? Int.max) }
                var previous: [String: Double] = [:]
                for y in years {
                    var now: [String: Double] = [:]
                    for sh in group.shares(in: dataset, entity: e, year: y) {
                        let pct = sh.share.percent
                        now[sh.part] = pct
                        let shift: Double? = if let pct, let before = previous[sh.part] { pct - before } else { nil }
                        rows.append(Row(entity: e, group: group.id, part: sh.part, year: y, value: sh.value, total: sh.total,
                                        share_pct: pct, shift_pp: shift))
                    }
                    previous = now
                }
            }
        }
        switch format {
        case .json:
            return try encode(rows) + "\n"
        case .csv:
            var s = "entity,group,part,year,value,total,share_pct,shift_pp\n"
            for r in rows {
                s += [TidyTable.escape(r.entity), r.group, r.part, String(r.year), TrendRow.number(r.value), TrendRow.number(r.total),
                      r.share_pct.map(TrendRow.decimal) ?? "", r.shift_pp.map(TrendRow.decimal) ?? ""].joined(separator: ",") + "\n"
            }
            return s
        case .table, .md:
            let zh = language == .zh
            let header = zh ? ["主体", "构成", "部分", "年份", "数值", "合计", "占比", "较上期（百分点）"]
                            : ["entity", "group", "part", "year", "value", "total", "share", "shift (pp)"]
            let body = rows.map { r in
                [r.entity, labels[r.group] ?? r.group, labels[r.group + "." + r.part] ?? r.part, String(r.year),
                 valueText(r.value, unit: ""), valueText(r.total, unit: ""),
                 r.share_pct.map { NumberText.positional($0, fractionDigits: 1) + "%" } ?? "—",
                 r.shift_pp.map { NumberText.signed($0, fractionDigits: 1) } ?? ""]
            }
            return format == .table ? TextTable.render(header: header, rows: body, rightAligned: [3, 4, 5, 6, 7])
                                    : markdown(header: header, rows: body, right: [3, 4, 5, 6, 7])
        }
    }

    /// The rank of each entity per metric and year (1 = largest; ties share a rank), as CSV
    /// (`metric,year,rank,entity,value`), JSON, a table or Markdown.
    public static func ranks(_ dataset: Dataset, metrics: [String], entities: [String]? = nil, from: Int? = nil, to: Int? = nil,
                             format: Format, language: Language = .zh) throws -> String {
        struct Row: Encodable { var metric: String, year: Int, rank: Int, entity: String, value: Double }
        let keep = entities.map(Set.init)
        var rows: [Row] = []
        for m in metrics {
            for y in dataset.years where y >= (from ?? Int.min) && y <= (to ?? Int.max) {
                var list = Ranking.ranks(in: dataset, metric: m, year: y)
                if let keep { list = list.filter { keep.contains($0.entity) } }
                rows += list.map { Row(metric: m, year: y, rank: $0.rank, entity: $0.entity, value: $0.value) }
            }
        }
        switch format {
        case .json:
            return try encode(rows) + "\n"
        case .csv:
            return "metric,year,rank,entity,value\n" + rows.map {
                [$0.metric, String($0.year), String($0.rank), TidyTable.escape($0.entity), TrendRow.number($0.value)].joined(separator: ",") + "\n"
            }.joined()
        case .table, .md:
            let zh = language == .zh
            let header = zh ? ["指标", "年份", "排名", "主体", "数值"] : ["metric", "year", "rank", "entity", "value"]
            let body = rows.map { r in
                [MetricCatalog.standard[r.metric]?.label(language) ?? r.metric, String(r.year), String(r.rank), r.entity,
                 valueText(r.value, unit: MetricCatalog.standard[r.metric]?.unit ?? "")]
            }
            return format == .table ? TextTable.render(header: header, rows: body, rightAligned: [1, 2, 4])
                                    : markdown(header: header, rows: body, right: [1, 2, 4])
        }
    }

    /// The findings as plain sentences grouped by entity (table), Markdown bullets, JSON or CSV.
    public static func findings(_ list: [Finding], format: Format, language: Language = .zh) throws -> String {
        switch format {
        case .json:
            return try encode(list) + "\n"
        case .csv:
            var s = "entity,year,kind,metric,text,uses,sources\n"
            for f in list {
                let uses = f.uses.map { "\($0.entity)|\($0.year)|\($0.metric)" }.joined(separator: ";")
                s += [f.entity, f.year.map(String.init) ?? "", f.kind.rawValue, f.metric ?? "", f.text, uses,
                      f.sources.joined(separator: ";")].map(TidyTable.escape).joined(separator: ",") + "\n"
            }
            return s
        case .table, .md:
            var s = ""
            var current: String?
            for f in list {
                let group = f.kind == .ranking ? (language == .zh ? "各主体比较" : "Comparison") : f.entity
                if group != current {
                    if current != nil { s += "\n" }
                    s += format == .md ? "## \(group)\n\n" : "\(group)\n"
                    current = group
                }
                s += format == .md ? "- \(f.text)\n" : "  · \(f.text)\n"
            }
            return s
        }
    }

    // MARK: Pieces

    static func valueText(_ v: Double, unit: String) -> String {
        if unit == "%" { return NumberText.positional(v, fractionDigits: 1) + "%" }
        return v == v.rounded() ? NumberText.grouped(v) : NumberText.grouped(v, fractionDigits: 2)
    }

    static func relativeText(_ r: Relative, zh: Bool, signed: Bool = true) -> String {
        switch r {
        case .ratio(let x): return NumberText.signedPercent(x)
        case .new: return zh ? "新增" : "new"
        case .notAvailable: return "—"
        }
    }

    static func directionText(_ d: TrendFit.Direction, zh: Bool) -> String {
        switch d {
        case .rising: return zh ? "上升" : "rising"
        case .falling: return zh ? "下降" : "falling"
        case .flat: return zh ? "平稳" : "flat"
        }
    }

    static func markdown(header: [String], rows: [[String]], right: Set<Int>) -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var s = "| " + header.map(cell).joined(separator: " | ") + " |\n"
        s += "|" + header.indices.map { right.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for r in rows { s += "| " + r.map(cell).joined(separator: " | ") + " |\n" }
        return s
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try enc.encode(value), as: UTF8.self)
    }
}
