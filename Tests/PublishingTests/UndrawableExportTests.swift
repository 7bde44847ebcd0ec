import Charts
import Foundation
@testable import Publishing
import SeriesModel
import Testing

/// Review ux-reliability S2-9: a chart with a value no axis can show (±1e308 from a spec, a stacked sum that
/// overflows) is listed as failed; the rest of the export is drawn, with its manifest.
@Suite struct UndrawableExportTests {
    @Test func s2_9_anExportListsAnUndrawableChartAsFailedAndFinishesTheRest() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("undrawable-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var files = ExportTests.files(try ExportTests.observations())
        #expect(files.count == 6)
        for i in files.indices where files[i].chart.metrics == ["penalty.items"] {
            files[i].chart.spec.series[0].points[0].value = 1e308
            files[i].chart.spec.series[0].points[1].value = -1e308
        }
        let outcome = try await ExportRunner(directory: dir, jobs: 2).run(files)
        #expect(outcome.failures.map(\.file).sorted() == ["metric_penalty.items.png", "metric_penalty.items.svg"])
        #expect(outcome.failures.first?.message.contains("cannot be drawn") == true)
        #expect(outcome.written.count == 4)
        #expect(ExportManifest.read(from: dir)?.files.count == 4)
        #expect(FileManager.default.fileExists(atPath: dir + "/index.html"))
    }

    @Test func s2_9_aStackedSumThatOverflowsIsRefused() {
        let spec = ChartSpec(kind: .stacked, title: "t", unit: "件",
                             series: [ChartSeries(label: "a", values: [2020: 1e15]), ChartSeries(label: "b", values: [2020: 1e15])])
        #expect(throws: Never.self) { try spec.checkDrawableValues() }
        var huge = spec
        huge.series = (0..<2000).map { ChartSeries(label: "s\($0)", values: [2020: 1e15]) }
        #expect(throws: UndrawableValues.self) { try huge.checkDrawableValues() }
    }

    @Test func s2_9_niceTicksOfAnInfiniteSpanDoNotTrap() {
        let t = NiceTicks(min: -1e308, max: 1e308, count: 5)
        #expect(t.values.count == 1)
    }
}

/// Review ux-reliability S1-6 and S3-13: one export per folder, and no file left that the manifest does not list.
@Suite struct ExportFolderTests {
    static func dir() throws -> String {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("exportfolder-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    @Test func s1_6_aSecondExportIntoTheSameFolderRefusesWhileTheFirstRuns() async throws {
        let dir = try Self.dir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var held: ExportLock? = try ExportLock(directory: dir)
        let files = ExportTests.files(try ExportTests.observations())
        await #expect(throws: ExportFolderBusy.self) { _ = try await ExportRunner(directory: dir, jobs: 1).run(files) }
        #expect(!FileManager.default.fileExists(atPath: dir + "/manifest.json"))
        #expect(held != nil)
        held = nil
        let after = try await ExportRunner(directory: dir, jobs: 1).run(files)
        #expect(after.written.count == 6)
    }

    @Test func s3_13_filesOfAnEarlierExportThatThisOneDoesNotListAreRemoved() async throws {
        let dir = try Self.dir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = ExportTests.files(try ExportTests.observations())
        _ = try await ExportRunner(directory: dir, jobs: 2).run(files.filter { $0.format == .png })
        let svg = try await ExportRunner(directory: dir, jobs: 2).run(files.filter { $0.format == .svg })
        #expect(svg.removed.count == 3 && svg.removed.allSatisfy { $0.hasSuffix(".png") })
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: dir).filter { !$0.hasPrefix(".") }.sorted()
        let listed = (ExportManifest.read(from: dir)?.files.map(\.file) ?? []) + ["index.html", "manifest.json"]
        #expect(onDisk == listed.sorted())
    }
}
