import Foundation
import TestSupport
import Testing

/// The chart engine's layering, checked on its source: cairo stays in `Rendering/`, and the engine knows no report.
@Suite("Charts engine boundaries")
struct EngineBoundaryTests {
    /// Every Swift file under Sources/Charts, as (path relative to Sources/Charts, text).
    static func chartsSources() throws -> [(path: String, text: String)] {
        let root = Fixtures.repoRoot.appendingPathComponent("Sources/Charts")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".swift") }
        return try files.sorted().map { ($0, try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) }
    }

    @Test func onlyRenderingImportsCairo() throws {
        let sources = try Self.chartsSources()
        let importers = sources.filter { $0.text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "import CCairo" } }
            .map(\.path)
        // The scan sees the renderer's imports, so an empty result below means something.
        #expect(importers.contains("Rendering/SceneRenderer.swift"))
        #expect(importers.filter { !$0.hasPrefix("Rendering/") } == [])
    }

    @Test func theEngineKnowsNoReport() throws {
        let sources = try Self.chartsSources()
        #expect(sources.count > 50)
        let words = ["MetricCatalog", "Observation", "ExtractionResult"]
        let found = sources.flatMap { s in words.filter { s.text.contains($0) }.map { "\(s.path): \($0)" } }
        #expect(found == [])
    }
}
