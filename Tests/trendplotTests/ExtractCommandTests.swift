import ReportReading
import Publishing
import ArgumentParser
import Foundation
import TestSupport
import Testing
@testable import trendplot

@Suite struct ExtractCommandTests {
    static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets")

    @Test func extractWritesTheMudanjiangTable2RowsAsTheHandMadeCSV() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("extract-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: out) }
        let input = Self.datasets.appendingPathComponent("mudanjiang/mudanjiang_2020.txt").path
        let cmd = try ExtractCommand.parse([input, "--format", "csv", "-o", out.path])
        try cmd.run()
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        let expected = try String(contentsOf: Self.datasets.appendingPathComponent("mudanjiang/mudanjiang_2020_table2.csv"),
                                  encoding: .utf8).split(separator: "\n")
        #expect(Array(lines.prefix(expected.count)) == expected)
        #expect(lines.count == 1 + 22 + 5 + 23 * 7 + 15)
    }

    @Test func checkExitsOneOnErrorsAndZeroOnCleanReports() throws {
        let clean = try CheckCommand.parse([Self.datasets.appendingPathComponent("pingtan/pingtan_2022.html").path, "--format", "json"])
        #expect(throws: Never.self) { try clean.run() }
        let bad = Self.datasets.deletingLastPathComponent()
            .appendingPathComponent("Tests/ReportReadingTests/Fixtures/mudanjiang_2020_bad_outcomes.txt").path
        let failing = try CheckCommand.parse([bad])
        #expect(throws: ExitCode(1)) { try failing.run() }
        let missing = try CheckCommand.parse(["/nonexistent/report.txt"])
        #expect(throws: ExitCode(2)) { try missing.run() }
    }
}

@Suite struct ExtractCommandJSONTests {
    @Test func jsonHoldsObservationsAndTheAmbiguitiesBesideThem() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("extract-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: out) }
        let input = ExtractCommandTests.datasets.appendingPathComponent("pingtan/pingtan_2021.txt").path
        let cmd = try ExtractCommand.parse([input, "--format", "json", "-o", out.path])
        try cmd.run()
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: out)) as? [String: Any]
        let observations = try #require(root?["observations"] as? [[String: Any]])
        #expect(observations.count == 197)
        #expect(observations.first { $0["metric"] as? String == "licensing.decisions" }?["value"] as? Double == 2293)
        let reports = try #require(root?["reports"] as? [[String: Any]])
        let ambiguities = try #require(reports.first?["ambiguities"] as? [[String: Any]])
        #expect(ambiguities.first?["run"] as? String == "693665")
        #expect((ambiguities.first?["candidates"] as? [String])?.contains("69|3|665") == true)
    }
}
