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
    static func hasDrawableData(_ spec: ChartSpec, comparing years: ComparedYears?) -> Bool {
        !spec.yearsWithValues.isEmpty
    }
    static func noDataReason(_ spec: ChartSpec, language: Language) -> String { NoDataReason.noValues(language) }
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
    func change(from a: Double?, to b: Double?, baseYear: Int) -> (Double?, String?) {
        guard let b else { return (nil, zh ? "无数据" : "no data") }
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

    /// `▲146`, `▼640`, `0`; percent: `▲4.8%`.
    func signedLabel(_ v: Double, unit: ValueUnit) -> String {
        let body = unit.valueLabel(abs(v))
        if v > 0 { return "▲" + body }
        if v < 0 { return "▼" + body }
        return body
    }

    private mutating func layoutChangeOverYears(_ s: ChartSeries) {
        let body = frame()
        let years = continuousYears(s.years)
        let shown = Array(years.dropFirst())
        let bars: [ChangeBar] = shown.map { y in
            let (v, why) = change(from: s.value(in: y - 1), to: s.value(in: y), baseYear: y - 1)
            return ChangeBar(label: String(y), change: v, reason: why)
        }
        let percent = spec.changeMeasure == .percent
        let c = cartesian(in: body, values: bars.compactMap(\.change), zero: true, x: .yearBands(shown),
                          format: percent ? .percent : nil, headroom: 0.07)
        highlightYear(c)
        guard case .bands(let bands) = c.placement else { return }
        let w = min(bands.bandwidth, 90 * type.scale)
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
            let p = v < 0 ? Point(cx, r.maxY + 3 * type.scale) : Point(cx, r.minY - 3 * type.scale)
            var st = ls
            st.color = v >= 0 ? theme.positive : theme.negative
            if theme.name == .print { st.color = theme.text }
            optionalText(signedLabel(v, unit: c.unit), st, candidates: [(p, .center, v < 0 ? .top : .bottom)],
                         role: .valueLabel, within: labelBounds(c))
        }
    }

    private mutating func layoutChangeAcross(_ compared: ComparedYears) {
        let body = frame()
        let focus = compared.focus
        let base = compared.base ?? focus - 1   // values that are already changes: the base year is only a caption
        let bars: [ChangeBar] = spec.series.map { s in
            let (v, why) = change(from: s.value(in: base), to: s.value(in: focus), baseYear: base)
            return ChangeBar(label: s.label, change: v, reason: why)
        }
        let percent = spec.changeMeasure == .percent
        let probe = ValueUnit.choose(maxAbs: bars.compactMap { $0.change.map(abs) }.max() ?? 0, baseUnit: spec.unit,
                                     step: 1, format: percent ? .percent : spec.valueFormat, language: spec.language)
        let ls = TextStyle(size: type.label, bold: true, color: theme.text, halo: theme.background)
        let labelW = bars.map { b in b.change.map { measure(signedLabel($0, unit: probe), ls).width }
            ?? measure(b.reason ?? "", ls).width }.max() ?? 0
        let h = horizontal(in: body, categories: bars.map(\.label), values: bars.compactMap(\.change),
                           valueLabelWidth: labelW, format: percent ? .percent : nil,
                           caption: spec.changeMeasure == .value ? "" : comparisonCaption(base: base, focus: focus))
        let zx = h.x(0)
        for (i, b) in bars.enumerated() {
            var st = ls
            st.size = min(ls.size, h.labelStyle.size)
            guard let v = b.change else {
                st.color = theme.mutedText
                st.bold = false
                optionalText(b.reason ?? "", st, candidates: [(Point(zx + 4, h.bands.center(i)), .left, .middle)], role: .note)
                continue
            }
            let x = h.x(v)
            let r = Rect(x: min(x, zx), y: h.bands.start(i), width: abs(x - zx), height: h.bands.bandwidth)
            add(.rect(r, fill: v >= 0 ? theme.positive : theme.negative, stroke: nil))
            st.color = theme.name == .print ? theme.text : (v >= 0 ? theme.positive : theme.negative)
            let p = v < 0 ? Point(r.minX - 4 * type.scale, r.midY) : Point(r.maxX + 4 * type.scale, r.midY)
            optionalText(signedLabel(v, unit: h.unit), st, candidates: [(p, v < 0 ? .right : .left, .middle)], role: .valueLabel)
        }
    }
}
