import Foundation

/// The sentences of ``Findings``, one function per kind.
extension Findings {
    func changeSentence(_ dataset: Dataset, _ s: Series, _ p: Series.Point, _ phrase: Phrase) -> Finding? {
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
        let absZh = zh ? phrase.zhAmount(abs(diff), like: p.value) : phrase.enAmount(abs(diff))
        let weight = Self.magnitude(from: prev.value, to: p.value)
        if phrase.measure == "%" {
            // A rate moves in 个百分点, never in per cent of itself.
            text = diff == 0
                ? (zh ? "\(y)年\(phrase.zh)\(amount)，与\(consecutive ? "上年" : "\(prev.year)年")持平\(gapZh)。"
                      : "In \(y), \(phrase.en): \(amount), unchanged \(baseEn)\(gapEn).")
                : (zh ? "\(y)年\(phrase.zh)\(amount)，\(baseZh)\(diff > 0 ? "提高" : "下降")\(Phrase.points(diff))\(gapZh)。"
                      : "In \(y), \(phrase.en): \(amount), \(diff > 0 ? "up" : "down") \(NumberText.positional(abs(diff), fractionDigits: 1)) percentage points \(baseEn)\(gapEn).")
            return make(dataset, .change, s.entity, y, s.metric, text, uses, magnitude: abs(diff) / 10)
        }
        switch rel {
        case .ratio(let r) where diff != 0:
            let pct = NumberText.displaySignedPercent(r)
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
        return make(dataset, .change, s.entity, y, s.metric, text, uses, magnitude: weight)
    }

    /// Growth over the span: first and last value, the average annual growth, and the linear trend in words —
    /// a step in whole units when the line fits (R² ≥ 0.5 over four or more years), "波动较大，无明显趋势" when it
    /// does not or when the trend and the end points point different ways. No R² is printed.
    func trendSentence(_ dataset: Dataset, _ s: Series, _ phrase: Phrase) -> Finding? {
        guard let f = s.points.first, let l = s.points.last else { return nil }
        let uses = s.points.map { s.key($0.year) }
        let cagr = s.cagr()
        let dirZh = l.value > f.value ? "增至" : (l.value < f.value ? "降至" : "保持在")
        let fit = s.points.count >= 4 ? s.trend() : nil
        let fits = fit.map { t in (t.r2 ?? 0) >= 0.5 && t.direction != .flat && (t.slope > 0) == (l.value > f.value) } ?? false
        let weak = fit != nil && !fits
        let rate = phrase.measure == "%"
        var text: String
        if zh {
            text = "\(f.year)—\(l.year)年，\(phrase.zh)由\(phrase.zhAmount(f.value))\(dirZh)\(phrase.zhAmount(l.value))"
            if rate, l.value != f.value {
                text += "，\(l.value > f.value ? "提高" : "下降")\(Phrase.points(l.value - f.value))"
            } else {
                switch cagr {
                case .ratio(let r) where l.value != f.value && !weak:
                    text += "，年均\(r >= 0 ? "增长" : "下降")\(NumberText.positional(abs(r) * 100, fractionDigits: 1))%"
                case .new: text += "（起始年为0，无法计算年均增速）"
                default: break
                }
            }
            if let t = fit, fits, !rate {
                let step = abs(t.slope).rounded()
                if step >= 1 { text += "，平均每年\(t.slope > 0 ? "增加" : "减少")约\(phrase.zhAmount(step, like: step))" }
            } else if weak {
                text += "，各年波动较大，无明显趋势"
            }
            if !s.gaps.isEmpty { text += "（\(Self.years(s.gaps))年无数据）" }
            text += "。"
        } else {
            text = "From \(f.year) to \(l.year), \(phrase.en) went from \(phrase.enAmount(f.value)) to \(phrase.enAmount(l.value))"
            if rate, l.value != f.value {
                text += ", \(l.value > f.value ? "up" : "down") \(NumberText.positional(abs(l.value - f.value), fractionDigits: 1)) percentage points"
            } else {
                switch cagr {
                case .ratio(let r) where l.value != f.value && !weak: text += ", \(NumberText.displaySignedPercent(r)) a year (CAGR)"
                case .new: text += " (zero at the start: no annual growth rate)"
                default: break
                }
            }
            if let t = fit, fits, !rate {
                let step = abs(t.slope).rounded()
                if step >= 1 { text += "; on average \(t.slope > 0 ? "+" : "−")\(phrase.enAmount(step)) a year" }
            } else if weak {
                text += "; it varies widely from year to year, with no clear trend"
            }
            if !s.gaps.isEmpty { text += " (no data for \(Self.years(s.gaps, en: true)))" }
            text += "."
        }
        let weight = Self.magnitude(from: f.value, to: l.value) * (weak ? 0.5 : 1)
        return make(dataset, .trend, s.entity, l.year, s.metric, text, uses, magnitude: rate ? abs(l.value - f.value) / 10 : weight)
    }

    func moversSentence(_ dataset: Dataset, _ all: [Series], _ latest: Int) -> Finding? {
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
            return zh ? "\(p.zh)（\(p.zhAmount(m.prev))→\(p.zhAmount(m.now))，\(NumberText.displaySignedPercent(m.r))）"
                      : "\(p.en) (\(p.enAmount(m.prev)) → \(p.enAmount(m.now)), \(NumberText.displaySignedPercent(m.r)))"
        }
        let text = zh ? "\(latest)年同比变化幅度最大的指标：\(items.joined(separator: "；"))。"
                      : "Largest changes in \(latest) from the previous year: \(items.joined(separator: "; "))."
        let uses = top.flatMap { [$0.s.key(latest - 1), $0.s.key(latest)] }
        return make(dataset, .movers, all[0].entity, latest, top.first?.s.metric, text, uses,
                    magnitude: top.map { Self.magnitude(from: $0.prev, to: $0.now) }.max() ?? 0)
    }

    func disclosureSentence(_ dataset: Dataset, _ entity: String, _ byMetric: [String: Series], _ latest: Int) -> Finding? {
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
                text += pp == 0 ? "，与\(prev.year)年持平" : "，较\(prev.year)年\(pp > 0 ? "提高" : "下降")\(Phrase.points(pp))"
            } else {
                text += pp == 0 ? ", unchanged from \(prev.year)" : ", \(pp > 0 ? "up" : "down") \(ppText) percentage points from \(prev.year)"
            }
        }
        text += zh ? "。" : "."
        let moved = s.points.last(where: { $0.year < latest }).map { abs(p.value - $0.value) } ?? 0
        return make(dataset, .disclosure, entity, latest, id, text, uses, magnitude: 1 + moved / 10)
    }

    func sharesSentence(_ dataset: Dataset, _ group: ShareGroup, _ entity: String, _ latest: Int) -> Finding? {
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
            shiftText = zh ? "，其中\(n)占比较\(big.fromYear)年\(big.points > 0 ? "上升" : "下降")\(Phrase.points(big.points))"
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
        return make(dataset, .shares, entity, latest, group.total.metrics.first, text, uses, magnitude: 0.8)
    }

    /// The largest 不予公开 and 无法提供 reasons of the latest year.
    func reasonsSentence(_ dataset: Dataset, _ entity: String, _ latest: Int) -> Finding? {
        var parts: [String] = []
        var uses: [ObservationKey] = []
        for (prefix, zhName, enName) in [("denied_", "不予公开", "denied"), ("unable_", "无法提供", "not provided")] {
            let rows = MetricCatalog.applicationRows.filter { $0.key.hasPrefix(prefix) }
            let values = rows.compactMap { r -> (row: MetricCatalog.ApplicationRow, value: Double)? in
                dataset.value(entity: entity, year: latest, metric: "applications.\(r.key).total").map { (r, $0) }
            }
            let total = values.map(\.value).reduce(0, +)
            guard values.count == rows.count, total > 0, let top = values.max(by: { $0.value < $1.value }) else { continue }
            uses += values.map { ObservationKey(entity: entity, year: latest, metric: "applications.\($0.row.key).total") }
            let reason = Self.reasonZh[top.row.key] ?? top.row.zh
            let share = NumberText.positional(top.value / total * 100, fractionDigits: 1)
            parts.append(zh ? "\(zhName)\(Phrase.zhNumber(total))件，主要原因是\(reason)（\(Phrase.zhNumber(top.value))件，占\(share)%）"
                            : "\(NumberText.grouped(total)) \(enName), mostly \(top.row.en.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? top.row.en) (\(NumberText.grouped(top.value)), \(share)%)")
        }
        guard !parts.isEmpty else { return nil }
        let text = zh ? "\(latest)年\(parts.joined(separator: "；"))。" : "In \(latest), \(parts.joined(separator: "; "))."
        return make(dataset, .reasons, entity, latest, nil, text, uses, magnitude: 0.6)
    }

    func disputesSentence(_ dataset: Dataset, _ entity: String, _ latest: Int) -> Finding? {
        func v(_ m: String) -> Double? { dataset.value(entity: entity, year: latest, metric: m) }
        guard let review = v("review.total") else { return nil }
        let lit = (v("litigation_direct.total") ?? 0) + (v("litigation_after_review.total") ?? 0)
        var uses = ["review.total", "litigation_direct.total", "litigation_after_review.total"]
            .map { ObservationKey(entity: entity, year: latest, metric: $0) }
        var text = zh ? "\(latest)年因政府信息公开引发行政复议\(Phrase.zhNumber(review))件、行政诉讼\(Phrase.zhNumber(lit))件"
                      : "In \(latest), disclosure decisions led to \(NumberText.grouped(review)) administrative review\(review == 1 ? "" : "s") and \(NumberText.grouped(lit)) lawsuit\(lit == 1 ? "" : "s")"
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
        return make(dataset, .disputes, entity, latest, "review.total", text, uses.filter { dataset.observation($0) != nil },
                    magnitude: 0.5 + log10(1 + review + lit) / 2)
    }

    func gapSentence(_ dataset: Dataset, _ entity: String, _ all: [Series]) -> Finding? {
        var gaps = Set<Int>()
        for s in all where MetricCatalog.standard[s.metric]?.kind != .indicator { gaps.formUnion(s.gaps) }
        let years = Set(all.flatMap(\.years))
        let missing = gaps.subtracting(years).sorted()
        guard !missing.isEmpty else { return nil }
        let text = zh ? "\(Self.years(missing))年无数据，序列在此中断，跨越缺口的同比不予计算。"
                      : "No data for \(Self.years(missing, en: true)): the series break there and no year-over-year change is computed across the gap."
        return make(dataset, .gap, entity, missing.last, nil, text, [])
    }

    /// The reasons of 不予公开 and 无法提供 as a briefing words them (the template's row labels).
    static let reasonZh: [String: String] = [
        "denied_state_secret": "属于国家秘密", "denied_law_forbidden": "其他法律行政法规禁止公开",
        "denied_security_stability": "危及“三安全一稳定”", "denied_third_party": "保护第三方合法权益",
        "denied_internal_affairs": "属于三类内部事务信息", "denied_process_info": "属于四类过程性信息",
        "denied_enforcement_case": "属于行政执法案卷", "denied_admin_query": "属于行政查询事项",
        "unable_not_held": "本机关不掌握相关政府信息", "unable_need_create": "没有现成信息需要另行制作",
        "unable_unclear": "补正后申请内容仍不明确",
    ]

    /// `2020`, `2020、2021` / `2020 and 2021`.
    static func years(_ ys: [Int], en: Bool = false) -> String {
        let t = ys.map(String.init)
        if !en { return t.joined(separator: "、") }
        return t.count <= 1 ? t.joined() : t.dropLast().joined(separator: ", ") + " and " + t.last!
    }
}
