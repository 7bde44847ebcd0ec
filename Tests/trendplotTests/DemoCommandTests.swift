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
        #expect(files.contains("mudanjiang-items.png"))
        #expect(files.contains("mudanjiang-decisions.svg"))
        // 公开率 is derived from 表三 (indicators are added): 平潭 has it for 2019, 2021 and 2022.
        #expect(files.contains("pingtan-disclosure-rate.png"))
        // 平潭 made no 规章: no chart of all zeros.
        #expect(!files.contains { $0.contains("regulations") })
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
