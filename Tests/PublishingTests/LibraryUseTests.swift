import Charts
import Foundation
import Publishing
import ReportReading
import SeriesModel
import TestSupport
import Testing

/// What a library user writes (no `@testable`): load a folder of reports, chart it, export it, brief it — the
/// lines shown in docs/library.md.
@Suite struct LibraryUseTests {
    @Test func loadAFolderChartItAndExportIt() async throws {
        // Load: every report format and tidy file in the folder, with the extraction results kept.
        let inputs = InputLoader().load([RepoPaths.datasets.path])
        var dataset = inputs.dataset
        dataset.addIndicators()
        #expect(inputs.reports.count == 9)
        #expect(CheckReport.run(inputs).findings.allSatisfy { $0.severity != .error })

        // Chart: one spec, rendered in memory.
        let spec = try ChartSpec(dataset: dataset, metrics: ["licensing.decisions"], entities: ["平潭综合实验区"])
        #expect(spec.series.first?.years == [2019, 2021, 2022])
        #expect(spec.series.first?.presentValues == [181, 2293, 10690])
        let png = try Chart.render(spec, format: .png)
        #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])

        // Export: one chart per metric and per body's metric group, with manifest.json and index.html.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-library-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = LazyExportPlan(dataset.observations(), per: .entity, kind: .line)
        let outcome = try await ExportRunner(directory: dir.path, jobs: 2).run(plan, formats: [.svg])
        #expect(outcome.failures.isEmpty)
        #expect(outcome.written.count == plan.chartCount)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(files.contains("manifest.json") && files.contains("index.html"))
        #expect(files.filter { $0.hasSuffix(".svg") }.count == plan.chartCount)

        // Brief: the same inputs as a PDF briefing.
        let briefing = try BriefingBuilder(entities: ["平潭综合实验区"]).build(BriefingInput(inputs))
        #expect(Array(try BriefPDF.render(briefing).bytes.prefix(5)) == Array("%PDF-".utf8))
    }
}
