import Foundation
@testable import ReportReading
@testable import SeriesModel
import TestSupport
import Testing

@Suite struct ExtractionInputTests {
    @Test func markdownPipeTablesYieldTheSameNumbers() throws {
        let url = ExtractionFixtures.fixtures.appendingPathComponent("mudanjiang_2020.md")
        let r = try ReportExtractor.extract(Array(try Data(contentsOf: url)), file: "mudanjiang_2020.md")
        let truth = try ExtractionFixtures.truth("mudanjiang_2020.truth.json")
        #expect(r.report.format == .markdown)
        #expect(r.report.entity == "牡丹江市人民政府")
        #expect(ExtractionFixtures.printed(r) == ExtractionFixtures.expectedValues(truth))
        let row = try #require(r.observations.first { $0.metric == "licensing.decisions" })
        #expect(row.source == "mudanjiang_2020.md:14")
    }

    @Test func gb18030TextAndGB2312DeclaredHTMLDecode() throws {
        let text = String(decoding: try ExtractionFixtures.bytes("mudanjiang/mudanjiang_2020.txt"), as: UTF8.self)
        let gb = Array(try #require(text.data(using: TextDecoding.gb18030)))
        let r = try ReportExtractor.extract(gb, file: "mudanjiang_2020.txt")
        #expect(r.report.encoding == "GB18030")
        #expect(r.observations.first { $0.metric == "penalty.decisions" }?.value == 653308)

        let page = String(decoding: try ExtractionFixtures.bytes("pingtan/pingtan_2021.html"), as: UTF8.self)
            .replacingOccurrences(of: "charset=\"utf-8\"", with: "charset=\"gb2312\"")
            .replacingOccurrences(of: "charset=utf-8", with: "charset=gb2312")
        let gbPage = Array(try #require(page.data(using: TextDecoding.gb18030)))
        let h = try ReportExtractor.extract(gbPage, file: "pingtan_2021.html")
        #expect(h.report.encoding == "GB18030")
        #expect(h.observations.first { $0.metric == "fees.amount" }?.value == 24252.311082)
        #expect(h.observations.count == 200)
    }

    @Test func utf8BOMFullWidthDigitsAndBlankCells() throws {
        let html = """
        \u{FEFF}<html><head><title>某某县人民政府2021年度政府信息公开工作年度报告</title></head><body>
        <p>二、主动公开政府信息情况</p><table>
        <tr><td colspan="4">第二十条第（一）项</td></tr>
        <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
        <tr><td>规章</td><td>０</td><td>&nbsp;</td><td>１２</td></tr>
        <tr><td>行政规范性文件</td><td>1,234</td><td>—</td><td>５６</td></tr>
        <tr><td>行政事业性收费</td><td colspan="3">251000元</td></tr>
        </table><p>三、收到和处理政府信息公开申请情况</p><p>五、存在的主要问题</p></body></html>
        """
        let r = try ReportExtractor.extract(Array(html.utf8), file: "x.html")
        #expect(r.report.entity == "某某县人民政府")
        #expect(r.report.template == .v2021)
        let v = ExtractionFixtures.printed(r)
        #expect(v["regulations.issued@2021"] == 0)
        #expect(v["regulations.in_force@2021"] == 12)
        #expect(v["regulations.repealed@2021"] == nil)
        #expect(v["normative_docs.issued@2021"] == 1234)
        #expect(v["fees.amount@2021"] == 25.1)
        #expect(r.blankCells.map(\.metric) == ["regulations.repealed", "normative_docs.repealed"])
        #expect(r.blankCells.first?.source == "x.html#table2[r3c3]")
    }

    @Test func badInputsGiveClearMessagesNamingTheFile() throws {
        func message(_ bytes: [UInt8], _ file: String = "bad.txt") -> String {
            do { _ = try ReportExtractor.extract(bytes, file: file); return "" } catch { return "\(error)" }
        }
        #expect(message([]).hasPrefix("bad.txt: the file is empty"))
        #expect(message([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF]).contains("binary"))
        #expect(message(Array("今天天气很好，我们去公园散步。".utf8)).hasPrefix("bad.txt: not a 政府信息公开工作年度报告"))
        let big = [UInt8](repeating: 0x41, count: 50 * 1_048_576)
        #expect(message(big, "big.txt") == "big.txt: the file is 50.0 MB, larger than the 16.0 MB a report can be: expected one annual report")
    }

    @Test func truncatedReportKeepsTheCertainNumbersAndNamesWhatIsMissing() throws {
        let text = String(decoding: try ExtractionFixtures.bytes("mudanjiang/mudanjiang_2020.txt"), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.prefix(430).joined(separator: "\n")
        let r = try ReportExtractor.extract(Array(cut.utf8), file: "cut.txt")
        #expect(r.observations.first { $0.metric == "licensing.decisions" }?.value == 387576)
        #expect(r.observations.first { $0.metric == "applications.granted.total" }?.value == 111)
        #expect(r.issues.contains { $0.place == "table 3" && $0.message.contains("（七）总计") })
        #expect(r.issues.contains { $0.place == "table 4" })
    }

    @Test func rowWithTooManyNumbersIsReportedAndSkipped() throws {
        let text = String(decoding: try ExtractionFixtures.bytes("mudanjiang/mudanjiang_2020.txt"), as: UTF8.self)
            .replacingOccurrences(of: "（一）予以公开 95 11 0 0 4 1 111", with: "（一）予以公开 95 11 0 0 4 1 111 7")
        let r = try ReportExtractor.extract(Array(text.utf8), file: "extra.txt")
        #expect(r.observations.first { $0.metric == "applications.granted.total" } == nil)
        #expect(r.observations.first { $0.metric == "applications.partial_granted.total" }?.value == 6)
        let issue = try #require(r.issues.first { $0.place.contains("予以公开") })
        #expect(issue.message == "found 8 numbers, expected 7; none of this row is emitted")
        #expect(issue.place == "table 3, row （一）予以公开 (extra.txt:372)")
    }

    @Test func overridesReplaceDetectedValues() throws {
        let r = try ReportExtractor.extract(try ExtractionFixtures.bytes("pingtan/pingtan_2022.txt"), file: "p.txt",
                                            options: ExtractionOptions(entity: "平潭(福建)", year: 2022))
        #expect(r.report.entity == "平潭（福建）")
        #expect(r.observations.allSatisfy { $0.entity == "平潭（福建）" })
    }
}

@Suite struct ExtractionEdgeTests {
    @Test func rowWithTooFewNumbersIsReportedAndSkipped() throws {
        let text = String(decoding: try ExtractionFixtures.bytes("mudanjiang/mudanjiang_2020.txt"), as: UTF8.self)
            .replacingOccurrences(of: "（六）其他处理 1 0 0 0 0 0 1", with: "（六）其他处理 1 0 0 0 0 1")
        let r = try ReportExtractor.extract(Array(text.utf8), file: "short.txt")
        // read as a row whose blank cell vanished: the identities fix 自然人 = 1 and 总计 = 1 (as printed in the
        // original); which of the five middle cells the four 0s fill is open, so none of them is emitted
        let other = r.observations.filter { $0.metric.hasPrefix("applications.other_handling.") }
        #expect(other.map(\.metric) == ["applications.other_handling.natural_person", "applications.other_handling.total"])
        #expect(other.allSatisfy { $0.value == 1 && $0.source == "short.txt:496 (columns fixed by the identities: blank cells not printed)" })
        #expect(r.observations.first { $0.metric == "applications.total_processed.total" }?.value == 127)
        let issue = try #require(r.issues.first { $0.place.contains("其他处理") })
        #expect(issue.place == "table 3, row （六）其他处理 (short.txt:496)")
        #expect(issue.message.hasPrefix("the run “1 0 0 0 0 1” splits in 5 consistent ways; no value for applications.other_handling.commercial"))
    }

    @Test func layoutTablesAroundReportTablesAreLookedThrough() throws {
        let html = """
        <html><head><meta charset="gb2312"><title>某某区人民政府2020年政府信息公开工作年度报告</title></head><body>
        <table><tr><td>导航</td></tr><tr><td>
        <p>二、主动公开政府信息情况</p>
        <table><tr><td>第二十条第（一）项</td></tr>
        <tr><td>信息内容</td><td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td></tr>
        <tr><td>规章</td><td>1</td><td>2</td><td>3</td></tr>
        <tr><td>政府集中采购</td><td>4</td><td>5.5（万元）</td></tr></table>
        </td></tr></table></body></html>
        """
        let bytes = Array(try #require(html.data(using: TextDecoding.gb18030)))
        let r = try ReportExtractor.extract(bytes, file: "nested.html")
        #expect(r.report.entity == "某某区人民政府")
        #expect(r.report.year == 2020)
        let v = ExtractionFixtures.printed(r)
        #expect(v["regulations.total@2020"] == 3)
        #expect(v["procurement.amount@2020"] == 5.5)
        #expect(r.observations.first { $0.metric == "regulations.made" }?.source == "nested.html#table2[r3c2]")
    }

    @Test func unknownTemplateAndYearAreClearErrors() throws {
        let noTemplate = "某某县人民政府2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n申请人情况\n"
        do {
            _ = try ReportExtractor.extract(Array(noTemplate.utf8), file: "t.txt")
            Issue.record("expected an error")
        } catch let e as InputError {
            #expect(e.file == "t.txt")
            #expect(e.message.contains("--template"))
        }
        let r = try ReportExtractor.extract(Array(noTemplate.utf8), file: "t.txt", options: ExtractionOptions(template: .v2019))
        #expect(r.report.year == 2020)
        #expect(r.issues.contains { $0.place == "table 2" })
        let noYear = "第二十条第（一）项 本年新制作数量 上一年项目数量 规章 0 0 0"
        do {
            _ = try ReportExtractor.extract(Array(noYear.utf8), file: "y.txt")
            Issue.record("expected an error")
        } catch let e as InputError {
            #expect(e.description.hasPrefix("y.txt: cannot find the"))
        }
    }
}

@Suite struct ExtractionHeaderTests {
    @Test func titleWithChineseNumeralYearUsesTheStatisticsPeriod() throws {
        let text = """
        某某市交通运输局
        二〇二〇年度政府信息公开工作年度报告
        本报告中所列数据的统计期限为2020年1月1日至2020年12月31日。
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容 本年新制作数量 本年新公开数量 对外公开总数量
        规章 0 0 0
        规范性文件 12件 10件 30件
        """
        let r = try ReportExtractor.extract(Array(text.utf8), file: "jt.txt")
        #expect(r.report.entity == "某某市交通运输局")
        #expect(r.report.year == 2020)
        #expect(ExtractionFixtures.printed(r)["normative_docs.total@2020"] == 30)
    }
}
