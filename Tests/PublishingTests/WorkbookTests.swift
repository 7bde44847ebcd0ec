import Foundation
import Publishing
import ReportReading
import SeriesModel
import TestSupport
import Testing

/// The XLSX workbook, read back from the file's own XML (``XLSXReader``), against the CSV of the same input and
/// the hand-checked truth of the bundled reports.
@Suite struct WorkbookTests {
    static let pingtan = ["pingtan/pingtan_2019.txt", "pingtan/pingtan_2021.txt", "pingtan/pingtan_2022.txt"]
        .map { RepoPaths.dataset($0).path }

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("wb-\(UUID().uuidString)-\(name)")
    }

    /// The workbook `extract` writes for `paths`, written and read back.
    static func extractWorkbook(_ paths: [String], at url: URL) throws -> (XLSXReader, LoadedInputs) {
        let inputs = InputLoader(jobs: 2).load(paths)
        let sheets = ReportWorkbook.sheets(data: .tidy(inputs.reports.flatMap(\.observations)), reports: inputs.reports,
                                           checks: ReportChecker.run(inputs.reports))
        try XLSXWriter.write(sheets, to: url.path)
        return (try XLSXReader(url: url), inputs)
    }

    @Test func dataSheetHoldsEveryTidyRowOfTheCSV() throws {
        let url = Self.temporary("data.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let (book, inputs) = try Self.extractWorkbook(Self.pingtan, at: url)
        #expect(book.sheets.map(\.name) == ["数据", "表二·平潭综合实验区", "表三·平潭综合实验区", "表四·平潭综合实验区", "核查", "来源"])
        let data = try #require(book.sheet("数据"))
        let csv = TidyTable.csv(inputs.reports.flatMap(\.observations)).split(separator: "\n")
        #expect(data.rowCount == csv.count)
        #expect(data.row(0).map(XLSXReader.csvText) == ReportWorkbook.tidyHeaders)
        var compared = 0
        for (i, line) in csv.enumerated().dropFirst() {
            let expected = XLSXReader.csvFields(line)
            #expect(data.row(i).map(XLSXReader.csvText) == expected, "row \(i + 1)")
            compared += expected.count
        }
        #expect(compared == (csv.count - 1) * 8)
        #expect(data.frozenTopLeft == "A2")
        #expect(data.autoFilter == "A1:H\(csv.count)")
        // Number formats: counts with separators, the 万元 amount with its six decimals, years without separators.
        let fees = try #require((1..<data.rowCount).first { data[$0, 2] == .text("fees.amount") && data[$0, 1] == .number(2021) })
        #expect(data[fees, 3] == .number(24252.311082))
        #expect(book.numberFormat(data, row: fees, column: 3) == "#,##0.000000")
        #expect(book.numberFormat(data, row: fees, column: 1) == "0")
        let licensing = try #require((1..<data.rowCount).first { data[$0, 2] == .text("licensing.decisions") && data[$0, 1] == .number(2021) })
        #expect(data[licensing, 3] == .number(2293))
        #expect(book.numberFormat(data, row: licensing, column: 3) == "#,##0")
    }

    @Test func table3SheetReproducesThePrintedGridOfPingtan2021() throws {
        let url = Self.temporary("t3.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let (book, _) = try Self.extractWorkbook(Self.pingtan, at: url)
        let sheet = try #require(book.sheet("表三·平潭综合实验区"))
        let truthURL = RepoPaths.tests.appendingPathComponent("ReportReadingTests/Fixtures/pingtan_2021.truth.json")
        let truth = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: truthURL)) as? [String: Any])
        let t3 = try #require(truth["table3"] as? [String: Any])
        let columns = try #require(t3["columns"] as? [String])
        let rows = try #require(t3["rows"] as? [String: [String: Double]])
        // Years across row 2 (one merged block of seven columns each), the applicant columns in row 4.
        #expect(sheet[1, 1] == .text("2019年") && sheet[1, 8] == .text("2021年") && sheet[1, 15] == .text("2022年"))
        #expect(sheet[2, 8] == .text("pingtan_2021.txt"))
        #expect((0..<7).map { sheet[3, 8 + $0] } == MetricCatalog.applicantColumns.map { .text($0.zh) })
        #expect(sheet.merged.contains("I2:O2"))
        #expect(sheet.frozenTopLeft == "B5")
        let labels = TemplateTable(table: 3, template: .v2021).rows
        var checked = 0
        for (key, values) in rows {
            let label = try #require(labels.first { $0.key == key }?.label)
            let r = try #require((4..<sheet.rowCount).first { sheet[$0, 0] == .text(label) }, "row \(label)")
            for (j, column) in columns.enumerated() {
                let want = try #require(values[column])
                #expect(sheet[r, 8 + j] == .number(want), "\(label) · \(column)")
                checked += 1
            }
        }
        #expect(checked == 25 * 7)
        // The report's own row order: 一、 … 四、 as printed (the 2019 row 其他处理 sits with the others).
        #expect(sheet[4, 0] == .text("一、本年新收政府信息公开申请数量"))
        #expect(sheet[sheet.rowCount - 1, 0] == .text("四、结转下年度继续办理"))
    }

    @Test func sourceSheetNamesTheFileAndPlaceOfEveryTableValue() throws {
        let url = Self.temporary("src.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let (book, inputs) = try Self.extractWorkbook(Self.pingtan, at: url)
        let sources = try #require(book.sheet("来源"))
        var byCell: [String: [XLSXReader.Value?]] = [:]
        for r in 1..<sources.rowCount { byCell[XLSXReader.csvText(sources[r, 0]) + "!" + XLSXReader.csvText(sources[r, 1])] = sources.row(r) }
        let report2021 = try #require(inputs.reports.first { $0.report.year == 2021 })
        var numbers = 0
        for name in ["表二·平潭综合实验区", "表三·平潭综合实验区", "表四·平潭综合实验区"] {
            let sheet = try #require(book.sheet(name))
            for (key, value) in sheet.cells where key[0] >= 3 {
                guard case let .number(v) = value else { continue }
                let address = ReportWorkbook.cellName(row: key[0], column: key[1])
                let row = try #require(byCell[name + "!" + address], "no 来源 row for \(name)!\(address)")
                #expect(row[8] == .number(v), "\(name)!\(address)")
                let file = XLSXReader.csvText(row[10])
                #expect(file.hasPrefix("pingtan_20") && file.hasSuffix(".txt"))
                numbers += 1
            }
        }
        #expect(numbers > 3 * 150)
        // 表三 予以公开 · 自然人 of 2021: the text report's line of that row.
        let granted = try #require(report2021.observations.first { $0.metric == "applications.granted.natural_person" })
        let t3 = try #require(book.sheet("表三·平潭综合实验区"))
        let label = TemplateTable(table: 3, template: .v2021).rows.first { $0.key == "granted" }!.label
        let r = try #require((4..<t3.rowCount).first { t3[$0, 0] == .text(label) })
        let row = try #require(byCell["表三·平潭综合实验区!" + ReportWorkbook.cellName(row: r, column: 8)])
        #expect(row[11] == .text(granted.source))
        #expect(row[7] == .text("applications.granted.natural_person"))
        #expect(granted.source.hasPrefix("pingtan_2021.txt:"))
    }

    @Test func pdfSourcesCarryTheirPage() throws {
        let url = Self.temporary("pdf.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let (book, inputs) = try Self.extractWorkbook([RepoPaths.dataset("pingtan/pingtan_2021.pdf").path], at: url)
        let sources = try #require(book.sheet("来源"))
        let pages = (1..<sources.rowCount).compactMap { r -> (Double, String)? in
            guard case let .number(p)? = sources[r, 9] else { return nil }
            return (p, XLSXReader.csvText(sources[r, 11]))
        }
        #expect(!pages.isEmpty)
        for (page, source) in pages {
            guard case let .pageCell(p, _, _, _) = SourceRef(parsing: source).location else {
                Issue.record("\(source) is no PDF cell"); continue
            }
            #expect(Double(p) == page)
        }
        #expect(inputs.reports.count == 1)
    }

    @Test func checkSheetListsFindingsAndAmbiguousCellsWithTheirSplits() throws {
        let url = Self.temporary("check.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let (book, inputs) = try Self.extractWorkbook(Self.pingtan, at: url)
        let check = try #require(book.sheet("核查"))
        let findings = ReportChecker.run(inputs.reports).findings
        let ambiguities = inputs.reports.flatMap(\.ambiguities)
        #expect(!ambiguities.isEmpty)
        #expect(check.rowCount == 1 + findings.count + ambiguities.count + inputs.reports.flatMap(\.blankCells).count)
        let split = try #require((1..<check.rowCount).first { check[$0, 5] == .text("693665") })
        #expect(XLSXReader.csvText(check[split, 6]).components(separatedBy: " 或 ").contains("69|3|665"))
        #expect(check[split, 3] == .text("pingtan_2021.txt"))
        // The open cells say 待核 in the 表二 sheet, never a number.
        let t2 = try #require(book.sheet("表二·平潭综合实验区"))
        let openRows = (3..<t2.rowCount).filter { t2[$0, 0] == .text("行政规范性文件") }
        #expect(openRows.count == 3)
        let column2021 = try #require((2..<20).first { t2[1, $0] == .text("2021年") })
        #expect(openRows.allSatisfy { t2[$0, column2021] == .text("待核") })
    }

    @Test func theSameInputGivesTheSameBytes() throws {
        let a = Self.temporary("a.xlsx"), b = Self.temporary("b.xlsx")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        _ = try Self.extractWorkbook(Self.pingtan, at: a)
        Thread.sleep(forTimeInterval: 2.1)   // zip entry times have a 2-second resolution
        _ = try Self.extractWorkbook(Self.pingtan, at: b)
        let x = try Data(contentsOf: a), y = try Data(contentsOf: b)
        #expect(x.count > 10_000)
        #expect(x == y)
        // No temporary file is left beside the target.
        let left = try FileManager.default.contentsOfDirectory(atPath: a.deletingLastPathComponent().path)
            .filter { $0.contains(a.lastPathComponent) && $0.hasSuffix(".tmp.xlsx") }
        #expect(left.isEmpty)
    }

    @Test func sheetNamesAreCutUniqueAndClean() {
        var taken: Set<String> = []
        let long = String(repeating: "很", count: 40)
        let first = WorkbookSheet.sheetName("表三·" + long, taken: &taken)
        let second = WorkbookSheet.sheetName("表三·" + long, taken: &taken)
        #expect(first.utf16.count == 31 && second.utf16.count == 31)
        #expect(first != second && second.hasSuffix(" (2)"))
        #expect(WorkbookSheet.sheetName("a/b:c?", taken: &taken) == "a_b_c_")
        #expect(WorkbookSheet.sheetName("数据", taken: &taken) == "数据")
        #expect(WorkbookSheet.sheetName("数据", taken: &taken) == "数据 (2)")
    }

    @Test func aFailedWriteLeavesTheTargetAndNoTemporaryFile() throws {
        let url = Self.temporary("keep.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("old".utf8).write(to: url)
        var bad = WorkbookSheet(name: "x")
        bad.append([.text(String(repeating: "长", count: 40_000))])   // longer than Excel's 32,767 characters
        #expect(throws: FileWritingError.self) { try XLSXWriter.write([bad], to: url.path) }
        #expect(try Data(contentsOf: url) == Data("old".utf8))
        let left = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
            .filter { $0.contains(url.lastPathComponent) && $0 != url.lastPathComponent }
        #expect(left.isEmpty)
    }

    /// `ReportWorkbook.write` streams the workbook (the 数据 rows in pieces, each table sheet with its 来源 rows as made)
    /// and gives the bytes of the sheets built whole.
    @Test func theStreamedWorkbookIsTheWorkbookOfTheSheets() throws {
        let inputs = InputLoader(jobs: 2).load(Self.pingtan)
        // More tidy rows than one piece holds, so the 数据 sheet goes out in several.
        var observations = inputs.reports.flatMap(\.observations)
        for i in 0..<(2 * ReportWorkbook.dataChunk + 17) {
            observations.append(Observation(entity: "测试\(i % 97)县", year: 2013 + i % 12, metric: "licensing.decisions",
                                            value: Double(i), source: "gen.csv:\(i + 2)"))
        }
        let checks = ReportChecker.run(inputs.reports)
        let whole = Self.temporary("whole.xlsx"), streamed = Self.temporary("streamed.xlsx")
        defer { try? FileManager.default.removeItem(at: whole); try? FileManager.default.removeItem(at: streamed) }
        let sheets = ReportWorkbook.sheets(data: .tidy(observations), reports: inputs.reports, checks: checks)
        try XLSXWriter.write(sheets, to: whole.path)
        try ReportWorkbook.write(data: .tidy(observations), reports: inputs.reports, checks: checks, to: streamed.path)
        #expect(try Data(contentsOf: whole) == Data(contentsOf: streamed))
        let book = try XLSXReader(url: streamed)
        let data = try #require(book.sheet("数据"))
        #expect(data.rowCount == observations.count + 1)
        #expect(data.autoFilter == "A1:H\(observations.count + 1)")
        #expect(data[observations.count, 0] == .text("测试\((2 * ReportWorkbook.dataChunk + 16) % 97)县"))
        #expect(data[observations.count, 6] == .text("gen.csv:\(2 * ReportWorkbook.dataChunk + 18)"))
        let sources = try #require(book.sheet("来源"))
        #expect(sources.rowCount == sheets.last?.rows.count)
        #expect(sources.autoFilter == "A1:L\(sources.rowCount)")
    }

    /// Built in memory (what happens past the hard open-file limit: constant-memory mode keeps one temporary file open
    /// per sheet), the workbook holds the same cells: text then sits in the shared-string table instead of inline.
    @Test func theInMemoryWorkbookHoldsTheSameCells() throws {
        let inputs = InputLoader(jobs: 2).load(Self.pingtan)
        let sheets = ReportWorkbook.sheets(data: .tidy(inputs.reports.flatMap(\.observations)), reports: inputs.reports,
                                           checks: ReportChecker.run(inputs.reports))
        let a = Self.temporary("constant.xlsx"), b = Self.temporary("memory.xlsx")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        try XLSXWriter.write(sheets, to: a.path, title: "trendplot", constantMemory: true)
        try XLSXWriter.write(sheets, to: b.path, title: "trendplot", constantMemory: false)
        let x = try XLSXReader(url: a), y = try XLSXReader(url: b)
        #expect(x.sheets.map(\.name) == y.sheets.map(\.name))
        for (s, t) in zip(x.sheets, y.sheets) {
            #expect(s.cells == t.cells, "sheet \(s.name)")
            #expect(s.merged == t.merged && s.autoFilter == t.autoFilter && s.frozenTopLeft == t.frozenTopLeft, "sheet \(s.name)")
        }
        #expect(x.numberFormats == y.numberFormats)
        #expect(try Data(contentsOf: a) != Data(contentsOf: b))   // inline strings against shared strings
    }

    /// A workbook of many sheets (one temporary file each while it is written) is written whole.
    @Test func aWorkbookOfManySheetsIsWritten() throws {
        let url = Self.temporary("many.xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        let sheets = (0..<1100).map { i -> WorkbookSheet in
            var s = WorkbookSheet(name: "表\(i)")
            s.append([.text("第\(i)张"), .number(Double(i), .integer)])
            return s
        }
        try XLSXWriter.write(sheets, to: url.path)
        let book = try XLSXReader(url: url)
        #expect(book.sheets.count == 1100)
        #expect(book.sheet("表1099")?[0, 0] == .text("第1099张"))
        #expect(book.sheet("表1099")?[0, 1] == .number(1099))
    }
}
