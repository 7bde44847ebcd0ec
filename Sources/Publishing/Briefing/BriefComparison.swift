import Charts
import ReportReading
import SeriesModel

/// Builds the cross-body section of a briefing over several bodies: a ranking with the median as the benchmark,
/// small multiples on a shared scale, a table of every body's key figures with the total and the median, and
/// the sentences that compare them.
struct BriefComparisonBuilder {
    /// A key figure of the comparison table and the one-year tiles.
    struct KeyFigure {
        var metric: String
        var zh: String
        var en: String
        var unit: String
    }

    /// The tallest canvas of a comparison chart (it prints at about 1.25 points per unit, with its caption, on one page).
    static let tallest = 450.0

    /// The figure the ranking and the small multiples show.
    static let keyMetric = "applications.new_received.total"

    /// The key figures, in the template's order.
    static let keyFigures: [KeyFigure] = [
        KeyFigure(metric: "applications.new_received.total", zh: "新收申请", en: "New requests", unit: "件"),
        KeyFigure(metric: "applications.total_processed.total", zh: "办结申请", en: "Concluded", unit: "件"),
        KeyFigure(metric: "indicator.disclosure_rate", zh: "公开率", en: "Disclosure rate", unit: "%"),
        KeyFigure(metric: "review.total", zh: "行政复议", en: "Reviews", unit: "件"),
        KeyFigure(metric: "litigation_direct.total", zh: "行政诉讼", en: "Lawsuits", unit: "件"),
        KeyFigure(metric: "licensing.decisions", zh: "行政许可决定", en: "Licensing decisions", unit: "件"),
        KeyFigure(metric: "penalty.decisions", zh: "行政处罚决定", en: "Penalty decisions", unit: "件"),
    ]

    let language: Language
    let chartSize: ChartSize
    let headline: Bool
    private var zh: Bool { language == .zh }

    init(language: Language, chartSize: ChartSize, headline: Bool) {
        self.language = language; self.chartSize = chartSize; self.headline = headline
    }

    /// The year most of `bodies` report `metric` in (the latest of those): the year bodies are compared in.
    static func commonYear(_ obs: [Observation], metric: String, bodies: [String]) -> Int? {
        var count: [Int: Set<String>] = [:]
        for o in obs where o.metric == metric && bodies.contains(o.entity) { count[o.year, default: []].insert(o.entity) }
        return count.max { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key < $1.key }?.key
    }

    /// The median of `values` (the mean of the middle two for an even count).
    static func median(_ values: [Double]) -> Double? {
        let s = values.sorted()
        guard !s.isEmpty else { return nil }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    func build(_ all: [Observation], bodies: [String], numbers: inout Numbers) throws -> BriefComparison? {
        let obs = all.filter { bodies.contains($0.entity) }
        let figures = Self.keyFigures.filter { k in obs.contains { $0.metric == k.metric } }
        guard let first = figures.first, let common = Self.commonYear(obs, metric: first.metric, bodies: bodies) else { return nil }
        // The year the bodies are compared in: the one most of them report; when no two share a year, each
        // body's latest year (said in the table's year column and in the sentences).
        let shared = Set(obs.filter { $0.metric == first.metric && $0.year == common }.map(\.entity)).count >= 2
        func yearOf(_ e: String) -> Int? {
            shared ? common : obs.filter { $0.entity == e && $0.metric == first.metric }.map(\.year).max()
        }
        let year = common
        func value(_ e: String, _ m: String) -> Double? {
            guard let y = yearOf(e) else { return nil }
            return obs.first { $0.entity == e && $0.metric == m && $0.year == y }?.value
        }

        // Sentences: the total, the median and the leaders of the key figure; the disclosure rate's spread.
        var findings: [BriefFinding] = []
        let key = first
        let reported = bodies.compactMap { e in value(e, key.metric).map { (e, $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if reported.count >= 2, let med = Self.median(reported.map(\.1)) {
            let total = reported.map(\.1).reduce(0, +)
            let top = reported.prefix(3).map { "\($0.0)（\(BriefWords.amount(zh, $0.1, unit: key.unit))）" }
            let share = total > 0 ? NumberText.positional(reported[0].1 / total * 100, fractionDigits: 1) : "0"
            let when = shared ? (zh ? "\(year)年" : "In \(year)") : (zh ? "各单位最近一年" : "In each body's latest year")
            let text = zh
                ? "\(when)\(reported.count)个单位共\(key.zh)\(BriefWords.amount(true, total, unit: key.unit))，中位数为\(BriefWords.amount(true, med, unit: key.unit))；"
                  + "最多的依次为\(top.joined(separator: "、"))，\(reported[0].0)一家占\(share)%。"
                : "\(when), the \(reported.count) bodies had \(BriefWords.amount(false, total, unit: "")) \(key.en.lowercased()) in all (median \(BriefWords.amount(false, med, unit: ""))); "
                  + "most: \(reported.prefix(3).map { "\($0.0) (\(BriefWords.amount(false, $0.1, unit: "")))" }.joined(separator: ", "))."
            findings.append(BriefFinding(text: text, magnitude: 100))
        }
        let rates = bodies.compactMap { e in value(e, "indicator.disclosure_rate").map { (e, $0) } }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        if rates.count >= 2, let med = Self.median(rates.map(\.1)), let hi = rates.first, let lo = rates.last {
            let p = { (v: Double) in NumberText.positional(v, fractionDigits: 1) + "%" }
            findings.append(BriefFinding(text: zh
                ? "\(shared ? "\(year)年" : "各单位最近一年")公开率中位数为\(p(med))，最高为\(hi.0)（\(p(hi.1))），最低为\(lo.0)（\(p(lo.1))），相差\(Headline.pointsText(hi.1 - lo.1))。"
                : "In \(year), the median disclosure rate was \(p(med)); highest \(hi.0) (\(p(hi.1))), lowest \(lo.0) (\(p(lo.1))).",
                magnitude: 50))
        }

        // The ranking, with the median as the benchmark line.
        var charts: [BriefChart] = []
        let builder = BriefingBuilder(language: language, chartSize: chartSize, headline: headline)
        if reported.count >= 2 && shared {
            var rank = try ChartSpec(observations: obs.filter { $0.year == year }, metrics: [key.metric], entities: reported.map(\.0),
                                     kind: .rank, language: language)
            rank.focusYear = year
            rank.title = zh ? "各单位\(key.zh)数量" : "\(key.en) by body"
            if let med = Self.median(reported.map(\.1)) {
                rank.annotations.reference = .value(med, label: zh ? "中位数" : "median")
            }
            let rows = max(reported.count, 2)
            rank.size = ChartSize(width: chartSize.width, height: max(chartSize.height, min(Self.tallest, 60 + Double(rows) * 16)))
            charts.append(builder.figure(rank, table: nil, entity: nil, numbers: &numbers))
        }
        // Small multiples on one shared scale, when the bodies have two or more years.
        let multi = bodies.filter { e in Set(obs.filter { $0.entity == e && $0.metric == key.metric }.map(\.year)).count >= 2 }
        if multi.count >= 2 {
            var facets = try ChartSpec(observations: obs, metrics: [key.metric], entities: bodies, kind: .facets, language: language)
            facets.facetScale = .shared
            facets.title = zh ? "各单位\(key.zh)数量变化（纵轴刻度相同）" : "\(key.en) by body over the years (one scale)"
            let columns = bodies.count <= 4 ? 2 : (bodies.count <= 9 ? 3 : 6)
            let rowCount = (bodies.count + columns - 1) / columns
            facets.size = ChartSize(width: chartSize.width, height: min(Self.tallest, max(chartSize.height, 90 + Double(rowCount) * 80)))
            var table = BriefTable(facets)
            table.rows = table.rows.filter { $0.dropFirst().contains { $0 != "—" } }
            // Beyond a handful of bodies the table of every year would fill pages: the comparison table holds the latest.
            charts.append(builder.figure(facets, table: bodies.count <= BriefingBuilder.chartedBodies ? table : nil, entity: nil,
                                         numbers: &numbers))
        }

        // The comparison table: every body, then the total and the median of each column.
        var rows: [[String]] = bodies.map { e in
            [e] + (shared ? [] : [yearOf(e).map { zh ? "\($0)年" : "\($0)" } ?? "—"]) + figures.map { f in value(e, f.metric).map { BriefWords.cell($0, unit: f.unit) } ?? "—" }
        }
        // The benchmark rows: only when every body is compared in the same year.
        if shared {
            rows.append([zh ? "合计" : "Total"] + figures.map { f in
                f.unit == "%" ? "—" : BriefWords.cell(bodies.compactMap { value($0, f.metric) }.reduce(0, +), unit: f.unit)
            })
            rows.append([zh ? "中位数" : "Median"] + figures.map { f in
                Self.median(bodies.compactMap { value($0, f.metric) }).map { BriefWords.cell($0, unit: f.unit) } ?? "—"
            })
        }
        let header = [zh ? "单位" : "Body"] + (shared ? [] : [zh ? "年度" : "Year"]) + figures.map { f in (zh ? f.zh : f.en) + (f.unit == "%" ? "（%）" : "") }
        let table = BriefTable(header: header, rows: rows, unitLine: zh ? "单位：件" : "Unit: cases")
        let title = shared ? (zh ? "各单位\(year)年主要数据对比" : "Key figures of the bodies, \(year)")
                           : (zh ? "各单位最近一年主要数据对比" : "Key figures of the bodies, latest year of each")
        let numbered = BriefChart.NumberedTable(number: numbers.nextTable(), title: title, table: table)
        return BriefComparison(findings: findings, charts: charts, table: numbered)
    }
}
