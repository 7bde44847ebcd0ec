import CCairo

/// Owns one `cairo_t` and keeps its surface alive. Not Sendable.
///
/// ```swift
/// let cr = try CairoContext(try .image(width: 400, height: 300))
/// cr.setSource(.black); cr.move(10, 10); cr.line(100, 100); cr.stroke()
/// ```
package final class CairoContext {
    /// The `cairo_t *`.
    let pointer: OpaquePointer
    /// The surface drawn on.
    package let surface: CairoSurface

    /// Creates a context drawing on `surface`.
    package init(_ surface: CairoSurface) throws {
        self.surface = surface
        let p = cairo_create(surface.pointer)!
        let status = cairo_status(p)
        if status != CAIRO_STATUS_SUCCESS {
            cairo_destroy(p)
            throw CairoError(stage: "creating a drawing context", status: status)
        }
        self.pointer = p
    }

    deinit { cairo_destroy(pointer) }

    /// Throws if any drawing call failed.
    package func checkStatus(_ stage: String) throws { try CairoError.check(cairo_status(pointer), stage) }

    // Thin one-to-one wrappers of the cairo drawing calls of the same names.

    /// `cairo_save`.
    package func save() { cairo_save(pointer) }
    /// `cairo_restore`.
    package func restore() { cairo_restore(pointer) }
    /// `cairo_scale`.
    package func scale(_ sx: Double, _ sy: Double) { cairo_scale(pointer, sx, sy) }
    /// `cairo_translate`.
    package func translate(_ x: Double, _ y: Double) { cairo_translate(pointer, x, y) }
    /// `cairo_rotate`.
    package func rotate(_ radians: Double) { cairo_rotate(pointer, radians) }
    /// `cairo_move_to`.
    package func move(_ x: Double, _ y: Double) { cairo_move_to(pointer, x, y) }
    /// `cairo_line_to`.
    package func line(_ x: Double, _ y: Double) { cairo_line_to(pointer, x, y) }
    /// `cairo_rectangle`.
    package func rectangle(_ x: Double, _ y: Double, _ w: Double, _ h: Double) { cairo_rectangle(pointer, x, y, w, h) }
    /// Adds a full circle as a new sub-path.
    package func arc(_ x: Double, _ y: Double, radius: Double) {
        cairo_new_sub_path(pointer)
        cairo_arc(pointer, x, y, radius, 0, 2 * Double.pi)
    }
    /// `cairo_close_path`.
    package func closePath() { cairo_close_path(pointer) }
    /// `cairo_new_path`.
    package func newPath() { cairo_new_path(pointer) }
    /// `cairo_fill`.
    package func fill() { cairo_fill(pointer) }
    /// `cairo_fill_preserve`.
    package func fillPreserve() { cairo_fill_preserve(pointer) }
    /// `cairo_stroke`.
    package func stroke() { cairo_stroke(pointer) }
    /// `cairo_paint`.
    package func paint() { cairo_paint(pointer) }
    /// `cairo_set_line_width`.
    package func setLineWidth(_ w: Double) { cairo_set_line_width(pointer, w) }
    /// `cairo_set_source_rgba`.
    package func setSource(_ c: Color) { cairo_set_source_rgba(pointer, c.red, c.green, c.blue, c.alpha) }
    /// Sets round joins and caps.
    package func setLineJoinRound() {
        cairo_set_line_join(pointer, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(pointer, CAIRO_LINE_CAP_ROUND)
    }
    /// `cairo_set_dash with offset 0`.
    package func setDash(_ pattern: [Double]) {
        pattern.withUnsafeBufferPointer { cairo_set_dash(pointer, $0.baseAddress, Int32($0.count), 0) }
    }
}
