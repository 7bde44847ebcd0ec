/// Generates the key-findings sentences of a briefing from a dataset: headline changes, growth over the span,
/// the largest movers, the disclosure rate, applicant and outcome shares, reviews and lawsuits, and gap years.
///
/// Every sentence keeps the observation keys and sources of the numbers it quotes.
///
/// ```swift
/// var dataset = Dataset(observations)
/// dataset.addIndicators()
/// for f in Findings(language: .zh).generate(dataset) { print(f.text) }
/// // 2020年行政许可事项4794项，较上年减少640项（-11.8%）。
/// ```
public struct Findings: Sendable {
    /// The language of the sentences.
    public var language: Language
    /// Only years in this range are considered (nil = open).
    public var from: Int?
    /// Only years up to this one are considered.
    public var to: Int?
    /// How many movers the movers sentence names.
    public var moverCount: Int
    /// Changes from a base below this are not counted as movers (a rise from 2 to 5 is not news).
    public var moverMinimumBase: Double

    /// Creates a generator.
    public init(language: Language = .zh, from: Int? = nil, to: Int? = nil, moverCount: Int = 3, moverMinimumBase: Double = 10) {
        self.language = language
        self.from = from
        self.to = to
        self.moverCount = moverCount
        self.moverMinimumBase = moverMinimumBase
    }

    /// The findings for each entity of `dataset` (or only `entities`), entity by entity.
    public func generate(_ dataset: Dataset, entities: [String]? = nil) -> [Finding] {
        (entities ?? dataset.entities).flatMap { findings(dataset, entity: $0) }
    }

    private var zh: Bool { language == .zh }

    private func sources(_ dataset: Dataset, _ keys: [ObservationKey]) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for k in keys {
            if let s = dataset.observation(k)?.source, seen.insert(s).inserted { out.append(s) }
        }
        return out
    }

    private func make(_ dataset: Dataset, _ kind: Finding.Kind, _ entity: String, _ year: Int?, _ metric: String?,
                      _ text: String, _ uses: [ObservationKey]) -> Finding {
        Finding(kind: kind, entity: entity, year: year, metric: metric, text: text, uses: uses, sources: sources(dataset, uses))
    }

    /// The findings for one entity.
    public func findings(_ dataset: Dataset, entity: String) -> [Finding] {
        var out: [Finding] = []
        var all: [Series] = []
        for i in dataset.seriesIndices(entity: entity) {
            let s = dataset.series(at: i).restricted(from: from, to: to)
            if !s.points.isEmpty { all.append(s) }
        }
        guard let latest = all.compactMap({ $0.points.last?.year }).max() else { return [] }
        let byMetric = Dictionary(all.map { ($0.metric, $0) }, uniquingKeysWith: { a, _ in a })

        // Headline changes of the latest year.
        for (metric, phrase) in Phrase.headline {
            guard let s = byMetric[metric], let p = s.point(in: latest) else { continue }
            if let f = changeSentence(dataset, s, p, phrase) { out.append(f) }
        }
        // Growth over the span for headline series with three or more years.
        for (metric, phrase) in Phrase.headline {
            guard let s = byMetric[metric], s.points.count >= 3, let f = trendSentence(dataset, s, phrase) else { continue }
            out.append(f)
        }
        if let f = moversSentence(dataset, all, latest) { out.append(f) }
        if let f = disclosureSentence(dataset, entity, byMetric, latest) { out.append(f) }
        for group in [ShareGroup.applicants, ShareGroup.applicationOutcomes] {
            if let f = sharesSentence(dataset, group, entity, latest) { out.append(f) }
        }
        if let f = disputesSentence(dataset, entity, latest) { out.append(f) }
        if let f = gapSentence(dataset, entity, all) { out.append(f) }
        return out
    }

    // MARK: Sentences

    private func changeSentence(_ dataset: Dataset, _ s: Series, _ p: Series.Point, _ phrase: Phrase) -> Finding? {
        let prev = s.points.last { $0.year < p.year }
        let y = p.year
        var uses = [s.key(y)]
        let text: String
        let amount = zh ? phrase.zhAmount(p.value) : phrase.enAmount(p.value)
        guard let prev else {
            text = zh ? "\(y)年\(phrase.zh)\(amount)。" : "In \(y), \(phrase.en): \(amount)."
            return make(dataset, .change, s.entity, y, s.metric, text, uses)
        }
        uses.insert(s.key(prev.year), at: 0)
        let diff = p.value - prev.value
        let rel = Relative(value: p.value, base: prev.value)
        let consecutive = prev.year == y - 1
        let baseZh = consecutive ? "较上年" : "较\(prev.year)年（\(phrase.zhAmount(prev.value))）"
        let baseEn = consecutive ? "from the previous year" : "from \(phrase.enAmount(prev.value)) in \(prev.year)"
        let gapZh = consecutive ? "" : "（\(Self.years(Array((prev.year + 1)..<y)))年无数据）"
        let gapEn = consecutive ? "" : " (no data for \(Self.years(Array((prev.year + 1)..<y), en: true)))"
        let absZh = zh ? phrase.zhAmount(abs(diff)) : phrase.enAmount(abs(diff))
        switch rel {
        case .ratio(let r) where diff != 0:
            let pct = NumberText.signedPercent(r)
            text = zh
                ? "\(y)年\(phrase.zh)\(amount)，\(baseZh)\(diff > 0 ? "增加" : "减少")\(absZh)（\(pct)）\(gapZh)。"
                : "In \(y), \(phrase.en): \(amount), \(diff > 0 ? "up" : "down") \(absZh) (\(pct)) \(baseEn)\(gapEn)."
        case .new:
            text = zh
                ? "\(y)年\(phrase.zh)\(amount)，\(baseZh)为0，系新增\(gapZh)。"
                : "In \(y), \(phrase.en): \(amount), new (zero \(consecutive ? "the previous year" : "in \(prev.year)"))\(gapEn)."
        default:
            text = zh
                ? "\(y)年\(phrase.zh)\(amount)，与\(consecutive ? "上年" : "\(prev.year)年")持平\(gapZh)。"
                : "In \(y), \(phrase.en): \(amount), unchanged \(baseEn)\(gapEn)."
        }
        return make(dataset, .change, s.entity, y, s.metric, text, uses)
    }

    private func trendSentence(_ dataset: Dataset, _ s: Series, _ phrase: Phrase) -> Finding? {
        guard let f = s.points.first, let l = s.points.last else { return nil }
        let uses = s.points.map { s.key($0.year) }
        let cagr = s.cagr()
        let dirZh = l.value > f.value ? "增至" : (l.value < f.value ? "降至" : "保持在")
        var text: String
        if zh {
            text = "\(f.year)—\(l.year)年，\(phrase.zh)由\(phrase.zhAmount(f.value))\(dirZh)\(phrase.zhAmount(l.value))"
            switch cagr {
            case .ratio(let r) where l.value != f.value: text += "，年均\(r >= 0 ? "增长" : "下降")\(NumberText.positional(abs(r) * 100, fractionDigits: 1))%"
            case .new: text += "（起始年为0，无法计算年均增速）"
            default: break
            }
            if let t = s.trend(), let r2 = t.r2, t.direction != .flat, s.points.count >= 4 {
                text += "，线性趋势每年\(t.slope > 0 ? "增加" : "减少")约\(phrase.zhAmount(abs(t.slope)))（R²=\(NumberText.positional(r2, fractionDigits: 2))）"
            }
            if !s.gaps.isEmpty { text += "（\(Self.years(s.gaps))年无数据）" }
            text += "。"
        } else {
            text = "From \(f.year) to \(l.year), \(phrase.en) went from \(phrase.enAmount(f.value)) to \(phrase.enAmount(l.value))"
            switch cagr {
            case .ratio(let r) where l.value != f.value: text += ", \(NumberText.signedPercent(r)) a year (CAGR)"
            case .new: text += " (zero at the start: no annual growth rate)"
            default: break
            }
            if let t = s.trend(), let r2 = t.r2, t.direction != .flat, s.points.count >= 4 {
                text += "; linear trend \(t.slope > 0 ? "+" : "−")\(phrase.enAmount(abs(t.slope))) a year (R² = \(NumberText.positional(r2, fractionDigits: 2)))"
            }
            if !s.gaps.isEmpty { text += " (no data for \(Self.years(s.gaps, en: true)))" }
            text += "."
        }
        return make(dataset, .trend, s.entity, l.year, s.metric, text, uses)
    }

    private func moversSentence(_ dataset: Dataset, _ all: [Series], _ latest: Int) -> Finding? {
        var movers: [(s: Series, r: Double, prev: Double, now: Double)] = []
        for s in all {
            guard MetricCatalog.standard[s.metric]?.kind != .indicator, !s.metric.hasSuffix("items_change"),
                  let now = s.value(in: latest), let prev = s.value(in: latest - 1), abs(prev) >= moverMinimumBase,
                  let r = Relative(value: now, base: prev).ratio, r != 0 else { continue }
            movers.append((s, r, prev, now))
        }
        guard !movers.isEmpty else { return nil }
        movers.sort { abs($0.r) != abs($1.r) ? abs($0.r) > abs($1.r) : $0.s.metric < $1.s.metric }
        let top = movers.prefix(moverCount)
        let items = top.map { m -> String in
            let p = Phrase.of(m.s.metric)
            return zh ? "\(p.zh)（\(p.zhAmount(m.prev))→\(p.zhAmount(m.now))，\(NumberText.signedPercent(m.r))）"
                      : "\(p.en) (\(p.enAmount(m.prev)) → \(p.enAmount(m.now)), \(NumberText.signedPercent(m.r)))"
        }
        let text = zh ? "\(latest)年同比变化幅度最大的指标：\(items.joined(separator: "；"))。"
                      : "Largest changes in \(latest) from the previous year: \(items.joined(separator: "; "))."
        let uses = top.flatMap { [$0.s.key(latest - 1), $0.s.key(latest)] }
        return make(dataset, .movers, all[0].entity, latest, top.first?.s.metric, text, uses)
    }

    private func disclosureSentence(_ dataset: Dataset, _ entity: String, _ byMetric: [String: Series], _ latest: Int) -> Finding? {
        let id = "indicator.disclosure_rate"
        guard let s = byMetric[id], let p = s.point(in: latest) else { return nil }
        let parts = ["applications.granted.total", "applications.partial_granted.total", "applications.total_processed.total"]
        let v = parts.map { dataset.value(entity: entity, year: latest, metric: $0) ?? 0 }
        var uses = parts.map { ObservationKey(entity: entity, year: latest, metric: $0) } + [s.key(latest)]
        let rate = NumberText.positional(p.value, fractionDigits: 1)
        var text = zh
            ? "\(latest)年公开率为\(rate)%（予以公开\(Phrase.zhNumber(v[0]))件、部分公开\(Phrase.zhNumber(v[1]))件，办理结果总计\(Phrase.zhNumber(v[2]))件）"
            : "In \(latest), the disclosure rate was \(rate)% (\(NumberText.grouped(v[0])) granted and \(NumberText.grouped(v[1])) partially granted of \(NumberText.grouped(v[2])) concluded)"
        if let prev = s.points.last(where: { $0.year < latest }) {
            uses.append(s.key(prev.year))
            let pp = p.value - prev.value
            let ppText = NumberText.positional(abs(pp), fractionDigits: 1)
            if zh {
                text += pp == 0 ? "，与\(prev.year)年持平" : "，较\(prev.year)年\(pp > 0 ? "提高" : "下降")\(ppText)个百分点"
            } else {
                text += pp == 0 ? ", unchanged from \(prev.year)" : ", \(pp > 0 ? "up" : "down") \(ppText) percentage points from \(prev.year)"
            }
        }
        text += zh ? "。" : "."
        return make(dataset, .disclosure, entity, latest, id, text, uses)
    }

    private func sharesSentence(_ dataset: Dataset, _ group: ShareGroup, _ entity: String, _ latest: Int) -> Finding? {
        let shares = group.shares(in: dataset, entity: entity, year: latest).filter { ($0.share.ratio ?? 0) > 0 }
        guard !shares.isEmpty, let total = shares.first?.total else { return nil }
        let name = Dictionary(group.parts.map { ($0.key, zh ? $0.zh : $0.en) }, uniquingKeysWith: { a, _ in a })
        let ordered = shares.sorted { ($0.share.ratio ?? 0) > ($1.share.ratio ?? 0) }
        let items = ordered.map { s in
            let pct = NumberText.positional((s.share.ratio ?? 0) * 100, fractionDigits: 1)
            return zh ? "\(name[s.part] ?? s.part)占\(pct)%" : "\(name[s.part] ?? s.part) \(pct)%"
        }
        var shiftText = ""
        let shifts = group.shifts(in: dataset, entity: entity).filter { $0.toYear == latest }
        var uses = shares.flatMap(\.uses)
        if let big = shifts.max(by: { abs($0.points) < abs($1.points) }), abs(big.points) >= 0.05 {
            let pp = NumberText.positional(abs(big.points), fractionDigits: 1)
            let n = name[big.part] ?? big.part
            shiftText = zh ? "，其中\(n)占比较\(big.fromYear)年\(big.points > 0 ? "上升" : "下降")\(pp)个百分点"
                           : "; the share of \(n) \(big.points > 0 ? "rose" : "fell") \(pp) percentage points from \(big.fromYear)"
            uses += group.shares(in: dataset, entity: entity, year: big.fromYear).flatMap(\.uses)
        }
        var seen = Set<ObservationKey>()
        uses = uses.filter { seen.insert($0).inserted }
        let text: String
        if group.id == "applicants" {
            text = zh ? "\(latest)年新收申请\(Phrase.zhNumber(total))件，\(items.joined(separator: "，"))\(shiftText)。"
                      : "Of the \(NumberText.grouped(total)) new requests in \(latest): \(items.joined(separator: ", "))\(shiftText)."
        } else {
            text = zh ? "\(latest)年办理结果中，\(items.joined(separator: "，"))\(shiftText)。"
                      : "Outcomes in \(latest): \(items.joined(separator: ", "))\(shiftText)."
        }
        return make(dataset, .shares, entity, latest, group.total.metrics.first, text, uses)
    }

    private func disputesSentence(_ dataset: Dataset, _ entity: String, _ latest: Int) -> Finding? {
        func v(_ m: String) -> Double? { dataset.value(entity: entity, year: latest, metric: m) }
        guard let review = v("review.total") else { return nil }
        let lit = (v("litigation_direct.total") ?? 0) + (v("litigation_after_review.total") ?? 0)
        var uses = ["review.total", "litigation_direct.total", "litigation_after_review.total"]
            .map { ObservationKey(entity: entity, year: latest, metric: $0) }
        var text = zh ? "\(latest)年因政府信息公开引发行政复议\(Phrase.zhNumber(review))件、行政诉讼\(Phrase.zhNumber(lit))件"
                      : "In \(latest), disclosure decisions led to \(NumberText.grouped(review)) administrative reviews and \(NumberText.grouped(lit)) lawsuits"
        if let rate = v("indicator.review_correction_rate") {
            uses += ["review.corrected", "review.pending", "indicator.review_correction_rate"].map { ObservationKey(entity: entity, year: latest, metric: $0) }
            let r = NumberText.positional(rate, fractionDigits: 1)
            text += zh ? "，复议纠错率\(r)%" : "; \(r)% of concluded reviews were corrected"
        }
        if let per100 = v("indicator.disputes_per_100_applications") {
            uses.append(ObservationKey(entity: entity, year: latest, metric: "indicator.disputes_per_100_applications"))
            let r = NumberText.positional(per100, fractionDigits: 1)
            text += zh ? "，每百件申请引发复议诉讼\(r)件" : " (\(r) per 100 new requests)"
        }
        text += zh ? "。" : "."
        return make(dataset, .disputes, entity, latest, "review.total", text, uses.filter { dataset.observation($0) != nil })
    }

    private func gapSentence(_ dataset: Dataset, _ entity: String, _ all: [Series]) -> Finding? {
        var gaps = Set<Int>()
        for s in all where MetricCatalog.standard[s.metric]?.kind != .indicator { gaps.formUnion(s.gaps) }
        let years = Set(all.flatMap(\.years))
        let missing = gaps.subtracting(years).sorted()
        guard !missing.isEmpty else { return nil }
        let text = zh ? "\(Self.years(missing))年无数据，序列在此中断，跨越缺口的同比不予计算。"
                      : "No data for \(Self.years(missing, en: true)): the series break there and no year-over-year change is computed across the gap."
        return make(dataset, .gap, entity, missing.last, nil, text, [])
    }

    /// `2020`, `2020、2021` / `2020 and 2021`.
    static func years(_ ys: [Int], en: Bool = false) -> String {
        let t = ys.map(String.init)
        if !en { return t.joined(separator: "、") }
        return t.count <= 1 ? t.joined() : t.dropLast().joined(separator: ", ") + " and " + t.last!
    }
}
