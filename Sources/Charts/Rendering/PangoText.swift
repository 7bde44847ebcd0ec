import CCairo

/// Sets and measures text with Pango (per-run font fallback, HarfBuzz shaping, `zh-cn` language).
///
/// Layouts are cached by (text, size, weight, wrap width), so each string is shaped once, measured during
/// layout and drawn from the same layout; an engine kept by a ``ChartRenderer`` reuses them across charts.
/// Hinting of metrics is off, so measurements do not depend on the output format or the PNG scale factor.
/// Not Sendable: create it inside the task that renders.
package final class PangoText: TextMeasurer {
    private struct Key: Hashable {
        let text: String
        let size: Double
        let bold: Bool
        let serif: Bool
        let wrap: Double
    }

    final class Layout {
        let pointer: OpaquePointer
        let size: Size
        let unknownGlyphs: Int
        init(pointer: OpaquePointer, size: Size, unknownGlyphs: Int) {
            self.pointer = pointer; self.size = size; self.unknownGlyphs = unknownGlyphs
        }
        deinit { ccairo_unref(UnsafeMutableRawPointer(pointer)) }
    }

    /// The font families asked for, in order; Pango falls back per run beyond them.
    package static let families = "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Droid Sans Fallback, sans-serif"
    /// The serif families (宋体 style) for ``FontFamily/serif`` text, then the sans ones as fallback.
    package static let serifFamilies = "Noto Serif CJK SC, Source Han Serif SC, " + families

    private let context: OpaquePointer
    private var cache: [Key: Layout] = [:]
    private var fonts: [Int: OpaquePointer] = [:]

    /// An engine on the thread's default Pango font map (cheap after the first use on a thread).
    /// - Parameter language: a BCP-47 tag for glyph selection, `zh-cn` for Simplified Chinese forms.
    package convenience init(language: String = "zh-cn") {
        self.init(language: language, ownFontMap: false)
    }

    /// An engine on the thread's default font map, or on a font map of its own when `ownFontMap` (then the
    /// engine may outlive the thread that made it: nothing it holds is shared with other engines).
    init(language: String, ownFontMap: Bool) {
        if ownFontMap {
            let fontMap = pango_cairo_font_map_new()
            context = pango_font_map_create_context(fontMap)
            ccairo_unref(UnsafeMutableRawPointer(fontMap))   // the context keeps its font map alive
        } else {
            context = pango_font_map_create_context(pango_cairo_font_map_get_default())
        }
        pango_context_set_language(context, pango_language_from_string(language))
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    deinit {
        cache.removeAll()
        for f in fonts.values { pango_font_description_free(f) }
        ccairo_unref(UnsafeMutableRawPointer(context))
    }

    /// Layouts kept for reuse.
    var cachedLayouts: Int { cache.count }

    /// Forgets the cached layouts (call between charts to bound memory; results do not change).
    func clearLayouts() { cache.removeAll(keepingCapacity: true) }

    private func font(size: Double, bold: Bool, serif: Bool = false) -> OpaquePointer {
        let key = Int((size * 64).rounded()) * 4 + (bold ? 1 : 0) + (serif ? 2 : 0)
        if let f = fonts[key] { return f }
        let f = pango_font_description_new()!
        pango_font_description_set_family(f, serif ? Self.serifFamilies : Self.families)
        pango_font_description_set_weight(f, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_absolute_size(f, (size * Double(PANGO_SCALE)).rounded())
        fonts[key] = f
        return f
    }

    func layout(_ text: String, size: Double, bold: Bool, serif: Bool = false, wrapWidth: Double?) -> Layout {
        let key = Key(text: text, size: size, bold: bold, serif: serif, wrap: wrapWidth ?? -1)
        if let l = cache[key] { return l }
        let p = pango_layout_new(context)!
        pango_layout_set_font_description(p, font(size: size, bold: bold, serif: serif))
        if let w = wrapWidth {
            pango_layout_set_width(p, Int32((w * Double(PANGO_SCALE)).rounded(.down)))
            pango_layout_set_wrap(p, PANGO_WRAP_WORD_CHAR)
        }
        pango_layout_set_text(p, text, -1)
        var ink = PangoRectangle(), logical = PangoRectangle()
        pango_layout_get_extents(p, &ink, &logical)
        let scale = Double(PANGO_SCALE)
        let l = Layout(pointer: p,
                       size: Size(Double(logical.width) / scale, Double(logical.height) / scale),
                       unknownGlyphs: Int(pango_layout_get_unknown_glyphs_count(p)))
        cache[key] = l
        return l
    }

    /// The logical size of `text`, shaped once and cached for drawing.

    package func measure(_ text: String, style: TextStyle, wrapWidth: Double?) -> Size {
        layout(text, size: style.size, bold: style.bold, serif: style.family == .serif, wrapWidth: wrapWidth).size
    }

    /// Unknown glyphs (drawn as boxes) in `text` set in `style`: 0 when an installed font covers it.
    package func unknownGlyphs(_ text: String, style: TextStyle, wrapWidth: Double? = nil) -> Int {
        layout(text, size: style.size, bold: style.bold, serif: style.family == .serif, wrapWidth: wrapWidth).unknownGlyphs
    }

    /// Draws a text box on `cr` at its frame (rotating vertical text), with its halo first when it has one.
    func draw(_ box: TextBox, on cr: CairoContext) {
        let l = layout(box.text, size: box.style.size, bold: box.style.bold, serif: box.style.family == .serif,
                       wrapWidth: box.wrapWidth)
        cr.save()
        if box.vertical {
            cr.translate(box.frame.minX, box.frame.maxY)
            cr.rotate(-Double.pi / 2)
        } else {
            cr.translate(box.frame.minX, box.frame.minY)
        }
        if let halo = box.style.halo {
            cr.move(0, 0)
            pango_cairo_layout_path(cr.pointer, l.pointer)
            cr.setSource(halo)
            cr.setLineWidth(max(2, box.style.size * 0.22))
            cr.setLineJoinRound()
            cr.stroke()
        }
        cr.setSource(box.style.color)
        cr.move(0, 0)
        pango_cairo_show_layout(cr.pointer, l.pointer)
        cr.restore()
    }
}
