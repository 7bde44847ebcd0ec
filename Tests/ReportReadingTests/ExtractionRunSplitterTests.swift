@testable import ReportReading
@testable import SeriesModel
import TestSupport
import Testing

@Suite struct ExtractionRunSplitterTests {
    static func tokens(_ runs: String...) -> [NumberToken] {
        runs.enumerated().map { NumberToken(text: $1, unit: nil, position: $0) }
    }

    static let table3Row = TemplateLayout.v2021.table3[2]

    static func printed(_ r: RowReading) -> [String] {
        r.candidates.map { $0.map { $0?.printed ?? "□" }.joined(separator: "|") }
    }

    @Test func rowSumAloneLeavesTwoSplitsOfThe2021GrantedRow() {
        var budget = 100_000
        let r = RunSplitter.read(Self.tokens("270020130"), cells: Self.table3Row.cells, sumGroups: Self.table3Row.sumGroups, budget: &budget)
        #expect(Self.printed(r) == ["2|7|0|0|20|1|30", "27|0|0|2|0|1|30"])
        #expect(r.wasSplit)
    }

    @Test func groupSumsLeaveOneSplitOfThe2021Table4Run() {
        var budget = 100_000
        let row = TemplateLayout.table4Row
        let r = RunSplitter.read(Self.tokens("10203120001200000"), cells: row.cells, sumGroups: row.sumGroups, budget: &budget)
        #expect(Self.printed(r) == ["1|0|2|0|3|12|0|0|0|12|0|0|0|0|0"])
    }

    @Test func spacesAreBoundariesButNotEveryBoundaryHasOne() {
        var budget = 100_000
        let r = RunSplitter.read(Self.tokens("230", "000023"), cells: Self.table3Row.cells, sumGroups: Self.table3Row.sumGroups, budget: &budget)
        #expect(Self.printed(r) == ["23|0|0|0|0|0|23"])
    }

    @Test func signedChangesAndYuanAmountsSplit() {
        var budget = 100_000
        let licensing = TemplateLayout.v2019.table2[2]
        let r = RunSplitter.read(Self.tokens("5434", "-640387576"), cells: licensing.cells, sumGroups: [], budget: &budget)
        #expect(Self.printed(r).contains("5434|-640|387576"))
        #expect(r.candidates.count > 1)
        let procurement = TemplateLayout.v2019.table2[7]
        let yuan = NumberToken(text: "75394432.52", unit: NumberScanner.units.first { $0.text == "元" }, position: 0)
        let p = RunSplitter.read([NumberToken(text: "135", unit: nil, position: 0), yuan], cells: procurement.cells, sumGroups: [], budget: &budget)
        #expect(p.candidates.first?[1]?.value == 7539.443252)
        #expect(p.candidates.first?[1]?.conversion == "75394432.52元 → 7539.443252万元")
    }

    @Test func decimalShiftIsExactOnTheDigits() {
        #expect(RunSplitter.shiftDecimal("75394432.52", by: -4) == "7539.443252")
        #expect(RunSplitter.shiftDecimal("251000", by: -4) == "25.1")
        #expect(RunSplitter.shiftDecimal("5", by: -4) == "0.0005")
        #expect(RunSplitter.shiftDecimal("1.5", by: 4) == "15000")
    }

    @Test func singleNumberRowsAreUnambiguous() {
        var budget = 100_000
        let licensing = TemplateLayout.v2021.table2[2]
        let r = RunSplitter.read(Self.tokens("2293"), cells: licensing.cells, sumGroups: [], budget: &budget)
        #expect(Self.printed(r) == ["2293"])
        #expect(!r.wasSplit)
    }
}
