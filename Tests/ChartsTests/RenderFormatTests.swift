import Charts
import Foundation
import FoundationXML
import TestSupport
import Testing

@Suite("Rendering to PNG, SVG and PDF")
struct RenderFormatTests {
    /// Big-endian UInt32 at `offset`.
    func u32(_ b: [UInt8], _ offset: Int) -> Int {
        Int(b[offset]) << 24 | Int(b[offset + 1]) << 16 | Int(b[offset + 2]) << 8 | Int(b[offset + 3])
    }

    @Test func pngHasSignatureAndCanvasSize() throws {
        var spec = try Fixtures.licensingItemsSpec()
        spec.size = ChartSize(width: 800, height: 500, scale: 2)
        let png = try Chart.render(spec, format: .png)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(String(decoding: png[12..<16], as: UTF8.self) == "IHDR")
        #expect(u32(png, 16) == 1600)
        #expect(u32(png, 20) == 1000)
    }

    @Test func svgIsWellFormedXMLWithTitleAndDescription() throws {
        let spec = try Fixtures.licensingItemsSpec()
        let svg = try Chart.render(spec, format: .svg)
        let doc = try XMLDocument(data: Data(svg))
        let root = try #require(doc.rootElement())
        #expect(root.name == "svg")
        #expect(root.attributes?.first { $0.name == "width" }?.stringValue == "1200px")
        let title = try #require(root.elements(forName: "title").first?.stringValue)
        #expect(title == "折线图：行政许可·项目数量")
        let desc = try #require(root.elements(forName: "desc").first?.stringValue)
        #expect(desc.contains("由2019年的5,434项降至2020年的4,794项"))
    }

    @Test func pdfHasHeaderAndFixedDates() throws {
        let pdf = try Chart.render(try Fixtures.licensingItemsSpec(), format: .pdf)
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/CreationDate (20000101000000Z)"))
        // 1200×750 chart units are 900×562.5 points.
        #expect(text.contains("/MediaBox [ 0 0 900 562.5 ]"))
    }

    @Test(arguments: OutputFormat.allCases)
    func twoRendersAreByteIdentical(format: OutputFormat) throws {
        var spec = try Fixtures.licensingItemsSpec()
        spec.annotations.notes = [.init(year: 2020, text: "事项清理")]
        let a = try Chart.render(spec, format: format)
        let b = try Chart.render(spec, format: format)
        #expect(a.count > 1000)
        #expect(a == b)
    }

    @Test func invalidCanvasNamesTheStageAndChart() throws {
        var spec = try Fixtures.licensingItemsSpec()
        spec.size.width = 0
        #expect {
            try Chart.render(spec, format: .png)
        } throws: { error in
            "\(error)".hasPrefix("checking the spec of 行政许可·项目数量: the canvas is 0.0×750.0")
        }
    }
}
