/// Annotations shared by the chart kinds: value labels, reference line, trend line, highlighted year, notes.
extension SceneBuilder {
    /// The value label style: bold-ish, with a background halo so it reads over grid and lines.
    var valueStyle: TextStyle {
        TextStyle(size: type.label, bold: false, color: theme.text, halo: theme.background)
    }

    /// Which points of `series` carry value labels under the spec's annotation setting.
    func labelledIndices(_ series: ChartSeries, seriesCount: Int, totalPoints: Int) -> [Int] {
        let present = series.points.indices.filter { series.points[$0].value != nil }
        guard let lastIndex = present.last else { return [] }
        switch spec.annotations.valueLabels {
        case .none: return []
        case .all: return present
        case .last: return [lastIndex]
        case .auto: return totalPoints <= 12 && seriesCount <= 3 ? present : [lastIndex]
        case .extremes:
            let vals = present.map { ($0, series.points[$0].value!) }
            let maxI = vals.max { $0.1 < $1.1 }!.0
            let minI = vals.min { $0.1 < $1.1 }!.0
            return Array(Set([maxI, minI, lastIndex])).sorted()
        }
    }

    /// A band behind the highlighted year.
    mutating func highlightYear(_ c: Cartesian) {
        guard let year = spec.annotations.highlightYear, let cx = c.x(year: year) else { return }
        let half = switch c.placement {
        case .bands(let b): b.step / 2
        case .points(let s): min(abs(s(1) - s(0)) / 2, 36 * type.scale)
        }
        let left = max(c.plot.minX, cx - half), right = min(c.plot.maxX, cx + half)
        add(.rect(Rect(x: left, y: c.plot.minY, width: right - left, height: c.plot.height), fill: theme.highlight, stroke: nil))
    }

    /// `无数据` just above the baseline of every shown year in which no series has a value (a gap, not a zero).
    mutating func missingYearMarks(_ c: Cartesian) {
        let s = TextStyle(size: type.label * 0.85, color: theme.mutedText)
        let baseline = c.y(max(c.ticks.lower, min(0, c.ticks.upper)))
        for year in c.years where !spec.series.contains(where: { $0.value(in: year) != nil }) {
            guard let x = c.x(year: year) else { continue }
            optionalText(zh ? "无数据" : "no data", s, candidates: [(Point(x, baseline - 4 * type.scale), .center, .bottom)],
                         role: .note, within: c.plot)
        }
    }

    /// The reference value: the mean of `values` or the spec's fixed value.
    func referenceValue(_ values: [Double]) -> (value: Double, label: String)? {
        switch spec.annotations.reference {
        case .none: return nil
        case .mean:
            guard !values.isEmpty else { return nil }
            return (values.reduce(0, +) / Double(values.count), zh ? "均值" : "Mean")
        case .value(let v, let label)?: return (v, label ?? (zh ? "参考值" : "Reference"))
        }
    }

    /// A dashed horizontal line at the reference value, labelled at the right end of the plot.
    mutating func referenceLine(_ c: Cartesian, values: [Double]) {
        guard let (v, name) = referenceValue(values) else { return }
        let py = c.y(v)
        add(.polyline([Point(c.plot.minX, py), Point(c.plot.maxX, py)],
                      Stroke(theme.reference, width: 1.5 * type.scale, dash: [7 * type.scale, 5 * type.scale])))
        mark(.segment(Point(c.plot.minX, py), Point(c.plot.maxX, py), width: 1.5 * type.scale), series: nil)
        let s = TextStyle(size: type.label * 0.95, color: theme.reference, halo: theme.background)
        // A mean of counts is a count: rounded, said as about (均值约1,895), never 1,895.1 (C1).
        let counts = spec.valueFormat == .number && values.allSatisfy { $0 == $0.rounded() }
        let isMean: Bool = if case .mean? = spec.annotations.reference { true } else { false }
        let label = isMean && counts && v != v.rounded()
            ? name + (zh ? "约" : " about ") + c.unit.valueLabel(v.rounded()) : name + " " + c.unit.valueLabel(v)
        optionalText(label, s, candidates: [
            (Point(c.plot.maxX - 4, py - 3), .right, .bottom), (Point(c.plot.maxX - 4, py + 3), .right, .top),
            (Point(c.plot.minX + 4, py - 3), .left, .bottom), (Point(c.plot.minX + 4, py + 3), .left, .top),
        ], role: .note, within: c.plot)
    }

    /// A note above a point with a short leader line; a vertical guide when the year has no point.
    mutating func notes(_ c: Cartesian, pointFor: (Annotations.Note) -> Point?) {
        let s = TextStyle(size: type.label * 0.95, bold: true, color: theme.text, halo: theme.background)
        for note in spec.annotations.notes {
            guard let cx = c.x(year: note.year) else { continue }
            let anchor = pointFor(note) ?? Point(cx, c.plot.minY + c.plot.height * 0.1)
            if pointFor(note) == nil {
                add(.polyline([Point(cx, c.plot.minY), Point(cx, c.plot.maxY)],
                              Stroke(theme.reference, width: type.scale, dash: [4 * type.scale, 4 * type.scale])))
            }
            let rise = [28.0, 48, 70].map { $0 * type.scale }
            var candidates: [(Point, HAlign, VAlign)] = []
            for r in rise {
                candidates.append((Point(anchor.x, anchor.y - r), .center, .bottom))
                candidates.append((Point(anchor.x, anchor.y + r), .center, .top))
                candidates.append((Point(anchor.x - 6, anchor.y - r), .right, .bottom))
                candidates.append((Point(anchor.x + 6, anchor.y - r), .left, .bottom))
            }
            if let box = optionalText(note.text, s, candidates: candidates, role: .note, within: canvas.inset(by: 2)) {
                let below = box.frame.minY > anchor.y
                let endY = below ? box.frame.minY - 1 : box.frame.maxY + 1
                let endX = min(max(anchor.x, box.frame.minX), box.frame.maxX)
                let startY = anchor.y + (below ? 1 : -1) * (type.markerRadius + 2)
                add(.polyline([Point(anchor.x, startY), Point(endX, endY)], Stroke(theme.text, width: type.scale)))
                reserve(Rect(x: min(anchor.x, endX) - 2, y: min(startY, endY), width: abs(endX - anchor.x) + 4, height: abs(endY - startY)))
            }
        }
    }

    /// The x of the boundary between `year` and the next on the chart's x axis, or nil when the axis does not
    /// hold both sides of it.
    func boundaryX(_ c: Cartesian, after year: Int) -> Double? {
        guard let first = c.years.first, let last = c.years.last, year >= first, year + 1 <= last else { return nil }
        switch c.placement {
        case .points(let s): return s(Double(year) + 0.5)
        case .bands(let b):
            guard let i = c.years.lastIndex(where: { $0 <= year }), i + 1 < c.years.count else { return nil }
            return (b.center(i) + b.center(i + 1)) / 2
        }
    }

    /// The spec's period breaks (e.g. the 2021 template change): one dashed rule across the plot between the two
    /// years, drawn under the data (inserted at `under`), and its label at the top of the plot, clear of
    /// other text and of the data.
    mutating func periodBreaks(_ c: Cartesian, under: Int) {
        let s = TextStyle(size: type.label * 0.85, color: theme.mutedText, halo: theme.background)
        for br in spec.annotations.periodBreaks {
            guard let x = boundaryX(c, after: br.afterYear) else { continue }
            let rule = Primitive.polyline([Point(x, c.plot.minY), Point(x, c.plot.maxY)],
                                          Stroke(theme.reference, width: 1.2 * type.scale, dash: [5 * type.scale, 4 * type.scale]))
            items.insert(rule, at: min(under, items.count))
            mark(.segment(Point(x, c.plot.minY), Point(x, c.plot.maxY), width: 1.2 * type.scale), series: nil)
            let g = 4 * type.scale
            var candidates: [(Point, HAlign, VAlign)] = []
            for f in [0.0, 0.12, 0.24, 0.36, 0.5, 0.64, 0.78] {
                let y = c.plot.minY + 2 + c.plot.height * f
                candidates += [(Point(x + g, y), .left, .top), (Point(x - g, y), .right, .top)]
            }
            candidates.append((Point(x, c.plot.minY - 2), .center, .bottom))
            if optionalText(br.label, s, candidates: candidates, role: .note, within: labelBounds(c)) == nil {
                var small = s
                small.size = type.label * 0.7
                optionalText(br.label, small, candidates: candidates, role: .note, within: labelBounds(c))
            }
        }
    }

    /// For kinds without a year axis: the period breaks the compared years cross, as one note line at the foot of
    /// `body`; returns the body above it.
    mutating func periodBreakNote(in body: Rect, years: [Int]) -> Rect {
        guard let lo = years.min(), let hi = years.max() else { return body }
        let crossed = spec.annotations.periodBreaks.filter { $0.afterYear >= lo && $0.afterYear < hi }
        guard !crossed.isEmpty else { return body }
        let s = TextStyle(size: type.label * 0.85, color: theme.mutedText)
        let text = (zh ? "注：" : "Note: ") + crossed.map(\.label).joined(separator: zh ? "；" : "; ")
        let lines = broken(text, s, width: body.width)
        let h = measure(lines, s, wrap: body.width).height
        self.text(lines, s, at: Point(body.minX, body.maxY - h), role: .note, wrap: body.width)
        return Rect(x: body.minX, y: body.minY, width: body.width, height: max(10, body.height - h - type.gap))
    }
}
