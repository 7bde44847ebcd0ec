/// A multi-page PDF drawn from scenes: each page is a full-page scene plus chart scenes placed in frames on it.
///
/// The document is reproducible (fixed dates, see ``CairoSurface/reproduciblePDF(width:height:title:subject:)``).
/// It owns its cairo surface, so it stays in the task that made it.
///
/// ```swift
/// let doc = try PDFDocument(width: 595.28, height: 841.89, title: "简报", subject: "平潭综合实验区", text: text)
/// try doc.addPage(pageScene, charts: [(chartScene, frame)])
/// let bytes = try doc.finish()
/// ```
package final class PDFDocument {
    private let surface: CairoSurface
    private let context: CairoContext
    private let renderer: SceneRenderer
    private var pageCount = 0

    /// A document of `width` × `height` points whose text is drawn by `text`.
    package init(width: Double, height: Double, title: String, subject: String, text: PangoText) throws {
        surface = try CairoSurface.reproduciblePDF(width: width, height: height, title: title, subject: subject)
        context = try CairoContext(surface)
        renderer = SceneRenderer(text: text)
    }

    /// Draws one page: `page` at full size, then each chart scene scaled into its frame (clipped to it).
    package func addPage(_ page: Scene, charts: [(scene: Scene, frame: Rect)]) throws {
        renderer.draw(page, on: context)
        for c in charts { renderer.draw(c.scene, in: c.frame, on: context) }
        context.showPage()
        pageCount += 1
        try context.checkStatus("drawing page \(pageCount) of the PDF")
    }

    /// Ends the document and returns its bytes.
    package func finish() throws -> [UInt8] {
        try surface.finish()
        return surface.streamedBytes
    }
}
