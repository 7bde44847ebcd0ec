import CCairo
import CDeflate
@testable import Charts
import TestSupport
import Testing

/// Decoded with cairo's own PNG reader, so "same pixels" means what every cairo-based viewer shows.
@Suite("PNGEncoder")
struct PNGEncoderTests {
    @Test("a chart-like opaque image decodes to exactly cairo's pixels, as RGB")
    func chartLikeImage() throws {
        let surface = TestImage(width: 1200, height: 750, format: CAIRO_FORMAT_ARGB32)
        surface.drawChartLike()
        let ours = try PNGEncoder().encode(imageSurface: surface.pointer)
        let cairos = try surface.cairoPNG()
        #expect(ours[25] == 2)   // IHDR colour type: RGB, alpha dropped
        let decodedOurs = try DecodedPNG(ours)
        let decodedCairo = try DecodedPNG(cairos)
        #expect(decodedOurs.width == 1200 && decodedOurs.height == 750)
        #expect(decodedOurs.format == decodedCairo.format)
        #expect(decodedOurs.pixels == decodedCairo.pixels)
        #expect(decodedOurs.pixels == surface.pixels(opaque: true))
        // Size stays within the target: at most 1.25× cairo's adaptive-filter, level-6 file.
        #expect(Double(ours.count) <= 1.25 * Double(cairos.count))
    }

    @Test("transparent and translucent pixels survive as RGBA, un-premultiplied like cairo")
    func transparency() throws {
        let surface = TestImage(width: 97, height: 61, format: CAIRO_FORMAT_ARGB32)
        surface.drawTranslucent()
        let ours = try PNGEncoder().encode(imageSurface: surface.pointer)
        #expect(ours[25] == 6)   // RGBA
        let decodedOurs = try DecodedPNG(ours)
        let decodedCairo = try DecodedPNG(try surface.cairoPNG())
        #expect(decodedOurs.format == CAIRO_FORMAT_ARGB32)
        #expect(decodedOurs.pixels == decodedCairo.pixels)
        #expect(decodedOurs.pixels.contains(0))                              // fully transparent pixels
        #expect(decodedOurs.pixels.contains { $0 >> 24 > 0 && $0 >> 24 < 255 })  // translucent ones
    }

    @Test("1×1 images, odd widths and padded strides", arguments: [(1, 1), (3, 2), (7, 5), (33, 3), (251, 9)])
    func smallAndOdd(width: Int, height: Int) throws {
        for format in [CAIRO_FORMAT_ARGB32, CAIRO_FORMAT_RGB24] {
            let surface = TestImage(width: width, height: height, format: format)
            surface.drawTranslucent()
            let ours = try PNGEncoder(compressionLevel: 1).encode(imageSurface: surface.pointer)
            #expect(try DecodedPNG(ours).pixels == DecodedPNG(try surface.cairoPNG()).pixels)
        }
        // A hand-made buffer whose stride has 3 bytes of padding that must be ignored.
        let stride = width * 4 + 3
        var pixels = [UInt8](repeating: 0xAB, count: stride * height)
        for y in 0..<height {
            for x in 0..<width {
                let value = UInt32(0xFF00_0000) | UInt32(x * 255 / max(width - 1, 1)) << 16 | UInt32(y * 17 % 256)
                withUnsafeBytes(of: value) { pixels.replaceSubrange(y * stride + x * 4..<y * stride + x * 4 + 4, with: $0) }
            }
        }
        let decoded = try DecodedPNG(try PNGEncoder().encode(argb32: pixels, width: width, height: height, stride: stride))
        #expect(decoded.pixels[width * height - 1] == UInt32(0xFF00_0000) | UInt32(width == 1 ? 0 : 255) << 16
            | UInt32((height - 1) * 17 % 256))
    }

    @Test("the same pixels always give the same bytes")
    func deterministic() throws {
        let surface = TestImage(width: 320, height: 200, format: CAIRO_FORMAT_ARGB32)
        surface.drawChartLike()
        let first = try PNGEncoder().encode(imageSurface: surface.pointer)
        let second = try PNGEncoder().encode(imageSurface: surface.pointer)
        #expect(first == second)
        #expect(Array(first.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(Array(first.suffix(8)) == [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82])  // IEND + its CRC
    }

    @Test("bad sizes and short buffers are reported, not encoded")
    func errors() {
        #expect(throws: PNGEncoderError.invalidSize(width: 0, height: 4)) {
            try PNGEncoder().encode(argb32: [UInt8](), width: 0, height: 4, stride: 0)
        }
        #expect(throws: PNGEncoderError.bufferTooSmall(needed: 24, got: 23)) {
            try PNGEncoder().encode(argb32: [UInt8](repeating: 0, count: 23), width: 2, height: 2, stride: 16)
        }
        #expect(throws: PNGEncoderError.strideTooSmall(stride: 8, width: 3)) {
            try PNGEncoder().encode(argb32: [UInt8](repeating: 0, count: 400), width: 3, height: 2, stride: 8)
        }
    }
}

@Suite("PNGAdler32")
struct PNGAdler32Tests {
    @Test("matches zlib's adler32 for every length class, in one piece and split", arguments: [0, 1, 15, 16, 17, 5551, 5552, 5553, 100_003])
    func matchesZlib(length: Int) {
        var random = UInt64(length) &+ 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<length).map { _ -> UInt8 in
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return random >> 60 == 0 ? 0xFF : UInt8(truncatingIfNeeded: random >> 33)
        }
        let expected = bytes.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
        var whole = PNGAdler32(), split = PNGAdler32()
        bytes.withUnsafeBufferPointer { buffer in
            whole.update(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: length)
            let half = length / 3
            split.update(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: half)
            if length > 0 { split.update(buffer.baseAddress! + half, count: length - half) }
        }
        #expect(whole.value == expected)
        #expect(split.value == expected)
        #expect(PNGAdler32().value == 1)
    }
}
