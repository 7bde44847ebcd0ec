/// Borrowed pixels of a drawn chart (premultiplied ARGB32, native byte order); valid only inside the closure
/// that receives it.
public struct PixelView {
    /// Width in pixels.
    public let width: Int
    /// Height in pixels.
    public let height: Int
    /// Bytes per row.
    public let stride: Int
    /// `stride * height` bytes.
    public let bytes: UnsafeRawBufferPointer
}
