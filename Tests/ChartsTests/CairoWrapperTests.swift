import Charts
import Foundation
import TestSupport
import Testing

@Suite("cairo surface and context wrappers")
struct CairoWrapperTests {
    func draw(on surface: CairoSurface) throws {
        let cr = try CairoContext(surface)
        cr.setSource(.white)
        cr.paint()
        cr.setSource(Color(hex: 0x0072B2))
        cr.rectangle(10, 10, 100, 50)
        cr.fill()
        try cr.checkStatus("test drawing")
    }

    @Test func fileSurfacesWriteTheirDocumentsOnFinish() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cairo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let svgPath = dir.appendingPathComponent("a.svg").path, pdfPath = dir.appendingPathComponent("a.pdf").path
        let svg = try CairoSurface.svg(path: svgPath, width: 200, height: 100)
        try draw(on: svg)
        try svg.finish()
        let pdf = try CairoSurface.pdf(path: pdfPath, width: 200, height: 100)
        try draw(on: pdf)
        try pdf.finish()
        #expect(try String(contentsOfFile: svgPath, encoding: .utf8).contains("<svg"))
        #expect(FileManager.default.contents(atPath: pdfPath)?.prefix(5) == Data("%PDF-".utf8))
        #expect(svg.streamedBytes.isEmpty)
    }

    @Test func memorySurfacesCollectBytesAndPixels() throws {
        let image = try CairoSurface.image(width: 120, height: 80)
        try draw(on: image)
        let raster = image.imagePixels()
        #expect(raster.width == 120 && raster.height == 80 && raster.argb32.count == raster.stride * 80)
        // Pixel (20, 20) is inside the blue rectangle: premultiplied ARGB32, little-endian B, G, R, A.
        let i = 20 * raster.stride + 20 * 4
        #expect(Array(raster.argb32[i..<(i + 4)]) == [0xB2, 0x72, 0x00, 0xFF])
        let png = try image.pngBytes()
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        let pdf = try CairoSurface.pdfInMemory(width: 100, height: 100)
        try draw(on: pdf)
        try pdf.finish()
        #expect(Array(pdf.streamedBytes.prefix(5)) == Array("%PDF-".utf8))
    }

    @Test func errorsNameWhatWasBeingDone() {
        #expect { try CairoSurface.image(width: -5, height: 10) } throws: {
            "\($0)".hasPrefix("creating a -5×10 image surface: ")
        }
        #expect {
            let s = try CairoSurface.pdf(path: "/nonexistent-dir/x.pdf", width: 10, height: 10)
            try s.finish()
        } throws: { "\($0)".contains("error while writing to output stream") }
    }
}
