import ArgumentParser
import ReportReading
import Publishing
import Foundation
import TestSupport
import Testing
@testable import trendplot

@Suite("trendplot plot")
struct PlotCommandTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let csv = repo.appendingPathComponent("datasets/mudanjiang/mudanjiang_2020_table2.csv").path

    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test(arguments: ["png", "svg", "pdf"])
    func plotWritesTheFileAtomically(ext: String) throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("licensing.\(ext)").path
        let cmd = try PlotCommand.parse([Self.csv, "--metric", "licensing.items", "-o", out, "--alt-text"])
        try cmd.run()
        let bytes = try #require(FileManager.default.contents(atPath: out))
        let magic: [String: [UInt8]] = ["png": [0x89, 0x50, 0x4E, 0x47], "svg": Array("<?xm".utf8), "pdf": Array("%PDF".utf8)]
        #expect(Array(bytes.prefix(4)) == magic[ext])
        let alt = try String(contentsOfFile: out + ".alt.txt", encoding: .utf8)
        #expect(alt.contains("由2019年的5,434项降至2020年的4,794项"))
        // Only the chart and its alt text: no temporary file left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["licensing.\(ext)", "licensing.\(ext).alt.txt"])
    }

    @Test func unknownMetricIsNamedInTheError() throws {
        let cmd = try PlotCommand.parse([Self.csv, "--metric", "licensing.itemz", "-o", "/tmp/x.png"])
        #expect { try cmd.runBody() } throws: { "\($0)".contains("--metric “licensing.itemz” is not a metric id")
                                                  && "\($0)".contains("did you mean “licensing.items”") }
        // A data problem ends with exit 2 and the message on stderr, never as a usage error (64).
        #expect(throws: ExitCode(2)) { try cmd.run() }
    }

    @Test func outputExtensionIsChecked() {
        #expect(throws: (any Error).self) { try PlotCommand.parse([Self.csv, "--metric", "licensing.items", "-o", "x.jpg"]) }
    }
}

@Suite("trendplot plot --spec")
struct PlotSpecCommandTests {
    func tempDir() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("trendplot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    @Test func specFileWithDataAndFlagsOverridingIt() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("items.yaml")
        try """
        version: 1
        kind: bar
        data: [\(PlotCommandTests.csv)]
        metrics: [licensing.items, penalty.items]
        title: 事项数量
        theme: dark
        """.write(to: spec, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("items.svg").path
        try PlotCommand.parse(["--spec", spec.path, "--kind", "line", "--title", "行政许可与处罚事项", "-o", out]).run()
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.contains("<title>折线图：行政许可与处罚事项</title>"))
        #expect(svg.contains("行政处罚：由2019年的15,604项降至2020年的15,153项"))
    }

    @Test func sparklineFlagPicksTheSparklineSize() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("s.png").path
        try PlotCommand.parse([PlotCommandTests.csv, "--metric", "licensing.items", "--kind", "sparkline", "--scale", "2", "-o", out]).run()
        let png = try #require(FileManager.default.contents(atPath: out))
        #expect(png[16..<24].elementsEqual([0, 0, 2, 208, 0, 0, 0, 180]))   // 720 × 180 pixels
    }
}

@Suite("CLI messages")
struct CLIMessageTests {
    @Test func fontWarningNamesTheFontPackage() {
        #expect(FontWarning.message(unknownGlyphs: 0) == nil)
        let m = FontWarning.message(unknownGlyphs: 14)
        #expect(m?.hasPrefix("14 characters have no installed font") == true)
        #expect(m?.contains("apt-get install fonts-noto-cjk") == true)
    }

    @Test func reportFilesAreReadThroughTheExtractor() throws {
        let txt = PlotCommandTests.repo.appendingPathComponent("datasets/mudanjiang/mudanjiang_2020.txt").path
        let obs = try ObservationLoader.load([txt])
        #expect(obs.first { $0.metric == "licensing.decisions" && $0.year == 2020 }?.value == 387576)
        #expect(obs.first { $0.metric == "licensing.items" && $0.year == 2019 }?.source == "mudanjiang_2020.txt:259")
        #expect(obs.first { $0.metric == "review.total" && $0.year == 2020 }?.value == 12)
    }

    @Test func aReportAndTheHandMadeCSVMergeWithoutConflicts() throws {
        let dir = PlotCommandTests.repo.appendingPathComponent("datasets/mudanjiang").path
        let dataset = try Inputs.loadDataset([dir])
        #expect(dataset.conflicts.isEmpty)
        #expect(dataset.value(entity: "牡丹江市人民政府", year: 2020, metric: "licensing.items") == 4794)
    }
}
