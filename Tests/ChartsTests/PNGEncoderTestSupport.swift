import CCairo
import Foundation
import TestSupport
import Testing

/// A cairo image surface owned by one test; `deinit` frees it.
final class TestImage {
    let pointer: OpaquePointer
    let width: Int, height: Int

    init(width: Int, height: Int, format: cairo_format_t) {
        self.width = width
        self.height = height
        pointer = cairo_image_surface_create(format, Int32(width), Int32(height))
    }

    deinit { cairo_surface_destroy(pointer) }

    /// White background, grid, anti-aliased polylines with round markers, and CJK + Latin text.
    func drawChartLike() {
        let cr = cairo_create(pointer)!
        defer { cairo_destroy(cr) }
        let w = Double(width), h = Double(height)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        cairo_set_source_rgb(cr, 0.88, 0.88, 0.88)
        cairo_set_line_width(cr, 1)
        for i in 1...6 {
            cairo_move_to(cr, 0.09 * w, (0.1 + 0.13 * Double(i)).rounded() + 0.5)
            cairo_line_to(cr, 0.9 * w, (0.1 + 0.13 * Double(i)).rounded() + 0.5)
        }
        cairo_stroke(cr)
        let colors: [(Double, Double, Double)] = [(0.12, 0.47, 0.71), (0.84, 0.15, 0.16), (0.17, 0.63, 0.17)]
        for (s, color) in colors.enumerated() {
            cairo_set_source_rgb(cr, color.0, color.1, color.2)
            cairo_set_line_width(cr, 2)
            for i in 0..<12 {
                let x = 0.1 * w + Double(i) * 0.07 * w
                let y = h * (0.3 + 0.4 * abs(sin(Double(i * (s + 2)) * 0.37)))
                cairo_line_to(cr, x, y)
            }
            cairo_stroke(cr)
            for i in 0..<12 {
                let x = 0.1 * w + Double(i) * 0.07 * w
                let y = h * (0.3 + 0.4 * abs(sin(Double(i * (s + 2)) * 0.37)))
                cairo_new_sub_path(cr)
                cairo_arc(cr, x, y, 4, 0, 2 * Double.pi)
            }
            cairo_fill(cr)
        }
        cairo_set_source_rgb(cr, 0.13, 0.13, 0.13)
        cairo_select_font_face(cr, "Noto Sans CJK SC", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
        cairo_set_font_size(cr, 24)
        cairo_move_to(cr, 0.2 * w, 46)
        cairo_show_text(cr, "牡丹江市行政许可 2013–2024 (件)")
    }

    /// Transparent background, translucent and opaque shapes, anti-aliased edges.
    func drawTranslucent() {
        let cr = cairo_create(pointer)!
        defer { cairo_destroy(cr) }
        cairo_set_source_rgba(cr, 0.9, 0.2, 0.1, 0.35)
        cairo_rectangle(cr, 0, 0, Double(width) * 0.6, Double(height) * 0.7)
        cairo_fill(cr)
        cairo_set_source_rgba(cr, 0.1, 0.4, 0.8, 1)
        cairo_arc(cr, Double(width) * 0.6, Double(height) * 0.5, Double(min(width, height)) * 0.3, 0, 2 * Double.pi)
        cairo_fill(cr)
        cairo_set_source_rgba(cr, 0.2, 0.7, 0.3, 0.77)
        cairo_set_line_width(cr, 1.3)
        cairo_move_to(cr, 0.3, Double(height) - 0.2)
        cairo_line_to(cr, Double(width) - 0.4, 0.6)
        cairo_stroke(cr)
    }

    /// The surface's pixels as 32-bit values, padding dropped; `opaque` forces the alpha byte to 0xFF.
    func pixels(opaque: Bool) -> [UInt32] {
        cairo_surface_flush(pointer)
        return Self.pixels(of: pointer).map { opaque ? $0 | 0xFF00_0000 : $0 }
    }

    /// cairo's own PNG writer (libpng, adaptive filters, zlib level 6).
    func cairoPNG() throws -> [UInt8] {
        let sink = PNGBytes()
        let status = cairo_surface_write_to_png_stream(pointer, { closure, data, length in
            let sink = Unmanaged<PNGBytes>.fromOpaque(closure!).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque())
        try #require(status == CAIRO_STATUS_SUCCESS)
        return sink.bytes
    }

    static func pixels(of surface: OpaquePointer) -> [UInt32] {
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = UnsafeRawPointer(cairo_image_surface_get_data(surface)!)
        var out: [UInt32] = []
        out.reserveCapacity(width * height)
        for y in 0..<height {
            let row = (data + y * stride).assumingMemoryBound(to: UInt32.self)
            out.append(contentsOf: UnsafeBufferPointer(start: row, count: width))
        }
        return out
    }
}

/// A growing byte buffer for cairo's stream callbacks, plus a read position.
final class PNGBytes {
    var bytes: [UInt8] = []
    var offset = 0
}

/// A PNG decoded by `cairo_image_surface_create_from_png_stream`.
struct DecodedPNG {
    let width: Int, height: Int
    let format: cairo_format_t
    let pixels: [UInt32]

    init(_ png: [UInt8]) throws {
        let source = PNGBytes()
        source.bytes = png
        let surface = cairo_image_surface_create_from_png_stream({ closure, data, length in
            let source = Unmanaged<PNGBytes>.fromOpaque(closure!).takeUnretainedValue()
            let count = Int(length)
            guard source.offset + count <= source.bytes.count, let data else { return CAIRO_STATUS_READ_ERROR }
            source.bytes.withUnsafeBufferPointer { data.update(from: $0.baseAddress! + source.offset, count: count) }
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(source).toOpaque())!
        defer { cairo_surface_destroy(surface) }
        try #require(cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        format = cairo_image_surface_get_format(surface)
        pixels = TestImage.pixels(of: surface)
    }
}
