/// The body of a chart with nothing to draw: `无数据` and a line saying why, centred under the title.
extension SceneBuilder {
    mutating func layoutNoData() {
        let body = frame()
        let big = style(type.title * 1.1, bold: true, color: theme.mutedText)
        let small = style(type.subtitle, color: theme.mutedText)
        let why: String
        switch spec.kind {
        case .slope:
            why = zh ? "没有主体同时具有两个比较年份的数值" : "No series has values in both compared years"
        case .rank:
            why = zh ? "所选年份没有数值" : "No values in the selected year"
        default:
            why = zh ? "所选指标没有数值" : "No values for the selected metrics"
        }
        let box = text(zh ? "无数据" : "No data", big, at: Point(body.midX, body.midY), .center, .bottom, role: .note)
        text(why, small, at: Point(body.midX, box.frame.maxY + type.gap * 0.6), .center, .top, role: .note)
    }
}
