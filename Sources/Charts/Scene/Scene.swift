/// A chart as a value: a canvas size, a background and primitives in drawing order.
///
/// Layout produces a scene; the renderer draws it. Tests inspect it without pixels:
///
/// ```swift
/// let scene = try Chart.scene(for: spec)
/// scene.texts.map(\.text)          // ["行政许可·项目数量", "单位：项", "5,434", …]
/// scene.overlappingTexts().isEmpty // true
/// ```
public struct Scene: Sendable, Hashable, Codable {
    /// Canvas size in chart units.
    public var size: Size
    /// Background fill.
    public var background: Color
    /// Primitives in drawing order.
    public var items: [Primitive]
    /// Unknown (tofu) glyphs in the scene's text, counted by Pango while measuring.
    public var unknownGlyphs: Int
    /// A description of the chart in words (title, range, trend).
    public var altText: AltText
    /// Where the data is drawn (points, lines, bars), for label checks; not drawn itself.
    public var marks: [DataMark]
    /// The colour each series is drawn with, in series order (nil: not drawn).
    public var seriesColors: [Color?]

    public init(size: Size, background: Color, items: [Primitive], unknownGlyphs: Int, altText: AltText,
                marks: [DataMark] = [], seriesColors: [Color?] = []) {
        self.size = size; self.background = background; self.items = items
        self.unknownGlyphs = unknownGlyphs; self.altText = altText; self.marks = marks; self.seriesColors = seriesColors
    }

    /// Every text box, in drawing order.
    public var texts: [TextBox] {
        items.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
    }

    /// The canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// Pairs of text boxes whose frames overlap (should be empty).
    public func overlappingTexts() -> [(TextBox, TextBox)] {
        let t = texts
        var out: [(TextBox, TextBox)] = []
        for i in t.indices {
            for j in t.indices where j > i && t[i].frame.intersects(t[j].frame) {
                out.append((t[i], t[j]))
            }
        }
        return out
    }

    /// Text boxes reaching outside the canvas (should be empty).
    public func textsOutsideCanvas() -> [TextBox] {
        texts.filter { !bounds.contains($0.frame) }
    }
}
