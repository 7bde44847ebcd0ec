import CCairo

extension PNGEncoder {
    /// Encodes a cairo image surface (`CAIRO_FORMAT_ARGB32` or `CAIRO_FORMAT_RGB24`) as PNG bytes.
    ///
    /// The surface is flushed first; it must belong to the calling thread, like every cairo object.
    /// ```swift
    /// let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1200, 750)!
    /// // … draw …
    /// let png = try PNGEncoder().encode(imageSurface: surface)
    /// ```
    package func encode(imageSurface surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24,
              let data = cairo_image_surface_get_data(surface) else {
            throw PNGEncoderError.unsupportedSurface(format: Int(format.rawValue))
        }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let pixels = UnsafeRawBufferPointer(start: data, count: stride * height)
        return try encode(argb32: pixels, width: width, height: height, stride: stride,
                          opaque: format == CAIRO_FORMAT_RGB24)
    }
}
