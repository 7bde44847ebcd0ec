/// The body of a chart with nothing to draw: `无数据` and a line saying why (the kind's reason), centred under
/// the title.
extension SceneBuilder {
    mutating func layoutNoData() {
        if spec.kind == .sparkline {
            // A sparkline has room for one line: the label and why it is empty.
            let pad = max(3, 6 * type.scale)
            let s = style(type.label * 0.9, color: theme.mutedText)
            let label = spec.title.isEmpty ? (spec.series.first?.label ?? "") : spec.title
            let line = ChineseLineBreak.lines(label + (zh ? "：" : ": ") + (chart.noDataReason ?? ""),
                                              maxWidth: canvas.width - 2 * pad, balanced: false) { measure($0, s).width }
            var y = pad
            for l in line where y + measure(l, s).height <= canvas.maxY - pad {
                let box = text(l, s, at: Point(pad, y), role: .note)
                y = box.frame.maxY
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
