import ReportReading
import Publishing
import ArgumentParser
import Foundation
import SeriesModel
import TestSupport
import Testing
@testable import trendplot

@Suite struct CheckCommandTests {
    @Test func aFolderOfRealReportsIsClean() throws {
        #expect(InputLoader.expand([ExtractCommandTests.datasets.path]).files.filter { InputLoader.kind(of: $0) == .report }.count == 9)
        let cmd = try CheckCommand.parse([ExtractCommandTests.datasets.path, "--format", "json"])
        #expect(throws: Never.self) { try cmd.run() }
    }

    @Test func aTidyFileThatDisagreesWithTheReportIsAnErrorWithBothSources() throws {
        let csv = FileManager.default.temporaryDirectory.appendingPathComponent("conflict-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        try Data("entity,year,metric,value\n平潭综合实验区,2021,licensing.decisions,2300\n".utf8).write(to: csv)
        let report = ExtractCommandTests.datasets.appendingPathComponent("pingtan/pingtan_2021.html").path
        let cmd = try CheckCommand.parse([report, csv.path])
        #expect(throws: ExitCode(1)) { try cmd.run() }

        let conflict = DatasetConflict(
            key: ObservationKey(entity: "平潭综合实验区", year: 2021, metric: "licensing.decisions"),
            kept: .init(value: 2293, source: "pingtan_2021.html#table2[r7c2]", derived: false),
            dropped: .init(value: 2300, source: "x.csv:2", derived: false), resolution: .firstPrinted)
        let finding = CheckFinding(conflict: conflict)
        #expect(finding.severity == .error)
        #expect(finding.lhs == "2293 (pingtan_2021.html#table2[r7c2])")
        #expect(finding.rhs == "2300 (x.csv:2)")
        #expect(finding.file == "pingtan_2021.html vs x.csv")
    }

    @Test func aDerivedValueThatDisagreesIsAWarning() {
        let conflict = DatasetConflict(
            key: ObservationKey(entity: "甲", year: 2020, metric: "licensing.items"),
            kept: .init(value: 396, source: "a_2021.html#table2[r5c2]", derived: false),
            dropped: .init(value: 390, source: "a_2020.txt:12", derived: true), resolution: .printedOverDerived)
        #expect(CheckFinding(conflict: conflict).severity == .warning)
    }
}
