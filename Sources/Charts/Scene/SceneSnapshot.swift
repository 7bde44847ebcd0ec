import SeriesModel

/// A stable text form of a scene for golden files: one primitive per line, coordinates rounded to 0.5 units,
/// colours as hex.
///
/// ```swift
/// SceneSnapshot.text(scene)
/// // "scene 1200x750 bg #ffffff\ntext title 28,24 226x39 \"行政许可·项目数量\" 27 bold #1a1a1a\n…"
/// ```
public enum SceneSnapshot {
    /// The snapshot text of `scene`.
    public static func text(_ scene: Scene) -> String {
        var out = "scene \(n(scene.size.width))x\(n(scene.size.height)) bg \(scene.background.hexString)\n"
        for item in scene.items {
            switch item {
            case .rect(let r, let fill, let stroke):
                out += "rect \(rect(r)) fill \(fill.map(color) ?? "none") stroke \(stroke.map(strokeText) ?? "none")\n"
            case .polyline(let pts, let s):
                out += "line \(pts.map(point).joined(separator: " ")) \(strokeText(s))\n"
            case .polygon(let pts, let fill):
                out += "polygon \(pts.map(point).joined(separator: " ")) fill \(color(fill))\n"
            case .marker(let p, let shape, let r, let fill, _):
                out += "marker \(shape.rawValue) \(point(p)) r\(n(r)) \(color(fill))\n"
            case .text(let t):
                out += "text \(t.role.rawValue) \(rect(t.frame)) \"\(t.text)\" \(n(t.style.size))\(t.style.bold ? " bold" : "") \(color(t.style.color))\(t.vertical ? " vertical" : "")\n"
            }
        }
        return out
    }

    private static func n(_ v: Double) -> String {
        let r = (v * 2).rounded() / 2
        return r == r.rounded() ? String(Int(r)) : NumberText.positional(r, fractionDigits: 1)
    }
    private static func point(_ p: Point) -> String { "\(n(p.x)),\(n(p.y))" }
    private static func rect(_ r: Rect) -> String { "\(n(r.x)),\(n(r.y)) \(n(r.width))x\(n(r.height))" }
    private static func color(_ c: Color) -> String {
        c.alpha < 1 ? c.hexString + "@" + NumberText.positional(c.alpha, fractionDigits: 2) : c.hexString
    }
    private static func strokeText(_ s: Stroke) -> String {
        "\(color(s.color)) w\(n(s.width))" + (s.dash.isEmpty ? "" : " dash " + s.dash.map(n).joined(separator: ","))
    }
}
