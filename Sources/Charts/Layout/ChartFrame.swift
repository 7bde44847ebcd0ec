/// One entry of a legend: a label and how its swatch looks.
struct LegendEntry {
    enum Swatch { case line(dash: [Double], marker: MarkerShape?), box }
    let label: String
    let color: Color
    let swatch: Swatch
}

extension SceneBuilder {
    /// `text` broken into lines of at most `width` by ``ChineseLineBreak`` (避头尾, number and unit kept together,
    /// no one- or two-character last line; `balanced` for titles), joined by newlines.
    func broken(_ text: String, _ style: TextStyle, width: Double, balanced: Bool = false) -> String {
        ChineseLineBreak.lines(text, maxWidth: width, balanced: balanced) { measure($0, style).width }.joined(separator: "\n")
    }

    /// Lays out title, subtitle and source line; returns the area left for the chart body.
    mutating func frame() -> Rect {
        let m = type.margin
        let width = canvas.width - 2 * m
        var y = m * 0.85
        if !spec.title.isEmpty {
            let ts = style(type.title, bold: true)
            let box = text(broken(spec.title, ts, width: width, balanced: true), ts, at: Point(m, y), role: .title, wrap: width)
            y = box.frame.maxY + type.gap * 0.6
        }
        if let sub = spec.subtitle, !sub.isEmpty {
            let ss = style(type.subtitle, color: theme.mutedText)
            let box = text(broken(sub, ss, width: width), ss, at: Point(m, y), role: .subtitle, wrap: width)
            y = box.frame.maxY
        }
        y += type.gap * 1.6
        var bottom = canvas.maxY - m * 0.7
        if let src = spec.source, !src.isEmpty {
            let s = style(type.source, color: theme.mutedText)
            let lines = broken(src, s, width: width)
            let h = measure(lines, s, wrap: width).height
            text(lines, s, at: Point(m, bottom - h), role: .source, wrap: width)
            bottom -= h + type.gap * 1.4
        }
        return Rect(x: m, y: y, width: width, height: max(10, bottom - y))
    }

    /// Lays out a legend in rows across the top of `body`; returns the body below it.
    mutating func legend(_ entries: [LegendEntry], in body: Rect) -> Rect {
        guard !entries.isEmpty else { return body }
        let s = style(type.label, color: theme.text)
        let sw = 26 * type.scale
        let spacing = 20 * type.scale
        var x = body.minX
        var y = body.minY
        var rowHeight = 0.0
        for e in entries {
            let label = broken(e.label, s, width: body.width - sw - 6 * type.scale)
            let size = measure(label, s)
            let itemWidth = sw + 6 * type.scale + size.width
            if x > body.minX && x + itemWidth > body.maxX {
                x = body.minX
                y += rowHeight + type.gap * 0.5
                rowHeight = 0
            }
            let mid = y + size.height / 2
            switch e.swatch {
            case .box:
                let side = 13 * type.scale
                add(.rect(Rect(x: x + (sw - side) / 2, y: mid - side / 2, width: side, height: side), fill: e.color, stroke: nil))
            case .line(let dash, let marker):
                add(.polyline([Point(x, mid), Point(x + sw, mid)], Stroke(e.color, width: type.lineWidth, dash: dash)))
                if let marker {
                    add(.marker(Point(x + sw / 2, mid), shape: marker, radius: type.markerRadius, fill: e.color, stroke: nil))
                }
            }
            text(label, s, at: Point(x + sw + 6 * type.scale, y), role: .legend)
            x += itemWidth + spacing
            rowHeight = max(rowHeight, size.height)
        }
        let used = y + rowHeight + type.gap * 1.5 - body.minY
        return Rect(x: body.minX, y: body.minY + used, width: body.width, height: max(10, body.height - used))
    }
}
