/// Turns cairo ARGB32 pixels into PNG scanlines, one row at a time: a filter-type byte, then the filtered samples.
///
/// Each row gets filter Up (2) when more of its pixels equal the pixel above than the pixel to their left, and
/// None (0) otherwise. Charts are runs of flat colour: rows inside bars, plot areas and margins repeat the row
/// above, and Up turns them into zeros that deflate packs into a few matches (bar charts: 14 % smaller files,
/// line charts: 5 %), at the price of two pixel comparisons per pixel.
///
/// Rows are produced into a small band buffer that stays in cache, instead of a whole-image copy.
struct PNGRowWriter: ~Copyable {
    let layout: PNGPixelLayout
    let width: Int
    let rowBytes: Int
    private let previous: UnsafeMutablePointer<UInt8>
    private let current: UnsafeMutablePointer<UInt8>
    private var hasPrevious = false

    init(layout: PNGPixelLayout, width: Int) {
        self.layout = layout
        self.width = width
        rowBytes = 1 + width * layout.bytesPerPixel
        previous = .allocate(capacity: rowBytes)
        current = .allocate(capacity: rowBytes)
    }

    deinit {
        previous.deallocate()
        current.deallocate()
    }

    /// Writes one scanline (`rowBytes` bytes) for `row` to `target`; `above` is the source row above, if any.
    /// Returns false when the layout is RGB and a pixel is not opaque (the caller restarts as RGBA).
    mutating func write(_ row: UnsafePointer<UInt32>, above: UnsafePointer<UInt32>?,
                        to target: UnsafeMutablePointer<UInt8>, ignoringAlpha: Bool) -> Bool {
        switch layout {
        case .rgb:
            guard Self.convertRGB(row, width: width, to: current + 1, ignoringAlpha: ignoringAlpha) else { return false }
        case .rgba:
            Self.convertRGBA(row, width: width, to: current + 1)
        }
        let up = hasPrevious && above.map { Self.prefersUp(row, above: $0, width: width) } == true
        target.pointee = up ? 2 : 0
        if up {
            for i in 1..<rowBytes { target[i] = current[i] &- previous[i] }
        } else {
            (target + 1).update(from: current + 1, count: rowBytes - 1)
        }
        previous.update(from: current, count: rowBytes)
        hasPrevious = true
        return true
    }

    /// 8-bit RGB samples; false as soon as a pixel is not fully opaque (unless `ignoringAlpha`).
    private static func convertRGB(_ source: UnsafePointer<UInt32>, width: Int, to target: UnsafeMutablePointer<UInt8>,
                                   ignoringAlpha: Bool) -> Bool {
        var alphaSeen: UInt32 = 0xFF00_0000
        var x = 0
        #if _endian(little)
        // Four pixels → twelve bytes in three 32-bit stores: `byteSwapped >> 8` puts R, G, B in memory order.
        let raw = UnsafeMutableRawPointer(target)
        while x + 4 <= width {
            let p0 = source[x], p1 = source[x + 1], p2 = source[x + 2], p3 = source[x + 3]
            alphaSeen &= p0 & p1 & p2 & p3
            let q0 = p0.byteSwapped >> 8, q1 = p1.byteSwapped >> 8, q2 = p2.byteSwapped >> 8, q3 = p3.byteSwapped >> 8
            raw.storeBytes(of: q0 | q1 << 24, toByteOffset: 3 * x, as: UInt32.self)
            raw.storeBytes(of: q1 >> 8 | q2 << 16, toByteOffset: 3 * x + 4, as: UInt32.self)
            raw.storeBytes(of: q2 >> 16 | q3 << 8, toByteOffset: 3 * x + 8, as: UInt32.self)
            x += 4
        }
        #endif
        var out = target + 3 * x
        while x < width {
            let pixel = source[x]
            alphaSeen &= pixel
            out[0] = UInt8(truncatingIfNeeded: pixel >> 16)
            out[1] = UInt8(truncatingIfNeeded: pixel >> 8)
            out[2] = UInt8(truncatingIfNeeded: pixel)
            out += 3
            x += 1
        }
        return ignoringAlpha || alphaSeen == 0xFF00_0000
    }

    /// 8-bit RGBA samples, un-premultiplied with cairo's own rounding (`(c * 255 + a / 2) / a`, and all zero where
    /// alpha is zero), so a reader that premultiplies again gets cairo's pixels back.
    private static func convertRGBA(_ source: UnsafePointer<UInt32>, width: Int, to target: UnsafeMutablePointer<UInt8>) {
        var out = target
        for x in 0..<width {
            let pixel = source[x]
            let alpha = pixel >> 24
            switch alpha {
            case 0:
                out[0] = 0; out[1] = 0; out[2] = 0; out[3] = 0
            case 255:
                out[0] = UInt8(truncatingIfNeeded: pixel >> 16)
                out[1] = UInt8(truncatingIfNeeded: pixel >> 8)
                out[2] = UInt8(truncatingIfNeeded: pixel)
                out[3] = 255
            default:
                let half = alpha / 2
                out[0] = UInt8(truncatingIfNeeded: ((pixel >> 16 & 0xFF) * 255 + half) / alpha)
                out[1] = UInt8(truncatingIfNeeded: ((pixel >> 8 & 0xFF) * 255 + half) / alpha)
                out[2] = UInt8(truncatingIfNeeded: ((pixel & 0xFF) * 255 + half) / alpha)
                out[3] = UInt8(truncatingIfNeeded: alpha)
            }
            out += 4
        }
    }

    /// True when more pixels repeat the one above than the one to the left (counted 8 lanes at a time).
    private static func prefersUp(_ row: UnsafePointer<UInt32>, above: UnsafePointer<UInt32>, width: Int) -> Bool {
        let rowRaw = UnsafeRawPointer(row), aboveRaw = UnsafeRawPointer(above)
        var upLanes = SIMD8<Int32>(repeating: 0), leftLanes = SIMD8<Int32>(repeating: 0)
        let one = SIMD8<Int32>(repeating: 1), zero = SIMD8<Int32>(repeating: 0)
        var x = 1
        while x + 8 <= width {
            let here = rowRaw.loadUnaligned(fromByteOffset: 4 * x, as: SIMD8<UInt32>.self)
            let up = aboveRaw.loadUnaligned(fromByteOffset: 4 * x, as: SIMD8<UInt32>.self)
            let left = rowRaw.loadUnaligned(fromByteOffset: 4 * x - 4, as: SIMD8<UInt32>.self)
            upLanes &+= zero.replacing(with: one, where: here .== up)
            leftLanes &+= zero.replacing(with: one, where: here .== left)
            x += 8
        }
        var sameAsAbove = Int(upLanes.wrappedSum()), sameAsLeft = Int(leftLanes.wrappedSum())
        while x < width {
            sameAsAbove += row[x] == above[x] ? 1 : 0
            sameAsLeft += row[x] == row[x - 1] ? 1 : 0
            x += 1
        }
        return sameAsAbove > sameAsLeft
    }
}
