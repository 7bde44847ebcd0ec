/// Turns cairo ARGB32 pixels into PNG scanlines: one filter-type byte (0, None) followed by the row's samples.
enum PNGRows {
    /// 8-bit RGB scanlines, or `nil` as soon as a pixel is not fully opaque (unless `ignoringAlpha`).
    static func rgb(_ pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int,
                    ignoringAlpha: Bool) -> [UInt8]? {
        let rowBytes = 1 + width * 3
        let alphaMask: UInt32 = ignoringAlpha ? 0 : 0xFF00_0000
        var complete = true
        let rows = [UInt8](unsafeUninitializedCapacity: rowBytes * height) { out, count in
            count = rowBytes * height
            let base = pixels.baseAddress!
            for y in 0..<height {
                let source = (base + y * stride).assumingMemoryBound(to: UInt32.self)
                var target = out.baseAddress! + y * rowBytes
                target.pointee = 0
                target += 1
                var alphaSeen = alphaMask
                for x in 0..<width {
                    let pixel = source[x]
                    alphaSeen &= pixel
                    target[0] = UInt8(truncatingIfNeeded: pixel >> 16)
                    target[1] = UInt8(truncatingIfNeeded: pixel >> 8)
                    target[2] = UInt8(truncatingIfNeeded: pixel)
                    target += 3
                }
                if alphaSeen != alphaMask {
                    complete = false
                    count = 0
                    return
                }
            }
        }
        return complete ? rows : nil
    }

    /// 8-bit RGBA scanlines, un-premultiplied with cairo's own rounding (`(c * 255 + a / 2) / a`, and all zero
    /// where alpha is zero), so a reader that premultiplies again gets cairo's pixels back.
    static func rgba(_ pixels: UnsafeRawBufferPointer, width: Int, height: Int, stride: Int) -> [UInt8] {
        let rowBytes = 1 + width * 4
        return [UInt8](unsafeUninitializedCapacity: rowBytes * height) { out, count in
            count = rowBytes * height
            let base = pixels.baseAddress!
            for y in 0..<height {
                let source = (base + y * stride).assumingMemoryBound(to: UInt32.self)
                var target = out.baseAddress! + y * rowBytes
                target.pointee = 0
                target += 1
                for x in 0..<width {
                    let pixel = source[x]
                    let alpha = pixel >> 24
                    switch alpha {
                    case 0:
                        target[0] = 0; target[1] = 0; target[2] = 0; target[3] = 0
                    case 255:
                        target[0] = UInt8(truncatingIfNeeded: pixel >> 16)
                        target[1] = UInt8(truncatingIfNeeded: pixel >> 8)
                        target[2] = UInt8(truncatingIfNeeded: pixel)
                        target[3] = 255
                    default:
                        let half = alpha / 2
                        target[0] = UInt8(truncatingIfNeeded: ((pixel >> 16 & 0xFF) * 255 + half) / alpha)
                        target[1] = UInt8(truncatingIfNeeded: ((pixel >> 8 & 0xFF) * 255 + half) / alpha)
                        target[2] = UInt8(truncatingIfNeeded: ((pixel & 0xFF) * 255 + half) / alpha)
                        target[3] = UInt8(truncatingIfNeeded: alpha)
                    }
                    target += 4
                }
            }
        }
    }
}
