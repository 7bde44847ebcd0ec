/// The body of a chart with nothing to draw: `无数据` and a line saying why (the kind's reason), centred under
/// the title.
extension SceneBuilder {
    mutating func layoutNoData() {
        if spec.kind == .sparkline {
            // A sparkline has room for two short lines: the label, then the head (无数据 or 均为0) and why.
            let pad = max(3, 6 * type.scale)
            let s = style(type.label * 0.9, color: theme.mutedText)
            let label = spec.title.isEmpty ? (spec.series.first?.label ?? "") : spec.title
            var y = pad
            let first = ChineseLineBreak.lines(label, maxWidth: canvas.width - 2 * pad, balanced: false) { measure($0, s).width }.first ?? ""
            y = text(first, s, at: Point(pad, y), role: .title).frame.maxY
            let head = chart.allZero ? (zh ? "均为0" : "All zero") : (zh ? "无数据" : "No data")
            var bold = s
            bold.bold = true
            let box = text(head, bold, at: Point(pad, y), role: .note)
            if let why = chart.noDataReason, !why.isEmpty {
                let t = (zh ? "：" : ": ") + why
                if box.frame.maxX + measure(t, s).width <= canvas.maxX - pad {
                    text(t, s, at: Point(box.frame.maxX, y), role: .note)
                }
            }
            return
        }
        let body = frame()
        let big = style(type.title * 1.1, bold: true, color: theme.mutedText)
        let small = style(type.subtitle, color: theme.mutedText)
        let why = chart.noDataReason ?? ""
        let head = chart.allZero ? (zh ? "均为0" : "All zero") : (zh ? "无数据" : "No data")
        let box = text(head, big, at: Point(body.midX, body.midY), .center, .bottom, role: .note)
        text(why, small, at: Point(body.midX, box.frame.maxY + type.gap * 0.6), .center, .top, role: .note)
    }
}
