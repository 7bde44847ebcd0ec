import ReportReading
import Publishing
import Charts
import Foundation
import TestSupport
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

    @Test func chartsFromTheBundledReportsAreNeverEmptyAndLayOutCleanly() throws {
        let obs = try DemoCommand.loadObservations(PlotCommandTests.repo.appendingPathComponent("datasets").path)
        let overview = Gallery.selectOverview(obs), gallery = Gallery.selectCharts(obs)
        // Both bodies print 行政许可 项目数量 for 2019 (牡丹江 5,434 as 上一年; 平潭 396): the rank across bodies.
        let rank = try #require(gallery.charts.first { $0.name == "all-licensing.items-rank" }?.spec)
        #expect(rank.series.compactMap { $0.value(in: 2019) }.sorted() == [396, 5434])
        #expect(gallery.skipped.contains { $0.hasPrefix("all-slope") })
        // 牡丹江 had no 不予处理 in 2020 (0 in 表三): left out, and 其他处理 (1 of 127) keeps its colour, slot 5.
        let outcomes = try #require(overview.charts.first { $0.name == "mudanjiang-outcomes-share" }?.spec)
        #expect(outcomes.series.map(\.label) == ["予以公开", "部分公开", "不予公开", "无法提供", "其他处理"])
        #expect(outcomes.series.last?.slot == 5 && outcomes.series.last?.value(in: 2020) == 1)
        #expect(outcomes.series.first?.value(in: 2020) == 111)
        for (name, spec) in overview.charts + gallery.charts {
            #expect(spec.hasDrawableData, "\(name)")
            #expect(spec.series.allSatisfy { s in s.points.contains { ($0.value ?? 0) != 0 } } || spec.kind == .rank
                    || spec.kind == .change || spec.kind == .waterfall, "\(name) has an all-zero series")
            let scene = try Chart.scene(for: spec)
            #expect(scene.overlappingTexts().isEmpty && scene.textsOutsideCanvas().isEmpty, "\(name)")
            #expect(scene.unknownGlyphs == 0 || !FontCoverage.hasFont(language: "zh-cn"), "\(name)")
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
