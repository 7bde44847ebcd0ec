import Foundation
import Testing
@testable import trendplot

@Suite("trendplot demo")
struct DemoCommandTests {
    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func demoRendersEveryChartInThreeFormats() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cmd = try DemoCommand.parse(["--data", PlotCommandTests.repo.appendingPathComponent("datasets").path, "-o", dir.path])
        try cmd.run()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(files.contains("mudanjiang-licensing.items-line.png"))
        #expect(files.contains("mudanjiang-items-line.svg"))
        for ext in ["png", "svg", "pdf"] {
            #expect(files.filter { $0.hasSuffix("." + ext) }.count == files.count / 3)
        }
    }

    @Test func galleryRendersEveryKind() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try DemoCommand.parse(["--gallery", "--data", PlotCommandTests.repo.appendingPathComponent("datasets").path, "-o", dir.path]).run()
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        for kind in ["line", "bar", "stacked", "share", "change", "slope", "facets", "rank", "waterfall", "sparkline"] {
            for ext in ["png", "svg", "pdf"] { #expect(files.contains("mudanjiang-\(kind).\(ext)")) }
        }
    }
}
