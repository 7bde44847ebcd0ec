import CCairo

/// Drawing a whole scene into part of a larger page.
extension SceneRenderer {
    /// Draws `scene` scaled to `frame` on `cr` (aspect kept by the frame), clipped to the frame, so the
    /// scene's background paints only its region.
    package func draw(_ scene: Scene, in frame: Rect, on cr: CairoContext) {
        cr.save()
        cr.translate(frame.x, frame.y)
        cr.scale(frame.width / scene.size.width, frame.height / scene.size.height)
        cr.rectangle(0, 0, scene.size.width, scene.size.height)
        cr.clip()
        draw(scene, on: cr)
        cr.restore()
    }
}

extension CairoContext {
    /// Restricts drawing to the current path.
    func clip() { cairo_clip(pointer) }
    /// Ends the current page of a PDF surface and starts a new one.
    package func showPage() { cairo_show_page(pointer) }
}
