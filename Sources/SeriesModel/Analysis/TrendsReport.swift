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
                              format: Format, language: Language = .zh, write: (String) -> Void) throws {
        let catalog = MetricCatalog.standard
        var unitLabel: [String: (unit: String, label: String)] = [:]
        func meta(_ metric: String) -> (unit: String, label: String) {
            if let m = unitLabel[metric] { return m }
            let m = catalog[metric]
            let v = (language == .zh ? m?.unit ?? "" : m?.unitEn ?? "", m?.label(language) ?? metric)
            unitLabel[metric] = v
            return v
        }
        switch format {
        case .csv:
            write(TrendRow.csvHeader + "\n")
            var chunk = ""
            for i in series {
                let s = dataset.series(at: i).restricted(from: from, to: to)
                guard !s.points.isEmpty else { continue }
                let m = meta(s.metric)
                for r in TrendRow.rows(of: s) { chunk += r.csvLine(unit: m.unit, label: m.label); chunk += "\n" }
                if chunk.utf8.count > 1 << 16 { write(chunk); chunk = "" }
            }
            write(chunk)
        case .json:
            var out: [SeriesJSON] = []
            for i in series {
                let s = dataset.series(at: i).restricted(from: from, to: to)
                guard !s.points.isEmpty else { continue }
                let m = meta(s.metric)
                out.append(SeriesJSON(series: s, unit: m.unit, label: m.label))
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
                let m = meta(s.metric)
                for r in TrendRow.rows(of: s) {
                    rows.append([r.entity, m.label, String(r.year), valueText(r.value, unit: m.unit),
                                 r.change.absolute.flatMap { r.change.relative.ratio == nil ? nil : NumberText.signed($0, fractionDigits: $0 == $0.rounded() ? 0 : 2) } ?? "",
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
                if f.entity != current {
                    if current != nil { s += "\n" }
                    s += format == .md ? "## \(f.entity)\n\n" : "\(f.entity)\n"
                    current = f.entity
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

/// The JSON document of `trendplot trends --format json`.
struct TrendsJSON: Encodable {
    var series: [SeriesJSON]
    var conflicts: [DatasetConflict]
    var errors: [String]
}

/// One series in JSON: its points with changes, and its summary.
struct SeriesJSON: Encodable {
    var series: Series
    var unit: String
    var label: String

    enum Keys: String, CodingKey {
        case entity, metric, unit, label, points, summary
        case year, value, yoy_abs, yoy_pct, yoy_note, index, moving_avg, derived, source
        case first_year, last_year, count, gaps, cagr, cagr_note, total_change_pct, slope, r2, direction
        case largest_rise, largest_fall, abs, pct
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(series.entity, forKey: .entity)
        try c.encode(series.metric, forKey: .metric)
        try c.encode(unit, forKey: .unit)
        try c.encode(label, forKey: .label)
        var points = c.nestedUnkeyedContainer(forKey: .points)
        for r in TrendRow.rows(of: series) {
            var p = points.nestedContainer(keyedBy: Keys.self)
            try p.encode(r.year, forKey: .year)
            try p.encode(r.value, forKey: .value)
            let ratio = r.change.relative.ratio
            try p.encode(ratio == nil ? nil : r.change.absolute, forKey: .yoy_abs)
            try p.encode(ratio.map { $0 * 100 }, forKey: .yoy_pct)
            try p.encode(r.change.relative.note, forKey: .yoy_note)
            try p.encode(r.index, forKey: .index)
            try p.encode(r.movingAverage, forKey: .moving_avg)
            try p.encode(r.derived, forKey: .derived)
            try p.encode(r.source, forKey: .source)
        }
        let s = series.summary()
        var m = c.nestedContainer(keyedBy: Keys.self, forKey: .summary)
        try m.encode(s.firstYear, forKey: .first_year)
        try m.encode(s.lastYear, forKey: .last_year)
        try m.encode(s.count, forKey: .count)
        try m.encode(s.gaps, forKey: .gaps)
        try m.encode(s.cagr.percent, forKey: .cagr)
        try m.encode(s.cagr.note, forKey: .cagr_note)
        try m.encode(s.totalChange.percent, forKey: .total_change_pct)
        try m.encode(s.trend?.slope, forKey: .slope)
        try m.encode(s.trend?.r2, forKey: .r2)
        try m.encode(s.trend?.direction.rawValue, forKey: .direction)
        for (key, change) in [(Keys.largest_rise, s.largestRise), (.largest_fall, s.largestFall)] {
            if let change {
                var x = m.nestedContainer(keyedBy: Keys.self, forKey: key)
                try x.encode(change.year, forKey: .year)
                try x.encode(change.absolute, forKey: .abs)
                try x.encode(change.relative.percent, forKey: .pct)
            } else {
                try m.encodeNil(forKey: key)
            }
        }
    }
}
