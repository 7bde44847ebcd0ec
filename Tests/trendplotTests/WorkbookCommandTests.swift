import Foundation
import Publishing
import ReportReading
import SeriesModel
import TestSupport
import Testing
@testable import trendplot

/// `-o FILE.xlsx` on extract and trends, the export folder's data.xlsx, and CSV files that Excel reads as UTF-8.
@Suite struct WorkbookCommandTests {
    static let pingtan = ["pingtan/pingtan_2019.txt", "pingtan/pingtan_2021.html", "pingtan/pingtan_2022.txt"]
        .map { RepoPaths.dataset($0).path }

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("wbc-\(UUID().uuidString)-\(name)")
    }

    /// The lines of a CSV file written with -o, after its BOM (which must be there).
    static func csvLines(_ url: URL) throws -> [Substring] {
        let bytes = try Data(contentsOf: url)
        #expect(Array(bytes.prefix(3)) == TidyTable.byteOrderMark, "\(url.lastPathComponent) starts without a BOM")
        return String(decoding: bytes.dropFirst(3), as: UTF8.self).split(separator: "\n")
    }

    /// Every row of the 数据 sheet equals the CSV line of the same position, field by field.
    static func expectSheet(_ sheet: XLSXReader.Sheet, equals csv: [Substring], headers: [String]) {
        #expect(sheet.rowCount == csv.count)
        #expect(sheet.row(0).map(XLSXReader.csvText) == headers)
        for (i, line) in csv.enumerated().dropFirst() {
            var expected = XLSXReader.csvFields(line)
            let got = (0..<expected.count).map { XLSXReader.csvText(sheet[i, $0]) }
            // yoy_pct, index and moving_avg: the CSV's two decimals are the sheet's number (e.g. 7.1 or 7.10).
            for j in expected.indices where Double(expected[j]) != nil && Double(got[j]) != nil {
                if Double(expected[j]) == Double(got[j]) { expected[j] = got[j] }
            }
            #expect(got == expected, "row \(i + 1)")
        }
    }

    @Test func extractWorkbookHoldsTheCSVOfTheSameInput() throws {
        let xlsx = Self.temporary("x.xlsx"), csv = Self.temporary("x.csv")
        defer { try? FileManager.default.removeItem(at: xlsx); try? FileManager.default.removeItem(at: csv) }
        try ExtractCommand.parse(Self.pingtan + ["-o", xlsx.path]).run()
        try ExtractCommand.parse(Self.pingtan + ["--format", "csv", "-o", csv.path]).run()
        let book = try XLSXReader(url: xlsx)
        let lines = try Self.csvLines(csv)
        #expect(lines.count > 500)
        Self.expectSheet(try #require(book.sheet("数据")), equals: lines, headers: ReportWorkbook.tidyHeaders)
        #expect(book.sheet("表三·平潭综合实验区") != nil && book.sheet("核查") != nil && book.sheet("来源") != nil)
        // The HTML report's cells are named by table, row and column in 来源.
        let sources = try #require(book.sheet("来源"))
        #expect((1..<sources.rowCount).contains { XLSXReader.csvText(sources[$0, 11]).hasPrefix("pingtan_2021.html#table3[r") })
    }

    @Test func trendsWorkbookHoldsTheTrendsCSV() throws {
        let xlsx = Self.temporary("t.xlsx"), csv = Self.temporary("t.csv")
        defer { try? FileManager.default.removeItem(at: xlsx); try? FileManager.default.removeItem(at: csv) }
        let data = [RepoPaths.dataset("pingtan").path, RepoPaths.dataset("mudanjiang").path]
        try TrendsCommand.parse(data + ["-o", xlsx.path]).run()
        try TrendsCommand.parse(data + ["--format", "csv", "-o", csv.path]).run()
        let book = try XLSXReader(url: xlsx)
        let lines = try Self.csvLines(csv)
        #expect(lines.count > 800)
        #expect(lines.first.map(String.init) == TrendRow.csvHeader)
        Self.expectSheet(try #require(book.sheet("数据")), equals: lines, headers: ReportWorkbook.trendHeaders)
        #expect(book.sheets.contains { $0.name == "表三·牡丹江市人民政府" })
    }

    @Test func aWorkbookHoldsTrendRowsOnly() {
        #expect(throws: (any Error).self) { try TrendsCommand.parse(["datasets", "--findings", "-o", "x.xlsx"]) }
        #expect(throws: Never.self) { try TrendsCommand.parse(["datasets", "-o", "x.xlsx"]) }
    }

    @Test func csvWrittenToAFileStartsWithABOMAndReadsBack() throws {
        let csv = Self.temporary("bom.csv")
        defer { try? FileManager.default.removeItem(at: csv) }
        let input = RepoPaths.dataset("mudanjiang/mudanjiang_2020.txt").path
        try ExtractCommand.parse([input, "-o", csv.path]).run()
        let bytes = try Data(contentsOf: csv)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3).prefix(7), as: UTF8.self) == "entity,")
        let back = try TidyTable.readCSV(Array(bytes), file: "bom.csv")
        let direct = try InputLoader.extract(path: input, options: .init()).observations
        #expect(back == direct)
        // The loader every command uses reads it too.
        #expect(InputLoader().load([csv.path]).dataset.count == Dataset(direct).count)
        // JSON gets no BOM.
        let json = Self.temporary("x.json")
        defer { try? FileManager.default.removeItem(at: json) }
        try ExtractCommand.parse([input, "--format", "json", "-o", json.path]).run()
        #expect(try Data(contentsOf: json).first == UInt8(ascii: "{"))
    }

    @Test func exportFolderHoldsDataXLSX() async throws {
        let dir = Self.temporary("export")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cmd = try ExportCommand.parse([RepoPaths.dataset("mudanjiang/mudanjiang_2020.txt").path, "--formats", "svg",
                                           "--jobs", "2", "-o", dir.path])
        try await cmd.run()
        let book = try XLSXReader(url: dir.appendingPathComponent("data.xlsx"))
        let data = try #require(book.sheet("数据"))
        let observations = InputLoader().load([RepoPaths.dataset("mudanjiang/mudanjiang_2020.txt").path]).dataset.observations()
        #expect(data.rowCount == observations.count + 1)
        let t2 = try #require(book.sheet("表二·牡丹江市人民政府"))
        let r = try #require((3..<t2.rowCount).first { t2[$0, 0] == .text("行政许可") && t2[$0, 1] == .text("处理决定数量") })
        #expect(t2[r, 2] == .number(387576))   // mudanjiang_2020.txt, 表二 行政许可 处理决定数量 as printed
    }
}
