/// Renders many charts one after another in one task, reusing one Pango engine between them.
///
/// ``Chart/render(_:format:)`` sets up Pango for every call and shapes every string afresh; a batch (export,
/// benchmark) keeps one `ChartRenderer` per task instead: its font map, context and shaped layouts serve every
/// chart, so the titles, axis labels and year labels the charts share are shaped once. The bytes are the same
/// as ``Chart/render(_:format:)``'s. The layout cache is emptied between charts once it holds more than
/// `layoutLimit` strings, so memory stays bounded however many charts go through.
///
/// Not Sendable: create it inside the task that renders, and keep it there.
///
/// ```swift
/// let renderer = ChartRenderer()
/// for spec in specs {
///     let png = try renderer.render(spec, format: .png)
/// }
/// ```
public final class ChartRenderer {
    private var engines: [String: PangoText] = [:]
    private let layoutLimit: Int

    /// A renderer with no fonts loaded yet; the first chart loads them.
    /// - Parameter layoutLimit: shaped strings kept between charts before the cache is emptied.
    public init(layoutLimit: Int = 2048) {
        self.layoutLimit = max(0, layoutLimit)
    }

    /// The bytes of `spec` drawn in `format` (the same bytes as ``Chart/render(_:format:)``).
    public func render(_ spec: ChartSpec, format: OutputFormat) throws -> [UInt8] {
        try renderDetailed(spec, format: format).bytes
    }

    /// Renders `spec` and returns the bytes with the unknown-glyph count, the alt text and the scene.
    public func renderDetailed(_ spec: ChartSpec, format: OutputFormat) throws -> Chart.Rendered {
        let chart = ResolvedChart(spec)
        return try Chart.renderDetailed(chart, format: format, text: engine(for: chart.languageTag))
    }

    func engine(for language: String) -> PangoText {
        if let engine = engines[language] {
            if engine.cachedLayouts > layoutLimit { engine.clearLayouts() }
            return engine
        }
        let engine = PangoText(language: language, ownFontMap: true)
        engines[language] = engine
        return engine
    }
}
