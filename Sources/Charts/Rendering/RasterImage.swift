/// Pixels of a rendered chart: premultiplied ARGB32 in native byte order (cairo's layout), row by row.
public struct RasterImage: Sendable, Hashable {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Bytes per row.
    public let stride: Int
    /// `stride * height` bytes.
    public let argb32: [UInt8]
}
