import ArgumentParser
import Foundation
import SeriesModel
import TestSupport
import Testing
@testable import trendplot

/// Parsing of the commands that had no CLI test: trends, metrics, export; and the one metric-pattern rule.
@Suite("command parsing")
struct CommandParsingTests {
    @Test func trendsRefusesContradictoryFlags() {
        #expect(throws: (any Error).self) { try TrendsCommand.parse(["datasets", "--findings", "--summary"]) }
        #expect(throws: (any Error).self) { try TrendsCommand.parse(["datasets", "--lang", "fr"]) }
        #expect(throws: (any Error).self) { try TrendsCommand.parse(["datasets", "--from", "2022", "--to", "2020"]) }
        #expect(throws: (any Error).self) { try TrendsCommand.parse(["datasets", "--jobs", "0"]) }
        #expect(throws: Never.self) { try TrendsCommand.parse(["datasets", "--metric", "applications.*.total", "--format", "csv"]) }
    }

    @Test func trendsRunsOnTheBundledData() throws {
        let cmd = try TrendsCommand.parse([RepoPaths.datasets.path, "--metric", "licensing.decisions", "--format", "csv"])
        #expect(throws: Never.self) { try cmd.run() }
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("trends-\(UUID().uuidString).csv")
        try Data("entity,year,metric,value\n甲,20x0,licensing.decisions,3\n".utf8).write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        // Nothing readable: exit 2, not a usage error.
        #expect(throws: ExitCode(2)) { try TrendsCommand.parse([empty.path]).run() }
    }

    @Test func metricsFormats() throws {
        #expect(throws: (any Error).self) { try MetricsCommand.parse(["--format", "xml"]) }
        for f in ["table", "csv", "json"] {
            #expect(throws: Never.self) { try MetricsCommand.parse(["--format", f]).run() }
        }
    }

    @Test func exportParsesFormatsAndJobs() throws {
        #expect(try ExportCommand.parse(["d", "-o", "x", "--formats", "svg, PNG,svg"]).parsedFormats() == [.svg, .png])
        #expect(throws: (any Error).self) { try ExportCommand.parse(["d", "-o", "x", "--formats", "png,jpg"]) }
        #expect(throws: (any Error).self) { try ExportCommand.parse(["d", "-o", "x", "--jobs", "0"]) }
        #expect(throws: (any Error).self) { try ExportCommand.parse(["-o", "x"]) }
    }

    @Test func metricPatternsMeanTheSameInEveryCommand() {
        let ids = ["review.total", "review.corrected", "litigation_direct.total", "applications.new_received.total",
                   "applications.new_received.natural_person"]
        #expect(MetricPattern.select(["review.*"], from: ids) == ["review.total", "review.corrected"])
        #expect(MetricPattern.select(["*.total"], from: ids) == ["review.total", "litigation_direct.total", "applications.new_received.total"])
        #expect(MetricPattern.select(["applications.*.total", "review.total"], from: ids) == ["applications.new_received.total", "review.total"])
        #expect(MetricPattern.select(["no.such"], from: ids) == ["no.such"])
        #expect(!MetricPattern("review").matches("review.total"))
    }
}
