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
        let s = TextStyle(size: type.label * 0.95, color: theme.reference, halo: theme.background)
        let label = name + " " + c.unit.valueLabel(v)
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
}
