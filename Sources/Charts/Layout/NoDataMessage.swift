/// The body of a chart with nothing to draw: `无数据` and a line saying why (the kind's reason), centred under
/// the title.
extension SceneBuilder {
    mutating func layoutNoData() {
        let body = frame()
        let big = style(type.title * 1.1, bold: true, color: theme.mutedText)
        let small = style(type.subtitle, color: theme.mutedText)
        let why = chart.noDataReason ?? ""
        let box = text(zh ? "无数据" : "No data", big, at: Point(body.midX, body.midY), .center, .bottom, role: .note)
        text(why, small, at: Point(body.midX, box.frame.maxY + type.gap * 0.6), .center, .top, role: .note)
    }
}
