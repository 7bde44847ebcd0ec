import CCairo

/// Writes a ``Scene`` as SVG whose text is editable: every line of text is a `<text>` element (not glyph outlines).
///
/// The scene is the one Pango laid out for the PNG, PDF and cairo SVG, so nothing moves: each line starts where
/// Pango put it (its x offset and baseline inside the text box), `textLength` holds the width Pango measured (with
/// `lengthAdjust="spacingAndGlyphs"`, so a renderer with another font still fits the line in the same room),
/// `font-family` names the CJK font Pango used and the usual fallbacks on Windows and macOS. Rectangles, lines,
/// polygons and markers are written with the scene's own coordinates, in drawing order. Numbers are written with
/// at most three decimals, so the same scene gives the same bytes.
///
/// ```swift
/// let rendered = try Chart.renderEditableSVG(spec)
/// // <text x="28" y="53.5" font-family="'Noto Sans CJK SC', …" font-size="27" font-weight="bold" …>行政许可·项目数量</text>
/// ```
struct SVGTextWriter {
    /// The `font-family` of every text element: the font Pango sets Chinese in, then what Windows, macOS and other
    /// Linux systems have.
    static let fontFamily = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', "
        + "'WenQuanYi Micro Hei', sans-serif"

    /// The engine that measured the scene (its layouts give the lines and their positions).
    let text: PangoText
    /// The BCP-47 tag of the chart's text (`xml:lang`, which picks Simplified Chinese glyph forms).
    let language: String
    private let natural = NaturalWidths()

    /// A writer for scenes measured by `text` in `language`.
    init(text: PangoText, language: String) {
        self.text = text
        self.language = language
    }

    /// One line of a text box as Pango set it: the characters, where the line's baseline starts (relative to the
    /// box's top-left corner, before rotation) and its advance width.
    struct SetLine: Equatable {
        var text: String
        var x: Double
        var baseline: Double
        var width: Double
        /// The width of the same text with unrounded glyph advances (Pango rounds each advance to a whole unit; a
        /// renderer that does not honour `textLength` lays the line out at about this width).
        var naturalWidth: Double
    }

    /// The lines of `box` as laid out by Pango (wrapping at `wrapWidth`, breaking at newlines), trailing spaces
    /// dropped; each width is measured on the line's own text.
    func lines(of box: TextBox) -> [SetLine] {
        let layout = text.layout(box.text, size: box.style.size, bold: box.style.bold, serif: box.style.family == .serif,
                                 wrapWidth: box.wrapWidth)
        let utf8 = Array(box.text.utf8)
        let scale = Double(PANGO_SCALE)
        var out: [SetLine] = []
        guard let iter = pango_layout_get_iter(layout.pointer) else { return out }
        defer { pango_layout_iter_free(iter) }
        repeat {
            guard let line = pango_layout_iter_get_line_readonly(iter) else { continue }
            let start = max(0, min(utf8.count, Int(line.pointee.start_index)))
            let end = max(start, min(utf8.count, start + Int(line.pointee.length)))
            var s = String(decoding: utf8[start..<end], as: UTF8.self)
            while let last = s.last, last.isWhitespace { s.removeLast() }
            guard !s.isEmpty else { continue }
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iter, nil, &logical)
            let baseline = Double(pango_layout_iter_get_baseline(iter)) / scale
            let width = text.layout(s, size: box.style.size, bold: box.style.bold, serif: box.style.family == .serif, wrapWidth: nil).size.width
            out.append(SetLine(text: s, x: Double(logical.x) / scale, baseline: baseline, width: width,
                               naturalWidth: natural.width(of: s, like: layout.pointer)))
        } while pango_layout_iter_next_line(iter) != 0
        return out
    }

    /// The SVG document of `scene`, with the alt text as `<title>` and `<desc>`.
    func svg(_ scene: Scene) -> [UInt8] {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let w = Self.number(scene.size.width), h = Self.number(scene.size.height)
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)px\" height=\"\(h)px\" viewBox=\"0 0 \(w) \(h)\""
        out += " xml:lang=\"\(XMLText.escape(language))\">\n"
        out += "<title>\(XMLText.escape(scene.altText.title))</title>\n"
        out += "<desc>\(XMLText.escape(scene.altText.description))</desc>\n"
        out += "<rect width=\"\(w)\" height=\"\(h)\"\(Self.paint("fill", scene.background))/>\n"
        out += "<g stroke-linecap=\"round\" stroke-linejoin=\"round\">\n"
        for item in scene.items { write(item, to: &out) }
        out += "</g>\n</svg>\n"
        return Array(out.utf8)
    }

    private func write(_ item: Primitive, to out: inout String) {
        switch item {
        case let .rect(r, fill, stroke):
            out += "<rect x=\"\(Self.number(r.x))\" y=\"\(Self.number(r.y))\" width=\"\(Self.number(r.width))\""
            out += " height=\"\(Self.number(r.height))\"\(Self.fillAndStroke(fill, stroke))/>\n"
        case let .polyline(points, stroke):
            guard !points.isEmpty else { return }
            out += "<polyline points=\"\(Self.points(points))\"\(Self.fillAndStroke(nil, stroke))/>\n"
        case let .polygon(points, fill):
            guard !points.isEmpty else { return }
            out += "<polygon points=\"\(Self.points(points))\"\(Self.fillAndStroke(fill, nil))/>\n"
        case let .marker(c, shape, r, fill, stroke):
            let style = Self.fillAndStroke(fill, stroke)
            switch shape {
            case .circle:
                out += "<circle cx=\"\(Self.number(c.x))\" cy=\"\(Self.number(c.y))\" r=\"\(Self.number(r))\"\(style)/>\n"
            case .square:
                let s = r * 0.9
                out += "<rect x=\"\(Self.number(c.x - s))\" y=\"\(Self.number(c.y - s))\" width=\"\(Self.number(2 * s))\""
                out += " height=\"\(Self.number(2 * s))\"\(style)/>\n"
            case .triangle:
                let s = r * 1.25
                let pts = [Point(c.x, c.y - s), Point(c.x + s * 0.95, c.y + s * 0.6), Point(c.x - s * 0.95, c.y + s * 0.6)]
                out += "<polygon points=\"\(Self.points(pts))\"\(style)/>\n"
            case .diamond:
                let s = r * 1.25
                let pts = [Point(c.x, c.y - s), Point(c.x + s, c.y), Point(c.x, c.y + s), Point(c.x - s, c.y)]
                out += "<polygon points=\"\(Self.points(pts))\"\(style)/>\n"
            }
        case let .text(box):
            write(box, to: &out)
        }
    }

    /// One `<text>` per line. Vertical text is rotated −90° about the bottom-left corner of its frame, as the
    /// cairo renderer draws it; a halo is the text's own stroke painted under its fill (`paint-order`).
    private func write(_ box: TextBox, to out: inout String) {
        let style = box.style
        var common = " font-family=\"\(Self.fontFamily)\" font-size=\"\(Self.number(style.size))\""
        if style.bold { common += " font-weight=\"bold\"" }
        common += Self.paint("fill", style.color)
        if let halo = style.halo {
            common += Self.paint("stroke", halo) + " stroke-width=\"\(Self.number(max(2, style.size * 0.22)))\""
            common += " stroke-linejoin=\"round\" stroke-linecap=\"round\" paint-order=\"stroke\""
        }
        let origin = box.vertical ? Point(box.frame.minX, box.frame.maxY) : Point(box.frame.minX, box.frame.minY)
        for line in lines(of: box) {
            out += "<text"
            if box.vertical {
                out += " transform=\"translate(\(Self.number(origin.x)) \(Self.number(origin.y))) rotate(-90)\""
                out += " x=\"\(Self.number(line.x))\" y=\"\(Self.number(line.baseline))\""
            } else {
                out += " x=\"\(Self.number(origin.x + line.x))\" y=\"\(Self.number(origin.y + line.baseline))\""
            }
            out += " textLength=\"\(Self.number(line.width))\" lengthAdjust=\"spacingAndGlyphs\""
            // For renderers without textLength (librsvg, many editors): the rounding Pango added, spread over the
            // characters as letter spacing, so the line keeps its measured width there too.
            let spacing = (line.width - line.naturalWidth) / Double(max(1, line.text.count))
            if abs(spacing) >= 0.0005 { out += " letter-spacing=\"\(Self.number(spacing))\"" }
            out += common + " xml:space=\"preserve\">" + XMLText.escape(line.text) + "</text>\n"
        }
    }

    private static func fillAndStroke(_ fill: Color?, _ stroke: Stroke?) -> String {
        var s = fill.map { paint("fill", $0) } ?? " fill=\"none\""
        if let stroke {
            s += paint("stroke", stroke.color) + " stroke-width=\"\(number(stroke.width))\""
            if !stroke.dash.isEmpty { s += " stroke-dasharray=\"\(stroke.dash.map(number).joined(separator: ","))\"" }
        }
        return s
    }

    /// `fill="#rrggbb"` (or `stroke=…`), with `fill-opacity` when the colour is not opaque.
    private static func paint(_ attribute: String, _ c: Color) -> String {
        var s = " \(attribute)=\"\(c.hexString)\""
        if c.alpha < 1 { s += " \(attribute)-opacity=\"\(number(c.alpha))\"" }
        return s
    }

    private static func points(_ pts: [Point]) -> String {
        pts.map { number($0.x) + "," + number($0.y) }.joined(separator: " ")
    }

    /// `v` with at most three decimals, trailing zeros dropped (`12`, `12.5`, `-0.125`); never `-0`.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "0" }
        let thousandths = Int((v * 1000).rounded())
        let negative = thousandths < 0
        let m = negative ? -thousandths : thousandths
        var s = (negative ? "-" : "") + String(m / 1000)
        var frac = m % 1000
        if frac != 0 {
            var digits = 3
            while frac % 10 == 0 { frac /= 10; digits -= 1 }
            let f = String(frac)
            s += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return s
    }
}

/// Widths of text with unrounded glyph positions, on a Pango context of its own that shares the font map, language
/// and font options of the engine's.
private final class NaturalWidths {
    private var context: OpaquePointer?
    private var layout: OpaquePointer?

    deinit {
        if let layout { ccairo_unref(UnsafeMutableRawPointer(layout)) }
        if let context { ccairo_unref(UnsafeMutableRawPointer(context)) }
    }

    /// The logical width of `text` set in the font of `model` (a layout of the measuring engine), unrounded.
    func width(of text: String, like model: OpaquePointer) -> Double {
        if layout == nil {
            let source = pango_layout_get_context(model)
            let c = pango_font_map_create_context(pango_context_get_font_map(source))!
            pango_context_set_language(c, pango_context_get_language(source))
            pango_cairo_context_set_font_options(c, pango_cairo_context_get_font_options(source))
            pango_context_set_round_glyph_positions(c, 0)
            context = c
            layout = pango_layout_new(c)
        }
        guard let layout else { return 0 }
        pango_layout_set_font_description(layout, pango_layout_get_font_description(model))
        pango_layout_set_text(layout, text, -1)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return Double(logical.width) / Double(PANGO_SCALE)
    }
}

extension Chart {
    /// `spec` as SVG with editable text (see ``SVGTextWriter``): the same scene as every other format, each line of
    /// text a `<text>` element in the fonts named, everything else as drawn.
    ///
    /// ```swift
    /// let svg = try Chart.renderEditableSVG(spec).bytes   // <text …>行政许可·项目数量</text> …
    /// ```
    public static func renderEditableSVG(_ spec: ChartSpec) throws -> Rendered {
        let chart = ResolvedChart(spec)
        return try renderEditableSVG(chart, text: PangoText(language: chart.languageTag))
    }

    static func renderEditableSVG(_ chart: ResolvedChart, text: PangoText) throws -> Rendered {
        let scene = try scene(for: chart, text: text)
        let bytes = SVGTextWriter(text: text, language: chart.languageTag).svg(scene)
        return Rendered(bytes: bytes, unknownGlyphs: scene.unknownGlyphs, altText: scene.altText, scene: scene)
    }
}

extension ChartRenderer {
    /// `spec` as SVG with editable text, on this renderer's Pango engine (the same bytes as
    /// ``Chart/renderEditableSVG(_:)``).
    public func renderEditableSVG(_ spec: ChartSpec) throws -> Chart.Rendered {
        let chart = ResolvedChart(spec)
        return try Chart.renderEditableSVG(chart, text: engine(for: chart.languageTag))
    }
}
