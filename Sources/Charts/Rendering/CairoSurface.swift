import CCairo

/// Owns one reference to a `cairo_surface_t` (image, SVG or PDF; to a file or to memory).
///
/// Not Sendable: create it inside the task that draws on it.
///
/// ```swift
/// let surface = try CairoSurface.svgInMemory(width: 400, height: 300)
/// let cr = try CairoContext(surface)
/// cr.rectangle(10, 10, 100, 50); cr.fill()
/// try surface.finish()
/// let svg = surface.streamedBytes
/// ```
package final class CairoSurface {
    /// The `cairo_surface_t *`.
    let pointer: OpaquePointer
    private let sink: ByteSink?

    private init(owning pointer: OpaquePointer?, sink: ByteSink? = nil, stage: String) throws {
        guard let pointer else { throw CairoError(stage: stage, status: CAIRO_STATUS_NO_MEMORY) }
        self.pointer = pointer
        self.sink = sink
        do {
            try CairoError.check(cairo_surface_status(pointer), stage)
        } catch {
            cairo_surface_destroy(pointer)
            throw error
        }
    }

    deinit { cairo_surface_destroy(pointer) }

    /// An ARGB32 image surface of `width`×`height` pixels.
    package static func image(width: Int, height: Int) throws -> CairoSurface {
        guard width > 0, height > 0, width <= 32767, height <= 32767 else {
            throw CairoError(stage: "creating a \(width)×\(height) image surface", status: CAIRO_STATUS_INVALID_SIZE)
        }
        return try CairoSurface(owning: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)),
                                stage: "creating a \(width)×\(height) image surface")
    }

    /// An SVG surface writing to `path` (points = user units).
    package static func svg(path: String, width: Double, height: Double) throws -> CairoSurface {
        try CairoSurface(owning: cairo_svg_surface_create(path, width, height), stage: "creating the SVG file \(path)")
    }

    /// A PDF surface writing to `path`; the page is `width`×`height` points.
    package static func pdf(path: String, width: Double, height: Double) throws -> CairoSurface {
        try CairoSurface(owning: cairo_pdf_surface_create(path, width, height), stage: "creating the PDF file \(path)")
    }

    /// An SVG surface whose document collects in memory; read it with ``streamedBytes`` after ``finish()``.
    package static func svgInMemory(width: Double, height: Double) throws -> CairoSurface {
        let sink = ByteSink(reserving: 64 << 10)
        return try CairoSurface(owning: cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, width, height),
                                sink: sink, stage: "creating an in-memory SVG surface")
    }

    /// A PDF surface whose document collects in memory; read it with ``streamedBytes`` after ``finish()``.
    /// An in-memory PDF surface made reproducible: fixed creation and modification dates, creator `trendplot`,
    /// and the given title and subject, so the same drawing gives the same bytes on the same cairo build.
    package static func reproduciblePDF(width: Double, height: Double, title: String, subject: String) throws -> CairoSurface {
        let surface = try pdfInMemory(width: width, height: height)
        surface.setPDFMetadata(CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
        surface.setPDFMetadata(CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
        surface.setPDFMetadata(CAIRO_PDF_METADATA_CREATOR, "trendplot")
        surface.setPDFMetadata(CAIRO_PDF_METADATA_TITLE, title)
        surface.setPDFMetadata(CAIRO_PDF_METADATA_SUBJECT, subject)
        return surface
    }

    /// An in-memory SVG surface whose document unit is CSS pixels.
    package static func svgInPixels(width: Double, height: Double) throws -> CairoSurface {
        let surface = try svgInMemory(width: width, height: height)
        cairo_svg_surface_set_document_unit(surface.pointer, CAIRO_SVG_UNIT_PX)
        return surface
    }

    package static func pdfInMemory(width: Double, height: Double) throws -> CairoSurface {
        let sink = ByteSink(reserving: 64 << 10)
        return try CairoSurface(owning: cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, width, height),
                                sink: sink, stage: "creating an in-memory PDF surface")
    }

    /// Sets a PDF metadata entry (title, subject, creator, dates). Call before drawing.
    package func setPDFMetadata(_ key: cairo_pdf_metadata_t, _ value: String) {
        cairo_pdf_surface_set_metadata(pointer, key, value)
    }

    /// Flushes a vector surface to its file or stream. Write errors surface here.
    package func finish() throws {
        cairo_surface_finish(pointer)
        try CairoError.check(cairo_surface_status(pointer), "finishing the document")
    }

    /// The bytes an in-memory surface produced (empty for file surfaces).
    package var streamedBytes: [UInt8] { sink?.bytes ?? [] }

    /// The image surface encoded as PNG by cairo (zlib).
    package func pngBytes() throws -> [UInt8] {
        let sink = ByteSink(reserving: 64 << 10)
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(pointer, ByteSink.write, sink.closure)
        }
        try CairoError.check(status, "encoding the PNG")
        return sink.bytes
    }

    /// Lends the pixels of an image surface to `body` without copying.
    package func withPixels<R>(_ body: (PixelView) throws -> R) rethrows -> R {
        cairo_surface_flush(pointer)
        let w = Int(cairo_image_surface_get_width(pointer))
        let h = Int(cairo_image_surface_get_height(pointer))
        let stride = Int(cairo_image_surface_get_stride(pointer))
        let data = cairo_image_surface_get_data(pointer)
        let bytes = UnsafeRawBufferPointer(start: data.map { UnsafeRawPointer($0) }, count: data == nil ? 0 : stride * h)
        return try withExtendedLifetime(self) { try body(PixelView(width: w, height: h, stride: stride, bytes: bytes)) }
    }

    /// Width, height, stride and a copy of the premultiplied ARGB32 pixels of an image surface.
    package func imagePixels() -> RasterImage {
        cairo_surface_flush(pointer)
        let w = Int(cairo_image_surface_get_width(pointer))
        let h = Int(cairo_image_surface_get_height(pointer))
        let stride = Int(cairo_image_surface_get_stride(pointer))
        guard let data = cairo_image_surface_get_data(pointer) else {
            return RasterImage(width: w, height: h, stride: stride, argb32: [])
        }
        return RasterImage(width: w, height: h, stride: stride,
                           argb32: Array(UnsafeBufferPointer(start: data, count: stride * h)))
    }
}
