import SeriesModel

/// The chart pipeline: spec → layout → scene → PNG/SVG/PDF bytes.
///
/// Each call creates its own Pango engine and cairo surface and touches no shared state, so it is safe to
/// call from many tasks at once; only the `ChartSpec` in and the bytes out cross threads.
///
/// ```swift
/// let spec = ChartSpec(title: "行政许可·项目数量", unit: "项",
///                      series: [ChartSeries(label: "牡丹江市人民政府", values: [2019: 5434, 2020: 4794])])
/// let png = try Chart.render(spec, format: .png)      // [UInt8], starts with 89 50 4E 47
/// let svg = try Chart.render(spec, format: .svg)      // the same bytes on every call
/// ```
public enum Chart {
    /// A rendered chart: the file bytes plus what the caller may want to report.
    public struct Rendered: Sendable {
        /// The PNG, SVG or PDF file's bytes.
        public let bytes: [UInt8]
        /// Glyphs no installed font covers (drawn as boxes). Non-zero means: install fonts-noto-cjk.
        public let unknownGlyphs: Int
        /// The chart described in words.
        public let altText: AltText
        /// The laid-out scene that was drawn.
        public let scene: Scene
    }

    /// The bytes of `spec` drawn in `format`.
    public static func render(_ spec: ChartSpec, format: OutputFormat) throws -> [UInt8] {
        try renderDetailed(spec, format: format).bytes
    }

    /// The scene of `spec`: every primitive, text measured by Pango.
    public static func scene(for spec: ChartSpec) throws -> Scene {
        let chart = ResolvedChart(spec)
        return try scene(for: chart, text: PangoText(language: chart.languageTag))
    }

    /// Renders `spec` and returns the bytes with the unknown-glyph count, the alt text and the scene.
    public static func renderDetailed(_ spec: ChartSpec, format: OutputFormat) throws -> Rendered {
        let chart = ResolvedChart(spec)
        return try renderDetailed(chart, format: format, text: PangoText(language: chart.languageTag))
    }

    static func renderDetailed(_ chart: ResolvedChart, format: OutputFormat, text: PangoText) throws -> Rendered {
        let spec = chart.spec
        let scene = try scene(for: chart, text: text)
        let bytes: [UInt8]
        do {
            bytes = try draw(scene, format: format, scale: spec.size.scale, text: text)
        } catch let e as CairoError {
            throw ChartError.rendering(format, chart: spec.title, cause: e)
        }
        return Rendered(bytes: bytes, unknownGlyphs: scene.unknownGlyphs, altText: scene.altText, scene: scene)
    }

    /// The pixels of `spec` (for callers with their own PNG encoder).
    package static func rasterize(_ spec: ChartSpec) throws -> RasterImage {
        let chart = ResolvedChart(spec)
        let text = PangoText(language: chart.languageTag)
        let scene = try scene(for: chart, text: text)
        let cr = try imageContext(scene, scale: spec.size.scale)
        SceneRenderer(text: text).draw(scene, on: cr)
        return cr.surface.imagePixels()
    }

    /// Draws `spec` and lends its pixels to `body` without copying them (for callers with their own PNG encoder).
    /// The view is valid only inside `body`.
    ///
    /// ```swift
    /// let png = try Chart.withPixels(spec) { view in myEncoder.encode(view.bytes, width: view.width, height: view.height, stride: view.stride) }
    /// ```
    public static func withPixels<R>(_ spec: ChartSpec, _ body: (PixelView) throws -> R) throws -> R {
        let chart = ResolvedChart(spec)
        let text = PangoText(language: chart.languageTag)
        let scene = try scene(for: chart, text: text)
        let cr = try imageContext(scene, scale: spec.size.scale)
        SceneRenderer(text: text).draw(scene, on: cr)
        try cr.checkStatus("drawing the image")
        return try cr.surface.withPixels(body)
    }

    /// The scene of `spec`, text measured by `text` (whose language should be the spec's
    /// ``ResolvedChart/languageTag``).
    package static func scene(for spec: ChartSpec, text: PangoText) throws -> Scene {
        try scene(for: ResolvedChart(spec), text: text)
    }

    /// The scene of a resolved chart: the one place a spec is laid out.
    static func scene(for chart: ResolvedChart, text: PangoText) throws -> Scene {
        try validate(chart.spec)
        var b = SceneBuilder(chart: chart, measurer: text)
        b.layout()
        var scene = b.scene(altText: AltTextWriter.altText(for: chart))
        scene.unknownGlyphs = scene.texts.reduce(0) { $0 + text.unknownGlyphs($1.text, style: $1.style, wrapWidth: $1.wrapWidth) }
        return scene
    }

    private static func validate(_ spec: ChartSpec) throws {
        if spec.kind == .share {
            for s in spec.series {
                if let p = s.points.first(where: { ($0.value ?? 0) < 0 }) {
                    throw ChartError.negativeShare(chart: spec.title, series: s.label, year: p.year, value: p.value!)
                }
            }
        }
        let s = spec.size
        guard s.width.isFinite, s.height.isFinite, s.width >= 40, s.height >= 30, s.width <= 16000, s.height <= 16000 else {
            throw ChartError.badCanvas(s, chart: spec.title)
        }
        guard s.scale.isFinite, s.scale > 0, s.scale <= 8, s.width * s.scale <= 32000, s.height * s.scale <= 32000 else {
            throw ChartError.badScale(s, chart: spec.title)
        }
        // The sparkline canvas leaves no room for axes, legends and sources: other kinds refuse it (A9).
        if spec.kind != .sparkline && (s.width < 240 || s.height < 160) {
            throw ChartError(stage: "checking the spec of", chart: spec.title,
                             message: "the canvas \(NumberText.plain(s.width))×\(NumberText.plain(s.height)) is too small for a \(spec.kind.labelZh) "
                                 + "(\(spec.kind.rawValue)); give at least 240×160, or use --kind sparkline for 360×90")
        }
    }

    private static func imageContext(_ scene: Scene, scale: Double) throws -> CairoContext {
        let w = Int((scene.size.width * scale).rounded()), h = Int((scene.size.height * scale).rounded())
        let cr = try CairoContext(try CairoSurface.image(width: w, height: h))
        cr.scale(scale, scale)
        return cr
    }

    /// Draws a scene into PNG, SVG or PDF bytes. Vector outputs are made reproducible (ids, dates).
    static func draw(_ scene: Scene, format: OutputFormat, scale: Double, text: PangoText) throws -> [UInt8] {
        let renderer = SceneRenderer(text: text)
        switch format {
        case .png:
            let cr = try imageContext(scene, scale: scale)
            renderer.draw(scene, on: cr)
            try cr.checkStatus("drawing the PNG")
            return try PNGEncoder().encode(imageSurface: cr.surface.pointer)
        case .svg:
            let surface = try CairoSurface.svgInPixels(width: scene.size.width, height: scene.size.height)
            do {
                let cr = try CairoContext(surface)
                renderer.draw(scene, on: cr)
                try cr.checkStatus("drawing the SVG")
            }
            try surface.finish()
            return SVGPostprocess.finish(surface.streamedBytes, altText: scene.altText)
        case .pdf:
            // Chart units are CSS pixels (96 per inch); PDF pages are in points (72 per inch).
            let k = 0.75
            let surface = try CairoSurface.reproduciblePDF(width: scene.size.width * k, height: scene.size.height * k,
                                                           title: scene.altText.title, subject: scene.altText.description)
            do {
                let cr = try CairoContext(surface)
                cr.scale(k, k)
                renderer.draw(scene, on: cr)
                try cr.checkStatus("drawing the PDF")
            }
            try surface.finish()
            return surface.streamedBytes
        }
    }
}
