import Charts
import Foundation
import Publishing
import SeriesModel
import TestSupport
import Testing

/// One golden scene per chart kind, drawn from the real numbers. The snapshot pins layout decisions (positions
/// to half a unit, texts, colours); re-record on purpose with `TRENDPLOT_RECORD_GOLDEN=1 swift test`.
@Suite("Golden scenes per kind")
struct GoldenSceneTests {
    static let recording = ProcessInfo.processInfo.environment["TRENDPLOT_RECORD_GOLDEN"] == "1"

    static func spec(_ kind: ChartKind) throws -> ChartSpec {
        switch kind {
        case .change:
            return try ChartSpec(observations: Fixtures.mudanjiang(), metrics: Fixtures.itemMetrics.map { $0 + "_change" }, kind: .change)
        case .waterfall, .stacked:
            return try ChartSpec(observations: Fixtures.mudanjiang(), metrics: Fixtures.itemMetrics, kind: kind)
        case .share:
            return try #require(Gallery.charts(Fixtures.pingtan()).first { $0.name == "pingtan-share" }?.spec)
        default:
            var spec = try ChartSpec(observations: Fixtures.pingtan(), metrics: Fixtures.decisionMetrics, kind: kind)
            if kind == .line { spec.annotations.notes = [.init(year: 2021, text: "模板变更")] }
            return spec
        }
    }

    @Test(.enabled(if: Fixtures.cjkFontInstalled, "golden scenes are measured with Noto Sans CJK"), arguments: ChartKind.allCases)
    func sceneMatchesGolden(kind: ChartKind) throws {
        let snapshot = SceneSnapshot.text(try Chart.scene(for: Self.spec(kind)))
        let url = Fixtures.fixtureURL("golden/\(kind.rawValue).scene.txt")
        if Self.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try snapshot.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let golden = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(url.path); record it with TRENDPLOT_RECORD_GOLDEN=1 swift test")
            return
        }
        let a = golden.split(separator: "\n"), b = snapshot.split(separator: "\n")
        let firstDiff = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(a.count == b.count, "line count \(a.count) → \(b.count)")
        if let d = firstDiff {
            Issue.record("\(kind.rawValue) scene differs at line \(d.offset + 1):\n  golden: \(d.element.0)\n  now:    \(d.element.1)")
        }
    }

    @Test func pngsOfTheSameSceneMatchWithinTolerance() throws {
        // Pixels, not bytes: the mean channel difference of two renders at different PNG scales, downsampled.
        var spec = try Self.spec(.bar)
        spec.size = ChartSize(width: 600, height: 375, scale: 1)
        let one = try Chart.rasterize(spec)
        spec.size.scale = 2
        let two = try Chart.rasterize(spec)
        #expect(two.width == 2 * one.width && two.height == 2 * one.height)
        var diff = 0.0
        for y in 0..<one.height {
            for x in 0..<one.width {
                for c in 0..<4 {
                    var sum = 0.0
                    for (dy, dx) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                        sum += Double(two.argb32[(2 * y + dy) * two.stride + (2 * x + dx) * 4 + c])
                    }
                    diff += abs(sum / 4 - Double(one.argb32[y * one.stride + x * 4 + c]))
                }
            }
        }
        let mean = diff / Double(one.width * one.height * 4)
        #expect(mean < 4, "mean channel difference \(mean)")
    }
}
