import Foundation
@testable import ReportReading
@testable import SeriesModel
import TestSupport
import Testing

@Suite struct CheckTests {
    static let reports = ["mudanjiang/mudanjiang_2020.txt", "pingtan/pingtan_2019.html", "pingtan/pingtan_2019.txt",
                          "pingtan/pingtan_2021.html", "pingtan/pingtan_2021.txt", "pingtan/pingtan_2022.html",
                          "pingtan/pingtan_2022.txt"]

    @Test func everyBundledReportPassesWithoutErrors() throws {
        let results = try Self.reports.map(ExtractionFixtures.extract)
        let report = ReportChecker.run(results)
        #expect(report.findings.filter { $0.severity == .error }.isEmpty)
        // identities 1–4 of each report: 2019 template 7+7+23+3, 2021 template 7+7+25+3, and the 2021→2022 links
        #expect(report.checked >= 40 * 3 + 42 * 4)
    }

    @Test func mudanjiangNarrative57Versus58IsAWarning() throws {
        let r = try ExtractionFixtures.extract("mudanjiang/mudanjiang_2020.txt")
        let findings = ReportChecker.check([r])
        let narrative = findings.filter { $0.rule.hasPrefix("6") }
        #expect(narrative.count == 1)
        let f = try #require(narrative.first)
        #expect(f.severity == .warning)
        #expect(f.lhs.contains("57"))
        #expect(f.rhs.contains("58"))
        #expect(f.place == "mudanjiang_2020.txt:53")
        #expect(!findings.contains { $0.severity == .error })
        #expect(r.narrative.contains { $0.topic == "applications" && $0.value == 130 })
    }

    @Test func outcomeRowsThatMissTheTotalAreErrors() throws {
        let url = ExtractionFixtures.fixtures.appendingPathComponent("mudanjiang_2020_bad_outcomes.txt")
        let r = try ReportExtractor.extract(Array(try Data(contentsOf: url)), file: url.lastPathComponent)
        #expect(r.observations.first { $0.metric == "applications.other_handling.natural_person" }?.value == 2)
        let errors = ReportChecker.check([r]).filter { $0.severity == .error }
        let rule2 = errors.filter { $0.rule.hasPrefix("2") }
        #expect(rule2.map(\.place).sorted() == ["table 3, column 总计", "table 3, column 自然人"])
        let f = try #require(rule2.first { $0.place.hasSuffix("自然人") })
        #expect(f.lhs.hasSuffix("= 110"))
        #expect(f.rhs == "（七）总计 109")
        #expect(f.file == "mudanjiang_2020_bad_outcomes.txt")
        // the printed number is kept as printed, never repaired
        #expect(r.observations.first { $0.metric == "applications.total_processed.natural_person" }?.value == 109)
    }

    @Test func crossYearLinksCompareConsecutiveReports() throws {
        let r21 = try ExtractionFixtures.extract("pingtan/pingtan_2021.html")
        var r22 = try ExtractionFixtures.extract("pingtan/pingtan_2022.html")
        #expect(ReportChecker.run([r21, r22]).findings.filter { $0.rule.hasPrefix("5") }.isEmpty)
        if let i = r22.observations.firstIndex(where: { $0.metric == "applications.carried_over.natural_person" }) {
            r22.observations[i].value = 5
        }
        let links = ReportChecker.check([r21, r22]).filter { $0.rule.hasPrefix("5") }
        #expect(links.count == 1)
        #expect(links.first?.severity == .error)
        #expect(links.first?.rhs == "2021 结转下年度 1")
    }

    @Test func findingsAreCodable() throws {
        let r = try ExtractionFixtures.extract("mudanjiang/mudanjiang_2020.txt")
        let data = try JSONEncoder().encode(ReportChecker.run([r]))
        let back = try JSONDecoder().decode(CheckReport.self, from: data)
        #expect(back.findings.first?.rule == "6 narrative vs table")
    }
}
