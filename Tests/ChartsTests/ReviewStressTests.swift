import Charts
import TestSupport
import Testing

/// The review's stress specs (Appendix A of ../shared/reviews/visual.md) × every kind × every theme × every size
/// preset: what a chart editor checks by eye, checked on the scene.
@Suite("Review stress specs")
struct ReviewStressTests {
    static let specs = ReviewStressSpecs.all()
    static let sizes = ChartSize.presets.map(\.name)

    /// Everything wrong with one scene, in words (empty = clean).
    static func problems(_ scene: Scene, theme: Theme) -> [String] {
        var out: [String] = []
        let texts = scene.texts
        for (a, b) in scene.overlappingTexts() { out.append("text overlaps: “\(a.text)” and “\(b.text)”") }
        for t in scene.textsOutsideCanvas() { out.append("outside the canvas: “\(t.text)” \(t.frame)") }
        // Labels stay off the data (lines, markers, bars, reference and break rules), except inside their own bar.
        for t in texts where [.valueLabel, .seriesLabel, .note].contains(t.role) {
            for m in scene.marks where m.touches(t.frame, pad: 0) {
                if case .rect(let r) = m.shape, r.contains(t.frame), m.series == t.series { continue }
                out.append("“\(t.text)” (\(t.role.rawValue)) lies on data of series \(m.series.map(String.init) ?? "–")")
                break
            }
        }
        // A label is never nearer another series' point than its own.
        for t in texts {
            guard let owner = t.series else { continue }
            var own = Double.infinity, other = Double.infinity, otherSeries = -1
            for m in scene.marks {
                guard let s = m.series, let d = m.distance(to: t.frame) else { continue }
                if s == owner { own = min(own, d) } else if d < other { other = d; otherSeries = s }
            }
            if own > other + 0.5 { out.append("“\(t.text)” of series \(owner) is nearer series \(otherSeries) (\(other) < \(own))") }
        }
        // Text contrast (WCAG 4.5:1) against what it stands on: its halo, else the top fill under it, else the canvas.
        var fills: [(Rect, Color)] = []
        for item in scene.items {
            switch item {
            case .rect(let r, let fill?, _): fills.append((r, fill))
            case .text(let t):
                let centre = Point(t.frame.midX, t.frame.midY)
                var ground = scene.background
                if let halo = t.style.halo {
                    ground = halo.composited(over: scene.background)
                } else {
                    for (r, f) in fills where r.containsPoint(centre) { ground = f.composited(over: ground) }
                }
                let ratio = t.style.color.composited(over: ground).contrast(with: ground)
                if ratio < 4.5 - 1e-9 {
                    out.append("“\(t.text)” contrast \(String(format: "%.2f", ratio)) (\(t.style.color.hexString) on \(ground.hexString))")
                }
            default: break
            }
        }
        // No colour drawn for two series (the rest grey, named as one legend entry, is not a palette colour).
        let colours = scene.seriesColors.compactMap { $0?.hexString }.filter { $0 != theme.rest.hexString }
        if Set(colours).count != colours.count { out.append("a colour is repeated among series: \(colours)") }
        return out
    }

    @Test(arguments: ChartKind.allCases)
    func everySpecThemeAndSize(kind: ChartKind) throws {
        var failures: [String] = []
        var drawn = 0
        for (name, base) in Self.specs {
            for theme in Theme.Name.allCases {
                for size in Self.sizes {
                    var spec = base
                    spec.kind = kind
                    spec.theme = theme
                    spec.size = ChartSize.preset(size)!
                    let hasNegative = spec.series.contains { $0.presentValues.contains { $0 < 0 } }
                    let refused = (kind != .sparkline && size == "sparkline") || (kind == .share && hasNegative)
                    do {
                        let scene = try Chart.scene(for: spec)
                        if refused { failures.append("\(name) \(theme) \(size): drawn, should be refused"); continue }
                        drawn += 1
                        for p in Self.problems(scene, theme: Theme.named(theme)) { failures.append("\(name) \(theme.rawValue) \(size): \(p)") }
                    } catch let e as ChartError {
                        if !refused { failures.append("\(name) \(theme) \(size): refused: \(e)") }
                        else { #expect(e.description.contains("too small") || e.description.contains("含负值"), "\(e)") }
                    }
                }
            }
        }
        #expect(drawn > 0)
        let report = "\(failures.count) problems:\n" + failures.prefix(60).joined(separator: "\n")
        #expect(failures.isEmpty, Comment(rawValue: report))
    }
}
