import Foundation
import Testing
@testable import SeriesModel

@Suite struct IndicatorTests {
    @Test func pingtanDisclosureRates() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.pingtan])
        func v(_ y: Int, _ m: String) -> Double? { d.value(entity: "平潭综合实验区", year: y, metric: m) }
        #expect(v(2021, "indicator.disclosure_rate") == 100.0 * (30 + 5) / 69)
        #expect(v(2019, "indicator.disclosure_rate") == 100.0 * (7 + 1) / 23)
        #expect(v(2022, "indicator.disclosure_rate") == 100.0 * (21 + 9) / 75)
        let o = try #require(d.observation(.init(entity: "平潭综合实验区", year: 2021, metric: "indicator.disclosure_rate")))
        #expect(o.derived)
        #expect(o.unit == "%")
        #expect(o.source == "公开率 = 100 × (applications.granted.total + applications.partial_granted.total) / applications.total_processed.total")
        // 表四 2021: review 1|0|2|0|3 → 0 corrected of 3 concluded; 2022: 0|1|1|0|2 → 50 %.
        #expect(v(2021, "indicator.review_correction_rate") == 0)
        #expect(v(2022, "indicator.review_correction_rate") == 50)
        // 2019 had no reviews at all: no rate (n/a), not 0 and not NaN.
        #expect(v(2019, "indicator.review_correction_rate") == nil)
        #expect(v(2022, "indicator.normative_docs_net_change") == 33.0)            // 88 issued − 55 repealed
        #expect(v(2021, "indicator.normative_docs_net_change") == 66.0)            // 69 − 3
        #expect(v(2019, "indicator.normative_docs_net_change") == nil)
        // 2022: 自然人 72 of 74 new applications (the truth file's 表三).
        let np = try #require(v(2022, "indicator.applicants_natural_person_share"))
        let org = try #require(v(2022, "indicator.applicants_organisation_share"))
        #expect(abs(np + org - 100) < 1e-9)
        #expect(v(2022, "indicator.disputes_per_100_applications") == 100.0 * (2 + 1 + 0) / 74)
    }

    @Test func mudanjiangReviewAndLitigation() throws {
        let d = AnalysisFixtures.load([AnalysisFixtures.mudanjiangTable2, AnalysisFixtures.mudanjiangTables34])
        func v(_ m: String) -> Double? { d.value(entity: "牡丹江市人民政府", year: 2020, metric: m) }
        // 表四: review 5|4|2|1|12 → 4 / (12 − 1); litigation direct 0|0|1|0|1, after review 0|0|0|1|1.
        #expect(v("indicator.review_correction_rate") == 100.0 * 4 / 11)
        #expect(v("indicator.litigation_direct_loss_rate") == 0)
        #expect(v("indicator.litigation_after_review_loss_rate") == nil)
        #expect(v("indicator.litigation_loss_rate") == 0)
        #expect(v("indicator.disclosure_rate") == 100.0 * (111 + 6) / 127)
        let outcome = ["indicator.disclosure_rate", "indicator.denial_rate", "indicator.unable_rate",
                       "indicator.not_processed_rate", "indicator.other_handling_rate"].compactMap(v).reduce(0, +)
        #expect(abs(outcome - 100) < 1e-9)
    }

    @Test func everyIndicatorIsInTheCatalogWithAFormulaOverKnownMetrics() {
        let catalog = MetricCatalog.standard
        for d in MetricCatalog.indicatorDefinitions {
            let m = catalog[d.id]
            #expect(m?.kind == .indicator)
            #expect(m?.formula?.isEmpty == false)
            for input in d.inputs { #expect(catalog.contains(input), "\(d.id) reads unknown \(input)") }
        }
        #expect(catalog["indicator.disclosure_rate"]?.formula?.hasPrefix(
            "100 × (applications.granted.total + applications.partial_granted.total) / applications.total_processed.total") == true)
    }

    @Test func otherHandlingUsesTheTemplateRows() {
        let def = MetricCatalog.indicatorDefinitions.first { $0.id == "indicator.other_handling_rate" }!
        let v2021: [String: Double] = ["applications.other_overdue_correction.total": 1, "applications.other_overdue_fee.total": 0,
                                       "applications.other_other.total": 3, "applications.total_processed.total": 75]
        #expect(def.evaluate { v2021[$0] }?.value == 100.0 * 4 / 75)
        #expect(def.evaluate { ["applications.other_other.total": 3, "applications.total_processed.total": 75][$0] } == nil)
        #expect(def.evaluate { ["applications.other_handling.total": 0, "applications.total_processed.total": 0][$0] } == nil)
    }
}

@Suite struct IndicatorMergeTests {
    @Test func anIndicatorInTheInputIsKeptAndDisagreementsReported() throws {
        var obs = try TidyTable.readCSV(Array(try Data(contentsOf: URL(fileURLWithPath: AnalysisFixtures.pingtan))), file: "p.csv")
        obs.append(Observation(entity: "平潭综合实验区", year: 2021, metric: "indicator.disclosure_rate", value: 50, unit: "%",
                               label: "公开率", source: "briefing_2021.csv:4", derived: false))
        var d = Dataset(obs)
        d.addIndicators()
        let s = try #require(d.series(entity: "平潭综合实验区", metric: "indicator.disclosure_rate"))
        #expect(s.years == [2019, 2021, 2022])
        let expected: [Double] = [800.0 / 23, 50, 3000.0 / 75]
        #expect(s.values == expected)
        #expect(s.points.map(\.derived) == [true, false, true])
        let c = try #require(d.conflicts.first { $0.key.metric == "indicator.disclosure_rate" })
        #expect(c.kept.source == "briefing_2021.csv:4")
        let computed: Double = 3500.0 / 69
        #expect(c.dropped.value == computed)
        #expect(c.resolution == .printedOverDerived)
        // Other indicator series are untouched by the merge.
        #expect(d.value(entity: "平潭综合实验区", year: 2022, metric: "indicator.review_correction_rate") == 50)
    }
}

@Suite struct SourceRefTests {
    /// Every source form the readers write reads back to itself, and the file part is found the same way.
    @Test func sourceStringsRoundTrip() {
        let forms = ["mudanjiang_2020.txt:259", "pingtan_2021.html#table3[r5c2]", "hongze_2023.pdf#p7/table3[r13c4]",
                     "hongze_2023.pdf#p3:L12", "pingtan_2021.txt:41 (split from 3960181)",
                     "a.html#table2[r3c4] (75394432.52元 → 万元; split from 12)", "workload.py:0", "p.json#3", "x.csv"]
        for f in forms { #expect(SourceRef(parsing: f).description == f) }
        #expect(SourceRef(parsing: "hongze_2023.pdf#p7/table3[r13c4]").location == .pageCell(page: 7, table: 3, row: 13, column: 4))
        #expect(SourceRef(parsing: "a/b/x_2020.txt:12 (note)").location == .line(12))
        #expect(SourceRef.fileName(of: "a/b/x_2020.txt:12 (note)") == "x_2020.txt")
        #expect(SourceRef.fileName(of: "workload.py:0") == "workload.py")
    }
}
