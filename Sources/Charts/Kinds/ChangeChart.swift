import SeriesModel

/// `change`: diverging bars of change, coloured by sign and marked ▲/▼ so they read in greyscale.
///
/// One series over several years: a bar per year (change from the year before). Several series, or values that
/// are already changes: a horizontal bar per series (from the base year to the focus year, or the value itself).
/// A percent change of a zero or missing base draws no bar and says why.
enum ChangeKind: KindLayout {
    static let labelZh = "增减图"
    static let defaultSize = ChartSize.standard
    /// One series of levels over three or more years: every year (nil). Otherwise the focus year (`focusYear`,
    /// else the last) and, unless the values are already changes, the base year (`baseYear`, else the latest
    /// year before the focus year, else the year before it).
    static func comparedYears(_ spec: ChartSpec) -> ComparedYears? {
        let years = spec.yearsWithValues
        guard let last = years.last else { return nil }
        if spec.changeMeasure != .value && spec.series.count == 1 && years.count >= 3 { return nil }
        let focus = spec.focusYear ?? last
        if spec.changeMeasure == .value { return ComparedYears(base: nil, focus: focus) }
        return ComparedYears(base: spec.baseYear ?? years.last { $0 < focus } ?? focus - 1, focus: focus)
    }
    /// At least one change can be computed (B8: rows that all say 基数为0 are an empty state, not a chart).
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        func computable(_ a: Double?, _ b: Double?) -> Bool {
            switch spec.changeMeasure {
            case .value: return b != nil
            case .difference: return a != nil && b != nil
            case .percent: return a != nil && b != nil && a != 0
            }
        }
        if let years {
            let base = years.base ?? years.focus - 1
            return spec.series.contains { computable($0.value(in: base), $0.value(in: years.focus)) }
        }
        guard let s = spec.series.first else { return false }
        return s.years.contains { computable(s.value(in: $0 - 1), s.value(in: $0)) }
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String {
        if spec.yearsWithValues.isEmpty { return NoDataReason.noValues(language) }
        if spec.changeMeasure == .percent {
            return language == .zh ? "比较年份的基数为0或缺失，无法计算增幅" : "The base is 0 or missing: no percent change"
        }
        return language == .zh ? "没有主体同时具有两个比较年份的数值" : "No series has values in both compared years"
    }
    static func altTextSummary(_ spec: ChartSpec, comparing years: ComparedYears?, num: (Double) -> String) -> [String] {
        // Values that are already changes: one clause per series for the focus year.
        let zh = spec.language == .zh
        guard spec.changeMeasure == .value, let focus = years?.focus else {
            return AltTextWriter.seriesSentences(spec, num: num) + AltTextWriter.moreSeries(spec)
        }
        let list = spec.series.compactMap { s -> String? in
            guard let v = s.value(in: focus) else { return nil }
            if zh { return v > 0 ? "\(s.label)增加\(num(v))" : (v < 0 ? "\(s.label)减少\(num(-v))" : "\(s.label)持平") }
            return v > 0 ? "\(s.label) up \(num(v))" : (v < 0 ? "\(s.label) down \(num(-v))" : "\(s.label) unchanged")
        }
        return [zh ? "\(focus)年：" + list.joined(separator: "，") + "。" : "\(focus): " + list.joined(separator: ", ") + "."]
            + AltTextWriter.moreSeries(spec)
    }
    static func layout(_ builder: inout SceneBuilder) { builder.layoutChange() }
}

extension SceneBuilder {
    /// One bar of a change chart: a label, the change (nil = cannot be computed) and why not.
    struct ChangeBar {
        let label: String
        let change: Double?
        let reason: String?
    }

    mutating func layoutChange() {
        // Compared years (several series, or values that are already changes): one bar per series; none (one
        // series of levels over three or more years): one bar per year.
        if let compared = chart.comparedYears {
            layoutChangeAcross(compared)
        } else if let s = spec.series.first {
            layoutChangeOverYears(s)
        }
    }

    /// The change from `from` to `to` under the spec's measure.
    func change(from a: Double?, to b: Double?, baseYear: Int, focusYear: Int? = nil) -> (Double?, String?) {
        guard let b else {
            if let f = focusYear { return (nil, zh ? "无\(f)年数据" : "no \(f) value") }
            return (nil, zh ? "无数据" : "no data")
        }
        switch spec.changeMeasure {
        case .value: return (b, nil)
        case .difference:
            guard let a else { return (nil, zh ? "无\(baseYear)年数据" : "no \(baseYear) value") }
            return (b - a, nil)
        case .percent:
            guard let a else { return (nil, zh ? "无\(baseYear)年数据" : "no \(baseYear) value") }
            guard a != 0 else { return (nil, zh ? "基数为0" : "base is 0") }
            return ((b - a) / abs(a) * 100, nil)
        }
    }

    /// `（2022年较2021年）` — which years a comparison chart compares.
    func comparisonCaption(base: Int, focus: Int) -> String {
        zh ? "（\(focus)年较\(base)年）" : " (\(focus) vs \(base))"
    }

    /// `▲146`, `▼640`, `0`; percent: `▲4.8%`; a difference of rates: `▼2.8个百分点`.
    func signedLabel(_ v: Double, unit: ValueUnit) -> String {
        var body = unit.valueLabel(abs(v))
        if ratePoints { body = NumberText.display(abs(v), fractionDigits: 1) + (zh ? "个百分点" : " pp") }
        if v > 0 { return "▲" + body }
        if v < 0 { return "▼" + body }
        return body
    }

    /// True when the chart shows differences of rates (percent values, measure `difference`): they are in
    /// 个百分点, never `%` (A5).
    var ratePoints: Bool { spec.valueFormat == .percent && spec.changeMeasure == .difference }

    /// The value format and unit of a change axis: 个百分点 for differences of rates.
    var changeAxis: (format: ChartSpec.ValueFormat?, baseUnit: String?) {
        if ratePoints { return (.number, zh ? "个百分点" : "percentage points") }
        return (spec.changeMeasure == .percent ? .percent : nil, nil)
    }

    private mutating func layoutChangeOverYears(_ s: ChartSeries) {
        let body = frame()
        let years = continuousYears(s.years)
        let shown = Array(years.dropFirst())
        let bars: [ChangeBar] = shown.map { y in
            let (v, why) = change(from: s.value(in: y - 1), to: s.value(in: y), baseYear: y - 1)
            return ChangeBar(label: String(y), change: v, reason: why)
        }
        let c = cartesian(in: body, values: bars.compactMap(\.change), zero: true, x: .yearBands(shown),
                          format: changeAxis.format, headroom: 0.07, baseUnit: changeAxis.baseUnit)
        highlightYear(c)
        let underlay = items.count
        guard case .bands(let bands) = c.placement else { return }
        let w = min(bands.bandwidth, 56 * type.scale)
        let zeroY = c.y(0)
        let ls = TextStyle(size: type.label, bold: true, color: theme.text, halo: theme.background)
        let note = TextStyle(size: type.label * 0.85, color: theme.mutedText, halo: theme.background)
        for (i, b) in bars.enumerated() {
            let cx = bands.center(i)
            guard let v = b.change else {
                optionalText(b.reason ?? "", note, candidates: [(Point(cx, zeroY - 4), .center, .bottom),
                                                                 (Point(cx, zeroY + 4), .center, .top)],
                             role: .note, within: labelBounds(c))
                continue
            }
            let y = c.y(v)
            let r = Rect(x: cx - w / 2, y: min(y, zeroY), width: w, height: abs(zeroY - y))
            add(.rect(r, fill: v >= 0 ? theme.positive : theme.negative, stroke: nil))
            mark(.rect(r), series: nil)
            let p = v < 0 ? Point(cx, r.maxY + 3 * type.scale) : Point(cx, r.minY - 3 * type.scale)
            var st = ls
            st.color = theme.name == .print ? theme.text : theme.readable(v >= 0 ? theme.positive : theme.negative)
            optionalText(signedLabel(v, unit: c.unit), st, candidates: [(p, .center, v < 0 ? .top : .bottom)],
                         role: .valueLabel, within: labelBounds(c))
        }
        periodBreaks(c, under: underlay)
    }

    mutating func layoutChangeAcross(_ compared: ComparedYears, in given: Rect? = nil) {
        var body = given ?? frame()
        let focus = compared.focus
        let base = compared.base ?? focus - 1   // values that are already changes: the base year is only a caption
        if given == nil && spec.changeMeasure != .value { body = periodBreakNote(in: body, years: [base, focus]) }
        let bars: [ChangeBar] = spec.series.map { s in
            let (v, why) = change(from: s.value(in: base), to: s.value(in: focus), baseYear: base,
                                   focusYear: spec.changeMeasure == .value ? nil : focus)
            return ChangeBar(label: s.label, change: v, reason: why)
        }
        let axis = changeAxis
        let probe = ValueUnit.choose(maxAbs: bars.compactMap { $0.change.map(abs) }.max() ?? 0, baseUnit: axis.baseUnit ?? spec.unit,
                                     step: 1, format: axis.format ?? spec.valueFormat, language: spec.language)
        let ls = TextStyle(size: type.label, bold: true, color: theme.text, halo: theme.background)
        let labelW = bars.map { b in b.change.map { measure(signedLabel($0, unit: probe), ls).width }
            ?? measure(b.reason ?? "", ls).width }.max() ?? 0
        let h = horizontal(in: body, categories: bars.map(\.label), values: bars.compactMap(\.change),
                           valueLabelWidth: labelW, format: axis.format,
                           caption: spec.changeMeasure == .value ? "" : comparisonCaption(base: base, focus: focus),
                           baseUnit: axis.baseUnit)
        let zx = h.x(0)
        for (i, b) in bars.enumerated() {
            var st = ls
            st.size = min(ls.size, h.labelStyle.size)
            guard let v = b.change else {
                st.color = theme.mutedText
                st.bold = false
                // Every row without a bar says why, on whichever side of zero has room (B8).
                optionalText(b.reason ?? "", st, candidates: [(Point(zx + 4, h.bands.center(i)), .left, .middle),
                                                              (Point(zx - 4, h.bands.center(i)), .right, .middle)], role: .note)
                continue
            }
            let x = h.x(v)
            let thick = min(h.bands.bandwidth, 44 * type.scale)   // C7: no slab-thick bars
            let r = Rect(x: min(x, zx), y: h.bands.center(i) - thick / 2, width: abs(x - zx), height: thick)
            add(.rect(r, fill: v >= 0 ? theme.positive : theme.negative, stroke: nil))
            mark(.rect(r), series: nil)
            st.color = theme.name == .print ? theme.text : theme.readable(v >= 0 ? theme.positive : theme.negative)
            let p = v < 0 ? Point(r.minX - 4 * type.scale, r.midY) : Point(r.maxX + 4 * type.scale, r.midY)
            optionalText(signedLabel(v, unit: h.unit), st, candidates: [(p, v < 0 ? .right : .left, .middle)], role: .valueLabel)
        }
    }
}
