import Charts
import ReportReading
import SeriesModel

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
        let text = PangoText(language: briefing.language.textLanguageTag)
        return try layout(briefing, text: text)
    }

    /// The PDF of `briefing`.
    public static func render(_ briefing: Briefing) throws -> Rendered {
        let text = PangoText(language: briefing.language.textLanguageTag)
        let pages = try layout(briefing, text: text)
        let size = BriefLayout.pageSize
        let bytes: [UInt8]
        do {
            let doc = try PDFDocument(width: size.width, height: size.height, title: briefing.title,
                                      subject: briefing.bodies.joined(separator: "、"), text: text)
            for page in pages {
                try doc.addPage(Scene(size: page.size, background: .white, items: page.items, unknownGlyphs: 0,
                                      altText: AltText(title: "", description: "")),
                                charts: page.charts.map { ($0.scene, $0.frame) })
            }
            bytes = try doc.finish()
        } catch let e as CairoError {
            throw BriefError("writing the briefing PDF: \(e.description)")
        }
        var unknown = 0
        for p in pages {
            for t in p.texts { unknown += text.unknownGlyphs(t.text, style: t.style, wrapWidth: t.wrapWidth) }
            for c in p.charts { unknown += c.scene.unknownGlyphs }
        }
        return Rendered(bytes: bytes, pages: pages, unknownGlyphs: unknown)
    }

    private static func layout(_ briefing: Briefing, text: PangoText) throws -> [BriefPage] {
        var l = BriefLayout(text: text, zh: briefing.language == .zh)
        return try l.layout(briefing) { spec in
            do {
                do { try spec.checkDrawableValues() } catch { throw BriefError("\(error)") }
                return try Chart.scene(for: spec, text: text)
            } catch let e as ChartError {
                throw BriefError("laying out the briefing chart \(spec.title): \(e.description)")
            }
        }
    }
}
