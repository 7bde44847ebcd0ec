/// `rank`: one year, one horizontal bar per series, longest first, the value at each bar's end.
extension SceneBuilder {
    mutating func layoutRank() {
        let body = frame()
        let year = spec.focusYear ?? spec.yearsWithValues.last ?? 0
        let rows = spec.series.enumerated().compactMap { i, s in s.value(in: year).map { (i, s.label, $0) } }
            .sorted { ($0.2, $1.0) > ($1.2, $0.0) }
        let probeUnit = ValueUnit.choose(maxAbs: rows.map { abs($0.2) }.max() ?? 0, baseUnit: spec.unit, step: 1,
                                         format: spec.valueFormat, language: spec.language)
        let valueStyle = TextStyle(size: type.label, color: theme.text)
        let labelW = rows.map { measure(probeUnit.valueLabel($0.2), valueStyle).width }.max() ?? 0
        let h = horizontal(in: body, categories: rows.map(\.1), values: rows.map(\.2), valueLabelWidth: labelW,
                           caption: zh ? "（\(year)年）" : " (\(year))")
        var vs = valueStyle
        vs.size = min(valueStyle.size, h.labelStyle.size)
        let single = rows.count <= 1
        for (k, row) in rows.enumerated() {
            let x0 = h.x(0), x1 = h.x(row.2)
            let r = Rect(x: min(x0, x1), y: h.bands.start(k), width: abs(x1 - x0), height: h.bands.bandwidth)
            let color = single ? theme.seriesColor(0) : (k == 0 ? theme.seriesColor(0) : theme.seriesColor(0).opacity(0.72))
            add(.rect(r, fill: color, stroke: nil))
            if spec.annotations.valueLabels != .none {
                let label = h.unit.valueLabel(row.2)
                let p = row.2 < 0 ? Point(r.minX - 4 * type.scale, r.midY) : Point(r.maxX + 4 * type.scale, r.midY)
                optionalText(label, vs, candidates: [(p, row.2 < 0 ? .right : .left, .middle)], role: .valueLabel)
            }
        }
        if let (v, name) = referenceValue(rows.map(\.2)) {
            let px = h.x(v)
            add(.polyline([Point(px, h.plot.minY), Point(px, h.plot.maxY)],
                          Stroke(theme.reference, width: 1.5 * type.scale, dash: [6 * type.scale, 4 * type.scale])))
            let s = TextStyle(size: type.label * 0.9, color: theme.reference, halo: theme.background)
            optionalText(name + " " + h.unit.valueLabel(v), s, candidates: [
                (Point(px + 4, h.plot.minY - 2), .left, .bottom), (Point(px - 4, h.plot.minY - 2), .right, .bottom),
            ], role: .note)
        }
    }
}
