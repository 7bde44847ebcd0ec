import Foundation
@testable import ReportReading
@testable import SeriesModel
import TestSupport
import Testing

@Suite struct ExtractionTruthTests {
    @Test func mudanjiangYieldsEveryNumberOfItsTruthFile() throws {
        let r = try ExtractionFixtures.extract("mudanjiang/mudanjiang_2020.txt")
        let truth = try ExtractionFixtures.truth("mudanjiang_2020.truth.json")
        #expect(r.report.entity == "牡丹江市人民政府")
        #expect(r.report.year == 2020)
        #expect(r.report.template == .v2019)
        let expected = ExtractionFixtures.expectedValues(truth)
        #expect(expected.count == 22 + 23 * 7 + 15)
        #expect(ExtractionFixtures.printed(r) == expected)
        #expect(r.ambiguities.isEmpty)
        #expect(r.blankCells.isEmpty)
        #expect(r.issues.isEmpty)
    }

    @Test func mudanjiangTable2ReproducesTheHandMadeCSVExactly() throws {
        let r = try ExtractionFixtures.extract("mudanjiang/mudanjiang_2020.txt")
        let table2 = r.observations.filter { MetricCatalog.standard[$0.metric]?.table == 2 }
        let csv = String(decoding: try ExtractionFixtures.bytes("mudanjiang/mudanjiang_2020_table2.csv"), as: UTF8.self)
        #expect(TidyTable.csv(table2) == csv)
        #expect(table2.first { $0.metric == "licensing.items" && $0.derived }?.value == 4794)
        #expect(table2.first { $0.metric == "procurement.amount" }?.source == "mudanjiang_2020.txt:296")
    }

    @Test(arguments: ["pingtan_2019", "pingtan_2021", "pingtan_2022"])
    func pingtanHTMLYieldsEveryNumberOfItsTruthFile(_ name: String) throws {
        let r = try ExtractionFixtures.extract("pingtan/\(name).html")
        let truth = try ExtractionFixtures.truth("\(name).truth.json")
        #expect(r.report.entity == "平潭综合实验区")
        #expect(r.report.year == truth["report_year"] as? Int)
        #expect(r.report.template.rawValue == truth["template"] as? String)
        #expect(ExtractionFixtures.printed(r) == ExtractionFixtures.expectedValues(truth))
        #expect(r.ambiguities.isEmpty)
        #expect(r.issues.filter { $0.severity == .error }.isEmpty)
        #expect(r.observations.allSatisfy { $0.source.hasPrefix("\(name).html#table") })
    }

    @Test(arguments: ["pingtan_2019", "pingtan_2021", "pingtan_2022"])
    func pingtanWebTextYieldsTheCertainNumbersAndFlagsTheRest(_ name: String) throws {
        let r = try ExtractionFixtures.extract("pingtan/\(name).txt")
        let truth = try ExtractionFixtures.truth("\(name).truth.json")
        let open = ExtractionFixtures.ambiguousPrefixes(truth)
        #expect(!open.isEmpty)
        var expected = ExtractionFixtures.expectedValues(truth)
        for key in expected.keys where open.contains(String(key.prefix { $0 != "." })) { expected[key] = nil }
        #expect(ExtractionFixtures.printed(r) == expected)
        let flagged = Set(r.ambiguities.flatMap(\.metrics).map { String($0.prefix { $0 != "." }) })
        #expect(flagged == open)
        for a in r.ambiguities { #expect(a.candidates.count > 1) }
        #expect(r.issues.filter { $0.severity == .error }.isEmpty)
    }

    @Test func pingtan2021TextSplitsRowsOnlyTheColumnIdentitiesPinDown() throws {
        let r = try ExtractionFixtures.extract("pingtan/pingtan_2021.txt")
        let v = ExtractionFixtures.printed(r)
        #expect(v["applications.granted.natural_person@2021"] == 27)
        #expect(v["applications.granted.social_welfare@2021"] == 2)
        #expect(v["applications.granted.total@2021"] == 30)
        #expect(v["applications.unable_not_held.natural_person@2021"] == 22)
        #expect(v["applications.unable_not_held.other_org@2021"] == 3)
        #expect(v["litigation_direct.upheld@2021"] == 12)
        #expect(v["review.total@2021"] == 3)
        #expect(v["licensing.decisions@2021"] == 2293)
        #expect(v["fees.amount@2021"] == 24252.311082)
        let normative = try #require(r.ambiguities.first { $0.row == "行政规范性文件" })
        #expect(normative.run == "693665")
        #expect(normative.candidates.contains("69|3|665"))
    }

    @Test func htmlConvertsYuanAndRecordsTheConversion() throws {
        let r = try ExtractionFixtures.extract("pingtan/pingtan_2019.html")
        let amount = try #require(r.observations.first { $0.metric == "procurement.amount" })
        #expect(amount.value == 7539.443252)
        #expect(amount.unit == "万元")
        #expect(amount.source.contains("75394432.52元 → 7539.443252万元"))
        #expect(amount.source.hasPrefix("pingtan_2019.html#table2[r"))
    }
}
