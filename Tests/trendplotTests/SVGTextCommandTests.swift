import Foundation
import Publishing
import TestSupport
import Testing
@testable import trendplot

/// `--svg-text` on plot and export: SVG files whose text is `<text>` elements, the same chart otherwise.
@Suite struct SVGTextCommandTests {
    static let mudanjiang = RepoPaths.dataset("mudanjiang/mudanjiang_2020.txt").path

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("svgt-\(UUID().uuidString)-\(name)")
    }

    static func count(_ needle: String, in bytes: Data) -> Int {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: needle).count - 1
    }

    @Test func plotWritesEditableTextOnlyWhenAsked() throws {
        let editable = Self.temporary("a.svg"), outlines = Self.temporary("b.svg")
        defer { try? FileManager.default.removeItem(at: editable); try? FileManager.default.removeItem(at: outlines) }
        try PlotCommand.parse([Self.mudanjiang, "--metric", "licensing.decisions", "--svg-text", "-o", editable.path]).run()
        try PlotCommand.parse([Self.mudanjiang, "--metric", "licensing.decisions", "-o", outlines.path]).run()
        let a = try Data(contentsOf: editable), b = try Data(contentsOf: outlines)
        #expect(Self.count("<text", in: a) >= 8)
        #expect(Self.count("<path", in: a) == 0)
        #expect(String(decoding: a, as: UTF8.self).contains(">行政许可·处理决定数量</text>"))
        #expect(Self.count("<text", in: b) == 0)
        #expect(Self.count("<path", in: b) > 0)
    }

    @Test func svgTextNeedsAnSVGOutput() {
        #expect(throws: (any Error).self) {
            _ = try PlotCommand.parse([Self.mudanjiang, "--metric", "licensing.decisions", "--svg-text", "-o", "x.png"])
        }
        #expect(throws: (any Error).self) {
            _ = try ExportCommand.parse([Self.mudanjiang, "--formats", "png", "--svg-text", "-o", "out"])
        }
    }

    @Test func exportWritesEditableSVGAndRedrawsItWhenTheFlagChanges() async throws {
        let dir = Self.temporary("export")
        defer { try? FileManager.default.removeItem(at: dir) }
        try await ExportCommand.parse([Self.mudanjiang, "--formats", "svg,png", "--svg-text", "--jobs", "2", "-o", dir.path]).run()
        let svgs = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".svg") }.sorted()
        try #require(!svgs.isEmpty)
        let first = dir.appendingPathComponent(svgs[0]), png = dir.appendingPathComponent(svgs[0].dropLast(4) + ".png")
        let editable = try Data(contentsOf: first), pngBytes = try Data(contentsOf: png)
        #expect(Self.count("<text", in: editable) > 0 && Self.count("<path", in: editable) == 0)
        // Without the flag the SVG files are redrawn as cairo draws them; the PNG files are left as they are.
        try await ExportCommand.parse([Self.mudanjiang, "--formats", "svg,png", "--jobs", "2", "-o", dir.path]).run()
        let outlines = try Data(contentsOf: first)
        #expect(Self.count("<text", in: outlines) == 0 && Self.count("<path", in: outlines) > 0)
        #expect(try Data(contentsOf: png) == pngBytes)
    }
}
