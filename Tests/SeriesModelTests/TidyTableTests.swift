import Foundation
import Testing
@testable import SeriesModel

@Suite struct TidyTableTests {
    static let datasets = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("datasets")

    @Test func handMadeMudanjiangCSVLoadsThePrintedNumbers() throws {
        let url = Self.datasets.appendingPathComponent("mudanjiang/mudanjiang_2020_table2.csv")
        let obs = try TidyTable.readCSV(Array(try Data(contentsOf: url)), file: url.lastPathComponent)
        #expect(obs.count == 27)
        func v(_ metric: String, _ year: Int = 2020) -> Double? {
            obs.first { $0.metric == metric && $0.year == year }?.value
        }
        #expect(v("normative_docs.made") == 58)
        #expect(v("normative_docs.total") == 449)
        #expect(v("licensing.items", 2019) == 5434)
        #expect(v("licensing.items_change") == -640)
        #expect(v("licensing.items") == 4794)
        #expect(v("licensing.decisions") == 387576)
        #expect(v("other_services.items_change") == 146)
        #expect(v("other_services.decisions") == 549605)
        #expect(v("penalty.items", 2019) == 15604)
        #expect(v("penalty.decisions") == 653308)
        #expect(v("coercion.decisions") == 2322)
        #expect(v("fees.items", 2019) == 36)
        #expect(v("procurement.projects") == 2481)
        #expect(v("procurement.amount") == 218827.31)
        #expect(obs.filter(\.derived).map(\.metric).sorted()
                == ["coercion.items", "fees.items", "licensing.items", "other_services.items", "penalty.items"])
        #expect(Set(obs.map(\.entity)) == ["牡丹江市人民政府"])
        let amount = obs.first { $0.metric == "procurement.amount" }!
        #expect(amount.unit == "万元")
        #expect(amount.source == "mudanjiang_2020.txt:296")
    }

    @Test func roundTripKeepsEveryField() throws {
        let obs = [Observation(entity: "平潭综合实验区", year: 2019, metric: "procurement.amount", value: 7539.443252,
                               unit: "万元", label: "政府集中采购·采购总金额",
                               source: "pingtan_2019.html#table2[r10c2], 75394432.52元 → 万元", derived: false)]
        let text = TidyTable.csv(obs)
        #expect(text.contains("7539.443252"))
        #expect(try TidyTable.readCSV(Array(text.utf8), file: "x.csv") == obs)
    }

    @Test func badValueNamesFileLineAndColumn() {
        let text = "entity,year,metric,value\n甲,2020,licensing.decisions,12\n甲,2021,licensing.decisions,abc\n"
        #expect(throws: InputError(file: "bad.csv", place: "line 3, column value", message: "expected a number, found “abc”")) {
            try TidyTable.readCSV(Array(text.utf8), file: "bad.csv")
        }
    }

    @Test func blankValueIsNotReportedNotZero() throws {
        let text = "entity,year,metric,value\n甲,2020,licensing.decisions,\n甲,2021,licensing.decisions,0\n"
        let obs = try TidyTable.readCSV(Array(text.utf8), file: "b.csv")
        #expect(obs.map(\.year) == [2021])
    }

    @Test func gb18030CSVIsDecoded() throws {
        let text = "entity,year,metric,value\n牡丹江市人民政府,2020,licensing.decisions,387576\n"
        let bytes = Array(text.data(using: TextDecoding.gb18030)!)
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let obs = try TidyTable.readCSV(bytes, file: "gb.csv")
        #expect(obs.first?.entity == "牡丹江市人民政府")
    }
}

@Suite struct NumberTextTests {
    @Test func formats() {
        #expect(NumberText.plain(218827.31) == "218827.31")
        #expect(NumberText.plain(387576) == "387576")
        #expect(NumberText.plain(-640) == "-640")
        #expect(NumberText.plain(7539.443252) == "7539.443252")
        #expect(NumberText.grouped(387576) == "387,576")
        #expect(NumberText.grouped(-1234567.891, fractionDigits: 2) == "-1,234,567.89")
        #expect(NumberText.chinese(387576) == "38.76万")
        #expect(NumberText.chinese(2_188_000_000) == "21.88亿")
        #expect(NumberText.chinese(4794) == "4,794")
        #expect(NumberText.signedPercent(-640.0 / 5434.0) == "-11.8%")
        #expect(NumberText.signedPercent(8397.0 / 2293.0) == "+366.2%")
        #expect(NumberText.signed(146) == "+146")
        #expect(NumberText.signed(0) == "0")
    }

    @Test func wideCharactersTakeTwoColumns() {
        #expect(TextTable.displayWidth("行政许可") == 8)
        #expect(TextTable.displayWidth("abc") == 3)
        #expect(TextTable.displayWidth("（七）总计") == 10)
    }
}
