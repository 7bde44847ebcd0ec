import CCairo

/// Draws a ``Briefing`` as a multi-page A4 PDF: one cairo PDF surface, one `cairo_show_page` per page, each chart's
/// scene drawn by the chart renderer into its frame on the page.
///
/// The document carries fixed dates, so the same briefing gives the same bytes on the same cairo build.
///
/// ```swift
/// let out = try BriefPDF.render(briefing)
/// out.pages.count                 // cover + findings + one page per chart + appendix
/// try Data(out.bytes).write(to: url, options: .atomic)
/// ```
public enum BriefPDF {
    /// A rendered briefing: the PDF bytes, the laid-out pages and the glyphs no font covered.
    public struct Rendered: Sendable {
        public let bytes: [UInt8]
        public let pages: [BriefPage]
        /// Glyphs drawn as boxes (non-zero means: install fonts-noto-cjk).
        public let unknownGlyphs: Int
    }

    /// The pages of `briefing`, laid out without drawing.
    public static func pages(_ briefing: Briefing) throws -> [BriefPage] {
        let text = PangoText(language: briefing.language == .zh ? "zh-cn" : "en")
        return try layout(briefing, text: text)
    }

    /// The PDF of `briefing`.
    public static func render(_ briefing: Briefing) throws -> Rendered {
        let text = PangoText(language: briefing.language == .zh ? "zh-cn" : "en")
        let pages = try layout(briefing, text: text)
        let size = BriefLayout.pageSize
        let surface: CairoSurface
        do {
            surface = try CairoSurface.pdfInMemory(width: size.width, height: size.height)
            surface.setPDFMetadata(CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
            surface.setPDFMetadata(CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
            surface.setPDFMetadata(CAIRO_PDF_METADATA_CREATOR, "trendplot")
            surface.setPDFMetadata(CAIRO_PDF_METADATA_TITLE, briefing.title)
            surface.setPDFMetadata(CAIRO_PDF_METADATA_SUBJECT, briefing.bodies.joined(separator: "、"))
            let renderer = SceneRenderer(text: text)
            do {
                let cr = try CairoContext(surface)
                for (i, page) in pages.enumerated() {
                    renderer.draw(Scene(size: page.size, background: .white, items: page.items, unknownGlyphs: 0,
                                        altText: AltText(title: "", description: "")), on: cr)
                    for c in page.charts { renderer.draw(c.scene, in: c.frame, on: cr) }
                    cr.showPage()
                    try cr.checkStatus("drawing page \(i + 1) of the briefing")
                }
            }
            try surface.finish()
        } catch let e as CairoError {
            throw BriefError("writing the briefing PDF: \(e.description)")
        }
        var unknown = 0
        for p in pages {
            for t in p.texts { unknown += text.unknownGlyphs(t.text, style: t.style, wrapWidth: t.wrapWidth) }
            for c in p.charts { unknown += c.scene.unknownGlyphs }
        }
        return Rendered(bytes: surface.streamedBytes, pages: pages, unknownGlyphs: unknown)
    }

    private static func layout(_ briefing: Briefing, text: PangoText) throws -> [BriefPage] {
        var l = BriefLayout(text: text, zh: briefing.language == .zh)
        return try l.layout(briefing) { spec in
            do {
                return try Chart.scene(for: spec, text: text)
            } catch let e as ChartError {
                throw BriefError("laying out the briefing chart \(spec.title): \(e.description)")
            }
        }
    }
}
