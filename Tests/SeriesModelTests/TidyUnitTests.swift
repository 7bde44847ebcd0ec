import Foundation
import Testing
@testable import SeriesModel

/// Review ux-reliability S1-1 (units in tidy CSV/JSON) and S2-9 (huge values refused at reading), through every tidy
/// reader: the streaming scanner (what commands use), ``TidyTable`` and ``TidyJSON``.
@Suite struct TidyUnitTests {
    static let yuanCSV = """
        entity,year,metric,value,unit,label,source,derived
        某县,2020,procurement.amount,75394432.52,元,,,false
        某县,2021,procurement.amount,80000000,元,,,false
        某县,2021,licensing.decisions,3.87,万件,,,false
        某县,2022,licensing.decisions,2113,件,,,false

        """

    static func scan(_ text: String) -> Dataset {
        var b = DatasetBuilder()
        TidyCSVScanner.read(bytes: Array(text.utf8), file: "t.csv", into: &b)
        return b.build()
    }

    static func value(_ obs: [Observation], _ metric: String, _ year: Int) -> Observation? {
        obs.first { $0.metric == metric && $0.year == year }
    }

    @Test func s1_1_yuanIsConvertedToWanYuanByTheScanner() {
        let d = Self.scan(Self.yuanCSV)
        #expect(d.errors.isEmpty)
        let obs = d.observations()
        let a = Self.value(obs, "procurement.amount", 2021)
        #expect(a?.value == 8000)
        #expect(a?.unit == "万元")
        #expect(a?.source == "t.csv:3 (80000000元 → 8000万元)")
        #expect(Self.value(obs, "procurement.amount", 2020)?.value == 7539.443252)
        #expect(Self.value(obs, "licensing.decisions", 2021)?.value == 38700)
        #expect(Self.value(obs, "licensing.decisions", 2021)?.unit == "件")
        #expect(Self.value(obs, "licensing.decisions", 2022)?.value == 2113)
    }

    @Test func s1_1_tidyTableAndJSONConvertTheSameWay() throws {
        let t = try TidyTable.readCSV(Array(Self.yuanCSV.utf8), file: "t.csv")
        #expect(Self.value(t, "procurement.amount", 2021)?.value == 8000)
        #expect(Self.value(t, "procurement.amount", 2021)?.source == "t.csv:3 (80000000元 → 8000万元)")
        #expect(Self.value(t, "licensing.decisions", 2021)?.value == 38700)
        let json = #"[{"entity":"某县","year":2021,"metric":"procurement.amount","value":80000000,"unit":"元","source":"a.txt:4"}]"#
        let j = try TidyJSON.read(Array(json.utf8), file: "t.json")
        #expect(j.first?.value == 8000)
        #expect(j.first?.unit == "万元")
        #expect(j.first?.source == "a.txt:4 (80000000元 → 8000万元)")
    }

    @Test func s1_1_aUnitTheCatalogCannotConvertIsRefusedWithFileAndLine() throws {
        let csv = "entity,year,metric,value,unit\n某县,2020,procurement.amount,5,美元\n某县,2021,procurement.amount,6,万元\n"
        let d = Self.scan(csv)
        #expect(d.errors.map(\.file) == ["t.csv"])
        #expect(d.errors.first?.place == "line 2, column unit")
        #expect(d.errors.first?.message.contains("美元") == true)
        #expect(d.observations().map(\.value) == [6])
        #expect(throws: InputError.self) { try TidyTable.readCSV(Array(csv.utf8), file: "t.csv") }
    }

    @Test func s1_1_aSeriesNeverMixesUnits() {
        let d = Self.scan("entity,year,metric,value,unit\n某县,2020,my.count,5,个\n某县,2021,my.count,6,件\n某县,2022,my.count,7,个\n")
        #expect(d.observations().map(\.value) == [5, 7])
        #expect(d.errors.count == 1)
        #expect(d.errors.first?.file == "t.csv")
        #expect(d.errors.first?.place == "line 3, column unit")
    }

    @Test func s2_9_hugeValuesAreRefusedAtReadingAndExcelExponentsRead() throws {
        let csv = "entity,year,metric,value\n某县,2019,licensing.decisions,1e308\n某县,2020,licensing.decisions,-1e308\n某县,2021,licensing.decisions,1E+15\n"
        let d = Self.scan(csv)
        #expect(d.errors.map(\.place) == ["line 2, column value", "line 3, column value"])
        #expect(d.observations().map(\.value) == [1e15])
        let json = #"[{"entity":"某县","year":2021,"metric":"licensing.decisions","value":1e300}]"#
        #expect(throws: InputError.self) { try TidyJSON.read(Array(json.utf8), file: "t.json") }
    }
}
