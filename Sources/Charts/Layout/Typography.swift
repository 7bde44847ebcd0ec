/// Type sizes and spacing for one canvas size: everything grows with the canvas.
struct Typography {
    let scale: Double
    var margin: Double { 28 * scale }
    var title: Double { 27 * scale }
    var subtitle: Double { 17.5 * scale }
    var axisTitle: Double { 15 * scale }
    var tick: Double { 15 * scale }
    var label: Double { 15 * scale }
    var seriesLabel: Double { 15.5 * scale }
    var source: Double { 13 * scale }
    var gap: Double { 8 * scale }
    var lineWidth: Double { 2.6 * scale }
    var markerRadius: Double { 4.2 * scale }

    init(size: ChartSize) { scale = size.fontScale }
    init(scale: Double) { self.scale = scale }
}
